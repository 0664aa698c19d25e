import { uuidv7 } from 'uuidv7';
import type { Principal } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Invalid, NotFound } from '../../platform/errors.ts';
import type { SpanBody } from './schema.ts';
import { mayChangePartyOf, mayManagePerson, rangeOf, scheduleOrThrow, spanOf } from './spans.ts';
import * as store from './store.ts';

export type ScheduleCoverService = ReturnType<typeof createScheduleCoverService>;

/** Who covers for whom: overrides on one schedule, and people's time off across all of them. */
export function createScheduleCoverService({ db, now, bus }: Pick<PlatformDeps, 'db' | 'now' | 'bus'>) {
  async function addOverride(actor: Principal, engagementId: string, scheduleId: string, body: SpanBody) {
    authorize(actor, 'schedule.override', engagementId);
    const row = await scheduleOrThrow(db, engagementId, scheduleId);
    mayChangePartyOf(actor, engagementId, row.party);
    const span = spanOf(body);
    const member = (await store.staffOf(db, engagementId)).find((m) => m.user_id === body.userId);
    if (!member || member.party !== row.party || member.role === 'viewer' || member.role === 'requester') {
      throw new Invalid(`Only ${row.party} staff cover this schedule.`, [
        { path: '/userId', message: `is not ${row.party} staff` },
      ]);
    }
    const id = uuidv7();
    await db.transaction().execute(async (trx) => {
      const override = {
        engagement_id: engagementId,
        id,
        schedule_id: scheduleId,
        user_id: body.userId,
        starts_at: span.start.toISOString(),
        ends_at: span.end.toISOString(),
        created_by: actor.kind === 'user' ? actor.userId : body.userId,
        created_at: now().toISOString(),
      };
      await store.insertOverride(trx, override);
      await recordAudit(
        trx,
        actor,
        {
          engagementId,
          action: 'schedule.override_added',
          targetType: 'schedule',
          targetId: scheduleId,
          after: override,
        },
        now(),
      );
    });
    await bus.publish({ engagementId, type: 'schedule.updated', id: scheduleId });
    return {
      id,
      userId: body.userId,
      userName: member.name,
      start: span.start.toISOString(),
      end: span.end.toISOString(),
      createdAt: now().toISOString(),
    };
  }

  async function listOverrides(
    actor: Principal,
    engagementId: string,
    scheduleId: string,
    range: { from?: string; to?: string },
  ) {
    authorize(actor, 'schedule.read', engagementId);
    await scheduleOrThrow(db, engagementId, scheduleId);
    const { from, to } = rangeOf(range, now());
    const rows = await store.overridesOf(db, engagementId, scheduleId, from.toISOString(), to.toISOString());
    return {
      items: rows.map((o) => ({
        id: o.id,
        userId: o.user_id,
        userName: o.user_name,
        start: o.starts_at,
        end: o.ends_at,
        createdAt: o.created_at,
      })),
    };
  }

  async function removeOverride(
    actor: Principal,
    engagementId: string,
    scheduleId: string,
    overrideId: string,
  ) {
    authorize(actor, 'schedule.override', engagementId);
    const schedule = await scheduleOrThrow(db, engagementId, scheduleId);
    await db.transaction().execute(async (trx) => {
      if (!(await store.deleteOverride(trx, engagementId, scheduleId, overrideId))) throw new NotFound();
      // Only once the override is known to exist: a wrong id answers 404, whoever asks.
      mayChangePartyOf(actor, engagementId, schedule.party);
      await recordAudit(
        trx,
        actor,
        {
          engagementId,
          action: 'schedule.override_removed',
          targetType: 'schedule',
          targetId: scheduleId,
          before: { overrideId },
        },
        now(),
      );
    });
    await bus.publish({ engagementId, type: 'schedule.updated', id: scheduleId });
  }

  async function addTimeOff(actor: Principal, engagementId: string, body: SpanBody & { reason?: string }) {
    authorize(actor, 'schedule.override', engagementId);
    const span = spanOf(body);
    const member = (await store.staffOf(db, engagementId)).find((m) => m.user_id === body.userId);
    if (!member)
      throw new Invalid('No such member.', [
        { path: '/userId', message: 'is not a member of this engagement' },
      ]);
    mayManagePerson(actor, engagementId, body.userId, member.party);
    const row = {
      engagement_id: engagementId,
      id: uuidv7(),
      user_id: body.userId,
      starts_at: span.start.toISOString(),
      ends_at: span.end.toISOString(),
      reason: body.reason ?? '',
      created_at: now().toISOString(),
    };
    await db.transaction().execute(async (trx) => {
      await store.insertTimeOff(trx, row);
      await recordAudit(
        trx,
        actor,
        { engagementId, action: 'time_off.added', targetType: 'user', targetId: body.userId, after: row },
        now(),
      );
    });
    await bus.publish({ engagementId, type: 'schedule.updated', id: engagementId });
    return {
      id: row.id,
      userId: row.user_id,
      userName: member.name,
      start: row.starts_at,
      end: row.ends_at,
      reason: row.reason,
    };
  }

  async function listTimeOff(actor: Principal, engagementId: string, range: { from?: string; to?: string }) {
    authorize(actor, 'schedule.read', engagementId);
    const { from, to } = rangeOf(range, now());
    const rows = await store.timeOffOf(db, engagementId, from.toISOString(), to.toISOString());
    return {
      items: rows.map((t) => ({
        id: t.id,
        userId: t.user_id,
        userName: t.user_name,
        start: t.starts_at,
        end: t.ends_at,
        reason: t.reason,
      })),
    };
  }

  async function removeTimeOff(actor: Principal, engagementId: string, timeOffId: string) {
    authorize(actor, 'schedule.override', engagementId);
    const found = await store.findTimeOff(db, engagementId, timeOffId);
    if (!found) throw new NotFound();
    const member = (await store.staffOf(db, engagementId)).find((m) => m.user_id === found.user_id);
    mayManagePerson(actor, engagementId, found.user_id, member?.party ?? 'internal');
    await db.transaction().execute(async (trx) => {
      await store.deleteTimeOff(trx, engagementId, timeOffId);
      await recordAudit(
        trx,
        actor,
        {
          engagementId,
          action: 'time_off.removed',
          targetType: 'user',
          targetId: found.user_id,
          before: found,
        },
        now(),
      );
    });
  }

  return { addOverride, listOverrides, removeOverride, addTimeOff, listTimeOff, removeTimeOff };
}
