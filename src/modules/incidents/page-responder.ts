import type { Principal } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { NotFound } from '../../platform/errors.ts';
import type { IncidentResponder, PageOutcome } from './desk.ts';
import type { DrillService } from './drills.ts';
import type { IncidentResponse } from './response.ts';
import type * as storeModule from './store.ts';

/**
 * Acting on a page from outside the API (an e-mail's signed link): the page must be the
 * actor's own; an incident page acknowledges or resolves the incident, a drill page records
 * the acknowledgement and moves the drill on.
 */
export function createPageResponder(
  { db }: Pick<PlatformDeps, 'db'>,
  parts: { response: IncidentResponse; drills: DrillService; store: typeof storeModule },
): IncidentResponder {
  const { response, drills, store } = parts;

  async function pageOf(actor: Principal, engagementId: string, pageId: string) {
    if (actor.kind !== 'user') throw new NotFound();
    authorize(actor, 'escalation.read', engagementId);
    const page = await store.findPage(db, engagementId, pageId);
    if (!page || page.user_id !== actor.userId) throw new NotFound();
    const esc = await store.findEscalation(db, engagementId, page.escalation_id);
    if (!esc) throw new NotFound();
    return { page, esc, userId: actor.userId };
  }

  async function act(
    actor: Principal,
    engagementId: string,
    pageId: string,
    what: 'acknowledge' | 'resolve',
  ): Promise<PageOutcome> {
    const { esc, userId } = await pageOf(actor, engagementId, pageId);
    if (esc.ticket_id === null) {
      const drill = await db.transaction().execute(async (trx) => {
        const locked = (await store.lockEscalation(trx, engagementId, esc.id))!;
        return drills.acknowledgeIn(trx, actor, locked, { userId, pageId });
      });
      return { incidentId: null, label: `[DRILL] ${drill.policy_name}`, status: drill.state };
    }
    const ticket =
      what === 'acknowledge'
        ? await response.acknowledge(actor, engagementId, esc.ticket_id, 'email')
        : await response.resolve(actor, engagementId, esc.ticket_id, 'email');
    return { incidentId: ticket.id, label: `${ticket.number} ${ticket.title}`, status: ticket.status };
  }

  return {
    acknowledgePage: (actor, engagementId, pageId) => act(actor, engagementId, pageId, 'acknowledge'),
    resolvePage: (actor, engagementId, pageId) => act(actor, engagementId, pageId, 'resolve'),
  };
}
