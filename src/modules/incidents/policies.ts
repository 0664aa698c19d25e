import { uuidv7 } from 'uuidv7';
import { checkPolicy, type Target } from '../../domain/escalation/policy.ts';
import type { Principal } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { conflictOnDuplicate } from '../../platform/db/unique.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Invalid, NotFound } from '../../platform/errors.ts';
import { directoryOf, foreignTargets } from './people.ts';
import { presentPolicy } from './policy-presenter.ts';
import type { PolicyBody } from './policy-schema.ts';
import * as store from './store.ts';
import type { PolicyRow } from './tables.ts';

export type PolicyService = ReturnType<typeof createPolicyService>;

/** Escalation policies of an engagement: levels of people, schedules and teams of either party. */
export function createPolicyService({ db, now, bus }: Pick<PlatformDeps, 'db' | 'now' | 'bus'>) {
  async function listPolicies(actor: Principal, engagementId: string) {
    authorize(actor, 'escalation.read', engagementId);
    const [rows, dir] = await Promise.all([
      store.listPolicies(db, engagementId),
      directoryOf(db, engagementId),
    ]);
    return { items: rows.map((row) => presentPolicy(row, dir)) };
  }

  async function getPolicy(actor: Principal, engagementId: string, policyId: string) {
    authorize(actor, 'escalation.read', engagementId);
    const row = await policyOrThrow(engagementId, policyId);
    return presentPolicy(row, await directoryOf(db, engagementId));
  }

  async function savePolicy(actor: Principal, engagementId: string, body: PolicyBody, policyId?: string) {
    authorize(actor, 'escalation.manage', engagementId);
    const before = policyId ? await policyOrThrow(engagementId, policyId) : undefined;
    const spec = { repeat: body.repeat, levels: body.levels, fallback: body.fallback ?? [] };
    const dir = await directoryOf(db, engagementId);
    const problems = [
      ...checkPolicy(spec),
      ...spec.levels.flatMap((level, i) => strangers(level.targets, `/levels/${i}/targets`)),
      ...strangers(spec.fallback, '/fallback'),
    ];
    if (problems.length > 0) throw new Invalid(`The policy is not valid: ${problems[0]!.message}.`, problems);
    const stamp = now().toISOString();
    const row: PolicyRow = {
      engagement_id: engagementId,
      id: policyId ?? uuidv7(),
      name: body.name.trim(),
      description: body.description ?? '',
      repeat: spec.repeat,
      levels: JSON.stringify(spec.levels.map((l) => ({ delayMinutes: l.delayMinutes, targets: l.targets }))),
      fallback: JSON.stringify(spec.fallback),
      created_at: before?.created_at ?? stamp,
      updated_at: stamp,
    };
    await db
      .transaction()
      .execute(async (trx) => {
        if (before) await store.updatePolicy(trx, engagementId, row.id, row);
        else await store.insertPolicy(trx, row);
        await recordAudit(
          trx,
          actor,
          {
            engagementId,
            action: before ? 'escalation_policy.updated' : 'escalation_policy.created',
            targetType: 'escalation_policy',
            targetId: row.id,
            before,
            after: row,
          },
          now(),
        );
      })
      .catch(conflictOnDuplicate('An escalation policy with this name exists in the engagement.'));
    await bus.publish({ engagementId, type: 'escalation_policy.updated', id: row.id });
    return presentPolicy(row, dir);

    function strangers(targets: readonly Target[], path: string) {
      return foreignTargets(dir, targets).map((j) => ({
        path: `${path}/${j}/id`,
        message: `is not a ${targets[j]!.type === 'user' ? 'staff member' : targets[j]!.type} of this engagement`,
      }));
    }
  }

  async function deletePolicy(actor: Principal, engagementId: string, policyId: string) {
    authorize(actor, 'escalation.manage', engagementId);
    const before = await policyOrThrow(engagementId, policyId);
    // Escalations already running keep their snapshot; only new incidents stop finding it.
    await db.transaction().execute(async (trx) => {
      await store.deletePolicy(trx, engagementId, policyId);
      await recordAudit(
        trx,
        actor,
        {
          engagementId,
          action: 'escalation_policy.deleted',
          targetType: 'escalation_policy',
          targetId: policyId,
          before,
        },
        now(),
      );
    });
    await bus.publish({ engagementId, type: 'escalation_policy.deleted', id: policyId });
  }

  async function policyOrThrow(engagementId: string, policyId: string) {
    const row = await store.findPolicy(db, engagementId, policyId);
    if (!row) throw new NotFound();
    return row;
  }

  return {
    listPolicies,
    getPolicy,
    createPolicy: (actor: Principal, engagementId: string, body: PolicyBody) =>
      savePolicy(actor, engagementId, body),
    updatePolicy: (actor: Principal, engagementId: string, policyId: string, body: PolicyBody) =>
      savePolicy(actor, engagementId, body, policyId),
    deletePolicy,
    policyOrThrow,
  };
}
