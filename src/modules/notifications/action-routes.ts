import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { loadActor } from '../../platform/auth/actor-loader.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors.ts';
import type { IncidentResponder } from '../incidents/desk.ts';
import { type ActionClaim, checkAction } from './action-links.ts';
import { actionPage, confirmPage, openIn, VERB } from './action-pages.ts';
import * as store from './store.ts';

const TokenParams = Type.Object({ token: Type.String({ maxLength: 200 }) }, { additionalProperties: false });
const html = (description: string) => ({
  description,
  content: { 'text/html': { schema: Type.String({ description: 'An HTML page.' }) } },
});

/**
 * The one-click links of page e-mails. The token is the credential (no session, no cookie), so
 * these routes are public; a GET only shows what the button will do, because mail scanners
 * fetch every link in a message and must not acknowledge anything by doing so.
 */
export function actionRoutes(
  { db, now }: Pick<PlatformDeps, 'db' | 'now'>,
  linkKey: Buffer,
  responder: () => IncidentResponder,
) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    // The button posts an empty form; its content is never read. Only these routes accept it
    // (this plugin is its own encapsulated context), every other write stays JSON-only.
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 1024 },
      (_r, _b, done) => done(null, {}),
    );
    const tags = ['Notifications'];
    const responses = {
      200: html('What the link does (GET), or what was done (POST).'),
      '4xx': html('The link is not valid, has expired, or the page can no longer be answered.'),
    };

    app.get(
      '/actions/:token',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'A page e-mail’s action link: says what the button will do',
          params: TokenParams,
          response: responses,
        },
      },
      async (request, reply) => {
        const claim = claimOr(reply, request.params.token);
        if (!claim) return reply;
        const notice = await store.noticeOfPage(db, claim.engagementId, claim.pageId);
        return send(reply, 200, confirmPage(claim.action, notice, `/actions/${request.params.token}`));
      },
    );

    app.post(
      '/actions/:token',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'A page e-mail’s action link: acknowledge or resolve, as the person paged',
          params: TokenParams,
          response: responses,
        },
      },
      async (request, reply) => {
        const claim = claimOr(reply, request.params.token);
        if (!claim) return reply;
        const actor = await loadActor(db, claim.userId, null);
        if (!actor)
          return failure(reply, 403, 'Your account cannot act', 'Your Tandem account is disabled or gone.');
        try {
          const { engagementId, pageId } = claim;
          const outcome =
            claim.action === 'acknowledge'
              ? await responder().acknowledgePage(actor, engagementId, pageId)
              : await responder().resolvePage(actor, engagementId, pageId);
          return send(
            reply,
            200,
            actionPage({
              heading: `${VERB[claim.action].done}${outcome.label ? `: ${outcome.label}` : ''}`,
              paragraphs: [`Done, as ${actor.name}. It is now ${outcome.status.replaceAll('_', ' ')}.`],
              ...openIn(await store.noticeOfPage(db, engagementId, pageId)),
            }),
          );
        } catch (error) {
          return refusal(reply, error, request.log);
        }
      },
    );

    function claimOr(reply: FastifyReply, token: string): ActionClaim | null {
      const check = checkAction(linkKey, token, now());
      if (check.kind === 'valid') return check.claim;
      if (check.kind === 'expired')
        failure(
          reply,
          410,
          'This link has expired',
          'Action links work for 24 hours. Open the incident in Tandem instead.',
        );
      else
        failure(
          reply,
          404,
          'This link is not valid',
          'It may have been cut short or changed. Open the incident in Tandem instead.',
        );
      return null;
    }
  };
}

function refusal(reply: FastifyReply, error: unknown, log: FastifyBaseLogger): FastifyReply {
  if (error instanceof NotFound)
    return failure(reply, 404, 'Nothing to do here', 'The page no longer exists or is not yours to answer.');
  if (error instanceof Conflict || error instanceof Invalid)
    return failure(reply, 409, 'Already done', error.message);
  if (error instanceof Forbidden) return failure(reply, 403, 'Not allowed', error.message);
  log.error({ err: error }, 'An action link failed');
  return failure(
    reply,
    500,
    'Something went wrong',
    'It has been logged. Open the incident in Tandem instead.',
  );
}

function failure(reply: FastifyReply, status: number, heading: string, text: string): FastifyReply {
  return send(reply, status, actionPage({ heading, paragraphs: [text] }));
}

function send(reply: FastifyReply, status: number, page: string): FastifyReply {
  return (
    reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      // The token is in the URL: never pass it on to another site.
      .header('referrer-policy', 'no-referrer')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
      .send(page)
  );
}
