import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE, SESSION_IDLE_HOURS } from '../../platform/auth/sessions.ts';
import { actorOf } from '../../platform/http/access-hook.ts';
import { NoContent, ProblemResponses } from '../../platform/http/schema.ts';
import {
  CreatedApiToken,
  CreateTokenBody,
  LoginBody,
  LoginResult,
  Me,
  TokenList,
  TokenParams,
} from './schema.ts';
import type { AuthService } from './service.ts';
import type { TokenService } from './tokens.ts';

export function authRoutes(auth: AuthService, tokens: TokenService, options: { secureCookies: boolean }) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['Authentication'];
    app.post(
      '/api/v1/auth/login',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Log in with e-mail and password; sets the session cookie',
          body: LoginBody,
          response: { 200: LoginResult, ...ProblemResponses },
        },
      },
      async (request, reply) => {
        const { cookieValue, me } = await auth.login(request.body, {
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? '',
        });
        reply.setCookie(SESSION_COOKIE, cookieValue, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: options.secureCookies,
          maxAge: SESSION_IDLE_HOURS * 3600,
        });
        return { user: me };
      },
    );

    app.post(
      '/api/v1/auth/logout',
      {
        config: { access: 'user' },
        schema: { tags, summary: 'End this session', response: { 204: NoContent, ...ProblemResponses } },
      },
      async (request, reply) => {
        await auth.logout(actorOf(request), request.auth?.sessionIdHash);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/me',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Who you are and your engagements',
          response: { 200: Me, ...ProblemResponses },
        },
      },
      async (request) => auth.whoIs(actorOf(request)),
    );

    app.get(
      '/api/v1/auth/tokens',
      {
        config: { access: 'user' },
        schema: { tags, summary: 'Your API tokens', response: { 200: TokenList, ...ProblemResponses } },
      },
      async (request) => ({ items: await tokens.listTokens(actorOf(request)) }),
    );

    app.post(
      '/api/v1/auth/tokens',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Create an API token (the secret is shown once)',
          body: CreateTokenBody,
          response: { 201: CreatedApiToken, ...ProblemResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await tokens.createToken(actorOf(request), request.body)),
    );

    app.delete(
      '/api/v1/auth/tokens/:tokenId',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Revoke an API token',
          params: TokenParams,
          response: { 204: NoContent, ...ProblemResponses },
        },
      },
      async (request, reply) => {
        await tokens.revokeToken(actorOf(request), request.params.tokenId);
        return reply.status(204).send(null);
      },
    );
  };
}
