import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Actor } from '../access/actor.ts';
import { authorize, authorizeGlobally } from '../access/guard.ts';
import type { EngagementAction, GlobalAction } from '../access/policy.ts';
import { Forbidden, Unauthenticated } from '../errors.ts';

/**
 * What a route requires of its caller. Every route must declare one: the server refuses to
 * start otherwise, so a forgotten check cannot ship as "open to everyone".
 */
export type RouteAccess =
  | 'public'
  /** Any logged-in user or API token. */
  | 'user'
  /** A member of the engagement in the `engagementId` path parameter whose role allows the action. */
  | { readonly engagement: EngagementAction }
  | { readonly global: GlobalAction };

export interface Authentication {
  readonly actor: Actor;
  readonly via: 'session' | 'token';
  /** Session id hash, for logout. */
  readonly sessionIdHash?: string;
}

export type Authenticate = (request: FastifyRequest) => Promise<Authentication | null>;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    auth: Authentication | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function enforceRouteAccess(app: FastifyInstance, authenticate: Authenticate, baseUrl: string): void {
  const routes: RouteOptions[] = [];
  app.decorateRequest('auth', null);
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  app.addHook('onReady', async () => {
    const undeclared = routes.filter((r) => r.config?.access === undefined && !isImplicitHead(r, routes));
    if (undeclared.length > 0) {
      const names = undeclared.map((r) => `${[r.method].flat().join(',')} ${r.url}`).join('; ');
      throw new Error(`Refusing to start: these routes declare no access policy: ${names}`);
    }
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    const auth = await authenticate(request);
    if (!auth) throw new Unauthenticated();
    if (auth.via === 'session' && !SAFE_METHODS.has(request.method) && !isSameOrigin(request, baseUrl)) {
      throw new Forbidden(
        'Cross-site request refused: writes with a session cookie must come from Tandem’s own pages.',
      );
    }
    request.auth = auth;
    if (access === 'user') return;
    if ('global' in access) return authorizeGlobally(auth.actor, access.global);
    const engagementId = (request.params as { engagementId?: string }).engagementId ?? '';
    authorize(auth.actor, access.engagement, engagementId);
  });
}

/** Fastify adds a HEAD route for each GET; it shares the GET's handler and declaration. */
function isImplicitHead(route: RouteOptions, all: readonly RouteOptions[]): boolean {
  return route.method === 'HEAD' && all.some((r) => r.url === route.url && [r.method].flat().includes('GET'));
}

/**
 * Browsers send Origin on every cross-origin write and Sec-Fetch-Site on all modern requests;
 * neither can be set by a page's script. A write without either is not from a browser page
 * of ours, and a session cookie alone does not authorize it.
 */
function isSameOrigin(request: FastifyRequest, baseUrl: string): boolean {
  if (request.headers['sec-fetch-site'] === 'same-origin') return true;
  const origin = request.headers.origin;
  if (!origin) return false;
  return origin === baseUrl || origin === `${request.protocol}://${request.headers.host}`;
}

/** The authenticated actor of a route declared 'user', engagement or global. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.auth) throw new Unauthenticated();
  return request.auth.actor;
}
