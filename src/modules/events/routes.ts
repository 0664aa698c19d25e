import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { can } from '../../platform/access/policy.ts';
import type { Party, Role } from '../../platform/access/roles.ts';
import type { BusEvent, EventBus } from '../../platform/bus/bus.ts';
import { mayReceive } from '../../platform/bus/event.ts';
import type { Authenticate } from '../../platform/http/access-hook.ts';
import { actorOf } from '../../platform/http/access-hook.ts';
import { ProblemResponses } from '../../platform/http/schema.ts';
import { EngagementParams } from '../engagements/schema.ts';

/** How often the stream re-checks the viewer's access and sends a keep-alive comment. */
const RECHECK_MS = 15_000;

/**
 * Server-Sent Events for one engagement: `event: <type>`, `data: {type, id, data}`. Each event
 * goes through mayReceive for the viewer's party, and the viewer's access is re-checked while
 * the stream is open, so a removed member stops receiving within RECHECK_MS.
 */
export function eventRoutes(bus: EventBus, authenticate: Authenticate) {
  return async (app: FastifyInstance) => {
    app.get<{ Params: { engagementId: string } }>(
      '/api/v1/engagements/:engagementId/events',
      {
        config: { access: { engagement: 'events.subscribe' } },
        schema: {
          tags: ['Live updates'],
          summary: 'Live changes in the engagement (text/event-stream)',
          params: EngagementParams,
          response: { 200: Type.String({ description: 'An event stream.' }), ...ProblemResponses },
        },
      },
      (request, reply) => {
        const { engagementId } = request.params;
        const actor = actorOf(request);
        const viewer = { ...actor.engagements.get(engagementId)!, userId: actor.userId };
        reply.hijack();
        // The server drops idle connections after a few seconds; a stream is idle by nature.
        request.raw.socket.setTimeout(0);
        const raw = reply.raw;
        raw.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        raw.write('retry: 3000\n: connected\n\n');
        const unsubscribe = bus.subscribe(engagementId, (event) => {
          if (!forViewer(event, viewer)) return;
          raw.write(
            `event: ${event.type}\ndata: ${JSON.stringify({ type: event.type, id: event.id ?? null, data: event.data ?? null })}\n\n`,
          );
        });
        const recheck = setInterval(async () => {
          const auth = await authenticate(request).catch(() => null);
          if (!auth || !can(auth.actor, 'events.subscribe', engagementId)) return close();
          raw.write(': keep-alive\n\n');
        }, RECHECK_MS);
        const close = () => {
          clearInterval(recheck);
          unsubscribe();
          raw.end();
        };
        request.raw.on('close', close);
      },
    );
  };
}

/**
 * Staff receive their party's events; a requester only shared events about their own
 * tickets (the publisher names the ticket's requester in `data.requesterId`).
 */
function forViewer(event: BusEvent, viewer: { party: Party; role: Role; userId: string }): boolean {
  if (viewer.role !== 'requester') return mayReceive(event, viewer.party);
  const requesterId = (event.data as { requesterId?: unknown } | undefined)?.requesterId;
  return (event.audience ?? 'all') === 'all' && requesterId === viewer.userId;
}
