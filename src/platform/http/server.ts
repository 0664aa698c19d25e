import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import type { Logger } from '../log/logger.ts';
import { type Authenticate, enforceRouteAccess } from './access-hook.ts';
import { honourIdempotencyKeys } from './idempotency.ts';
import { acceptJsonOnly } from './json-body.ts';
import { exposeMetrics } from './metrics.ts';
import { registerOpenApi } from './openapi.ts';
import { errorHandler, NOT_FOUND, problem, sendProblem } from './problem.ts';
import { validatorCompiler } from './validation.ts';

/** A module's routes: a Fastify plugin registered at the root (routes carry their full paths). */
export type RoutesPlugin = (app: FastifyInstance) => Promise<void>;

export interface HttpServerOptions {
  readonly config: Config;
  readonly log: Logger;
  readonly db: Db;
  readonly authenticate: Authenticate;
  readonly now: () => Date;
  readonly routes: readonly RoutesPlugin[];
  /** The built web app (dist/web); served with a fallback to index.html for client routes. */
  readonly webRoot?: string;
}

/** Paths that only ever answer JSON; everything else may fall back to the web app. */
const API_PREFIXES = ['/api/', '/v2/', '/integrations/'];

export const LIMITS = {
  bodyBytes: 1024 * 1024,
  requestTimeoutMs: 30_000,
  connectionTimeoutMs: 10_000,
  maxConnections: 2048,
} as const;

export async function buildHttpServer(options: HttpServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.log as FastifyBaseLogger,
    bodyLimit: LIMITS.bodyBytes,
    requestTimeout: LIMITS.requestTimeoutMs,
    connectionTimeout: LIMITS.connectionTimeoutMs,
    keepAliveTimeout: 72_000,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    ajv: { customOptions: { removeAdditional: false } },
    // Bad URLs and over-long path parameters are refused by the router before any hook runs.
    frameworkErrors: (error, _request, reply) => {
      if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
        return sendProblem(
          reply,
          problem(414, 'uri-too-long', 'URI Too Long', 'A path parameter is too long.'),
        );
      }
      return sendProblem(
        reply,
        problem(400, 'bad-request', 'Bad Request', 'The URL is not valid percent-encoded UTF-8.'),
      );
    },
  });
  app.server.maxConnections = LIMITS.maxConnections;
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(errorHandler);
  acceptJsonOnly(app);
  refuseBadUrls(app);
  await app.register(fastifyCookie);
  enforceRouteAccess(app, options.authenticate, options.config.baseUrl);
  honourIdempotencyKeys(app, options.db, options.now);
  exposeMetrics(app);
  await registerOpenApi(app);
  for (const routes of options.routes) await app.register(routes);
  await serveWebApp(app, options.webRoot);
  return app;
}

/** NUL bytes and broken percent-encoding in a URL are refused before any route sees them. */
function refuseBadUrls(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(request.url);
    } catch {
      return sendProblem(
        reply,
        problem(400, 'bad-request', 'Bad Request', 'The URL is not valid percent-encoded UTF-8.'),
      );
    }
    if (decoded.includes('\u0000')) {
      return sendProblem(
        reply,
        problem(400, 'bad-request', 'Bad Request', 'The URL contains a NUL character.'),
      );
    }
  });
}

async function serveWebApp(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  const index = webRoot ? path.join(webRoot, 'index.html') : undefined;
  const hasWebApp = index !== undefined && fs.existsSync(index);
  if (hasWebApp) {
    await app.register(async (web) => {
      web.addHook('onRoute', (route) => {
        route.config = { ...route.config, access: 'public' };
      });
      // The built files are listed once at start (a rebuild is served after a restart), so
      // every other path still reaches its own route or the not-found handler below.
      await web.register(fastifyStatic, { root: webRoot!, wildcard: false, index: false, maxAge: '1h' });
    });
  }
  // The app's page, for / and for client-side routes (/e/harborline/audit …). Read per request
  // (a few hundred bytes) so a rebuilt app is served without a restart.
  const sendPage = async (reply: FastifyReply) => {
    const page = await fs.promises.readFile(index!, 'utf8');
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page);
  };
  if (hasWebApp)
    app.get('/', { config: { access: 'public' }, schema: { hide: true } }, (_request, reply) =>
      sendPage(reply),
    );
  app.setNotFoundHandler(async (request, reply) => {
    const isApi = API_PREFIXES.some((prefix) => request.url.startsWith(prefix));
    const isFile = /\.[a-z0-9]+$/i.test(request.url.split('?')[0]!);
    if (isApi || isFile || request.method !== 'GET') return sendProblem(reply, NOT_FOUND);
    if (!hasWebApp) {
      return sendProblem(
        reply,
        problem(404, 'not-found', 'Not Found', 'The web app is not built; run `npm run build`.'),
      );
    }
    return sendPage(reply);
  });
}
