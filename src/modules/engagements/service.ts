import { uuidv7 } from 'uuidv7';
import type { Actor, Principal } from '../../platform/access/actor.ts';
import { authorize, authorizeGlobally } from '../../platform/access/guard.ts';
import { allowedActions } from '../../platform/access/policy.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { conflictOnDuplicate } from '../../platform/db/unique.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Conflict, Invalid, NotFound } from '../../platform/errors.ts';
import { toEngagement } from './presenter.ts';
import type { CreateEngagementBody, Engagement, EngagementDetail } from './schema.ts';
import * as store from './store.ts';

export type EngagementService = ReturnType<typeof createEngagementService>;

export function createEngagementService({ db, now }: Pick<PlatformDeps, 'db' | 'now'>) {
  /** Only the caller's engagements (a token's scope already narrowed them). */
  async function listEngagements(actor: Actor): Promise<Engagement[]> {
    const rows = await store.listEngagements(db, [...actor.engagements.keys()]);
    return rows.map((row) => toEngagement(row, actor.engagements.get(row.id)!));
  }

  async function getEngagement(actor: Actor, engagementId: string): Promise<EngagementDetail> {
    authorize(actor, 'engagement.read', engagementId);
    const row = await store.findEngagement(db, engagementId);
    if (!row) throw new NotFound();
    const [parties, counts] = await Promise.all([
      store.partiesOf(db, engagementId),
      store.countsOf(db, engagementId),
    ]);
    return {
      ...toEngagement(row, actor.engagements.get(engagementId)!),
      parties: parties.map((p) => ({ kind: p.kind, organization: { id: p.id, slug: p.slug, name: p.name } })),
      memberCount: counts.members,
      teamCount: counts.teams,
      allowedActions: allowedActions(actor, engagementId),
    };
  }

  /**
   * Opens an engagement between the provider and a client organization. A provider admin
   * who opens one becomes its first admin member.
   */
  async function createEngagement(principal: Principal, body: CreateEngagementBody): Promise<{ id: string }> {
    authorizeGlobally(principal, 'engagement.create');
    const [client, provider] = await Promise.all([
      db
        .selectFrom('organizations')
        .selectAll()
        .where('id', '=', body.clientOrganizationId)
        .executeTakeFirst(),
      db
        .selectFrom('organizations')
        .selectAll()
        .where('kind', '=', 'provider')
        .orderBy('created_at')
        .executeTakeFirst(),
    ]);
    if (client?.kind !== 'client') {
      throw new Invalid('No such client organization.', [
        { path: '/clientOrganizationId', message: 'is not a client organization' },
      ]);
    }
    if (!provider) throw new Conflict('Create the provider organization first.');
    const id = uuidv7();
    const stamp = now().toISOString();
    const row = {
      id,
      slug: body.slug,
      name: body.name,
      ticket_prefix: body.ticketPrefix,
      provider_organization_id: provider.id,
      client_organization_id: client.id,
      created_at: stamp,
    };
    await db.transaction().execute(async (trx) => {
      await store
        .insertEngagement(trx, row, [
          { engagement_id: id, kind: 'provider', organization_id: provider.id },
          { engagement_id: id, kind: 'internal', organization_id: client.id },
        ])
        .catch(conflictOnDuplicate('An engagement with this slug or ticket prefix exists.'));
      await recordAudit(
        trx,
        principal,
        {
          engagementId: id,
          action: 'engagement.created',
          targetType: 'engagement',
          targetId: id,
          after: row,
        },
        now(),
      );
      if (principal.kind === 'user') {
        const membership = {
          engagement_id: id,
          user_id: principal.userId,
          party: 'provider' as const,
          role: 'admin' as const,
          created_at: stamp,
        };
        await trx.insertInto('memberships').values(membership).execute();
        await recordAudit(
          trx,
          principal,
          {
            engagementId: id,
            action: 'member.added',
            targetType: 'member',
            targetId: principal.userId,
            after: membership,
          },
          now(),
        );
      }
    });
    return { id };
  }

  /** For the CLI and the web app's URLs, which name engagements by slug. */
  async function idForSlug(slug: string): Promise<string | undefined> {
    return (await store.findEngagementIdBySlug(db, slug))?.id;
  }

  return { listEngagements, getEngagement, createEngagement, idForSlug };
}
