import { uuidv7 } from 'uuidv7';
import type { BusinessCalendar } from '../../domain/calendars/calendar.ts';
import {
  checkSchedule,
  compileSchedule,
  finalShifts,
  gapsIn,
  layerShifts,
  onCallAt,
  personalShifts,
  type ScheduleSpec,
} from '../../domain/oncall/schedule.ts';
import type { Principal } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflictOnDuplicate } from '../../platform/db/unique.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Invalid } from '../../platform/errors.ts';
import { presentSchedule, rowOf } from './presenter.ts';
import type { ScheduleBody } from './schema.ts';
import { mayChangePartyOf, rangeOf, scheduleOrThrow } from './spans.ts';
import * as store from './store.ts';
import type { ScheduleRow } from './tables.ts';

export type ScheduleService = ReturnType<typeof createScheduleService>;

interface HolidayCalendars {
  compiled(db: Db, engagementId: string, calendarId: string): Promise<BusinessCalendar>;
}

/**
 * On-call schedules of both parties: their layers, overrides and people's time off, resolved by
 * the domain into who is on call and the shifts of a range.
 */
export function createScheduleService(
  { db, now, bus }: Pick<PlatformDeps, 'db' | 'now' | 'bus'>,
  calendars: HolidayCalendars,
) {
  async function listSchedules(actor: Principal, engagementId: string) {
    authorize(actor, 'schedule.read', engagementId);
    return { items: (await store.listSchedules(db, engagementId)).map(presentSchedule) };
  }

  async function getSchedule(actor: Principal, engagementId: string, scheduleId: string) {
    authorize(actor, 'schedule.read', engagementId);
    return presentSchedule(await scheduleOrThrow(db, engagementId, scheduleId));
  }

  async function saveSchedule(
    actor: Principal,
    engagementId: string,
    body: ScheduleBody,
    scheduleId?: string,
  ) {
    authorize(actor, 'schedule.manage', engagementId);
    const before = scheduleId ? await scheduleOrThrow(db, engagementId, scheduleId) : undefined;
    if (before) mayChangePartyOf(actor, engagementId, before.party);
    mayChangePartyOf(actor, engagementId, body.party);
    await checkBody(engagementId, body);
    const stamp = now().toISOString();
    const row: ScheduleRow = {
      ...rowOf(engagementId, scheduleId ?? uuidv7(), body),
      created_at: before?.created_at ?? stamp,
      updated_at: stamp,
    };
    await db
      .transaction()
      .execute(async (trx) => {
        if (before) await store.updateSchedule(trx, engagementId, row.id, row);
        else await store.insertSchedule(trx, row);
        await recordAudit(
          trx,
          actor,
          {
            engagementId,
            action: before ? 'schedule.updated' : 'schedule.created',
            targetType: 'schedule',
            targetId: row.id,
            before,
            after: row,
          },
          now(),
        );
      })
      .catch(conflictOnDuplicate('A schedule with this name exists in the engagement.'));
    await bus.publish({ engagementId, type: 'schedule.updated', id: row.id });
    return presentSchedule(row);
  }

  /** Rotations may only hold staff of the schedule's own party; the domain checks the rest. */
  async function checkBody(engagementId: string, body: ScheduleBody) {
    const staff = new Map((await store.staffOf(db, engagementId)).map((m) => [m.user_id, m]));
    const problems = checkSchedule({ ...specOf(body), overrides: [], timeOff: [], holidays: [] });
    for (const [i, layer] of body.layers.entries()) {
      for (const [j, userId] of layer.users.entries()) {
        const member = staff.get(userId);
        if (
          !member ||
          member.role === 'requester' ||
          member.role === 'viewer' ||
          member.party !== body.party
        ) {
          problems.push({
            path: `/layers/${i}/users/${j}`,
            message: `is not ${body.party} staff of this engagement`,
          });
        }
      }
    }
    if (problems.length > 0)
      throw new Invalid(`The schedule is not valid: ${problems[0]!.message}.`, problems);
  }

  /** The schedule ready to resolve around [from, to): its overrides, time off and holidays. */
  async function compiledFor(reader: Db, row: ScheduleRow, from: Date, to: Date) {
    const [overrides, timeOff, holidays] = await Promise.all([
      store.overridesOf(reader, row.engagement_id, row.id, from.toISOString(), to.toISOString()),
      store.timeOffOf(reader, row.engagement_id, from.toISOString(), to.toISOString()),
      row.holiday_calendar_id
        ? calendars
            .compiled(reader, row.engagement_id, row.holiday_calendar_id)
            .then((c) => [...c.spec.holidays])
        : Promise.resolve([] as string[]),
    ]);
    const spec: ScheduleSpec = {
      ...specOf(presentSchedule(row)),
      overrides: overrides.map((o) => ({
        userId: o.user_id,
        start: new Date(o.starts_at),
        end: new Date(o.ends_at),
      })),
      timeOff: timeOff.map((t) => ({
        userId: t.user_id,
        start: new Date(t.starts_at),
        end: new Date(t.ends_at),
      })),
      holidays,
    };
    return compileSchedule(spec);
  }

  async function onCall(actor: Principal, engagementId: string, scheduleId: string, at?: string) {
    authorize(actor, 'schedule.read', engagementId);
    const instant = at ? new Date(at) : now();
    const users = await onCallIn(db, engagementId, scheduleId, instant);
    return { at: instant.toISOString(), users: await named(users) };
  }

  /** Who is on call at an instant, for routing (the caller has checked access). */
  async function onCallIn(reader: Db, engagementId: string, scheduleId: string, at: Date): Promise<string[]> {
    const row = await scheduleOrThrow(reader, engagementId, scheduleId);
    const compiled = await compiledFor(reader, row, at, new Date(at.getTime() + 1));
    return onCallAt(compiled, at);
  }

  async function shifts(
    actor: Principal,
    engagementId: string,
    scheduleId: string,
    range: { from?: string; to?: string },
  ) {
    authorize(actor, 'schedule.read', engagementId);
    const { from, to } = rangeOf(range, now());
    const row = await scheduleOrThrow(db, engagementId, scheduleId);
    const compiled = await compiledFor(db, row, from, to);
    const final = finalShifts(compiled, from, to);
    const layers = presentSchedule(row).layers.map((layer, i) => ({
      name: layer.name,
      shifts: layerShifts(compiled, i, from, to).map(presentShift),
    }));
    const everyone = [...new Set([...final, ...layers.flatMap((l) => l.shifts)].map((s) => s.userId))];
    return {
      shifts: final.map(presentShift),
      gaps: gapsIn(compiled, from, to).map((g) => ({
        start: g.start.toISOString(),
        end: g.end.toISOString(),
      })),
      layers,
      users: await named(everyone),
    };
  }

  /** The caller's own final shifts on every schedule of the engagement over a range. */
  async function myShifts(actor: Principal, engagementId: string, range: { from?: string; to?: string }) {
    authorize(actor, 'schedule.read', engagementId);
    if (actor.kind !== 'user') return { shifts: [] };
    const { from, to } = rangeOf(range, now());
    const rows = await store.listSchedules(db, engagementId);
    const lists = await Promise.all(
      rows.map(async (row) => {
        const compiled = await compiledFor(db, row, from, to);
        return personalShifts(compiled, actor.userId, from, to).map((shift) => ({
          scheduleId: row.id,
          scheduleName: row.name,
          track: row.track,
          start: shift.start.toISOString(),
          end: shift.end.toISOString(),
        }));
      }),
    );
    return { shifts: lists.flat().sort((a, b) => a.start.localeCompare(b.start)) };
  }

  /** Final shifts of a schedule over a range, for coverage and calendar feeds. */
  async function shiftsIn(reader: Db, engagementId: string, scheduleId: string, from: Date, to: Date) {
    const row = await scheduleOrThrow(reader, engagementId, scheduleId);
    return finalShifts(await compiledFor(reader, row, from, to), from, to);
  }

  async function named(ids: readonly string[]) {
    const names = new Map((await store.namesOf(db, ids)).map((u) => [u.id, u.name]));
    return ids.map((id) => ({ id, name: names.get(id) ?? 'deleted user' }));
  }

  return {
    listSchedules,
    getSchedule,
    createSchedule: (actor: Principal, engagementId: string, body: ScheduleBody) =>
      saveSchedule(actor, engagementId, body),
    updateSchedule: (actor: Principal, engagementId: string, scheduleId: string, body: ScheduleBody) =>
      saveSchedule(actor, engagementId, body, scheduleId),
    onCall,
    onCallIn,
    shifts,
    shiftsIn,
    myShifts,
    userNames: async (reader: Db, ids: readonly string[]) =>
      new Map((await store.namesOf(reader, ids)).map((u) => [u.id, u.name])),
    scheduleTracks: async (reader: Db, engagementId: string) =>
      new Map((await store.listSchedules(reader, engagementId)).map((s) => [s.id, s])),
  };
}

function specOf(
  schedule: Pick<ScheduleBody, 'timeZone' | 'layers'>,
): Omit<ScheduleSpec, 'overrides' | 'timeOff' | 'holidays'> {
  return { timeZone: schedule.timeZone, layers: schedule.layers };
}

function presentShift(shift: { userId: string; start: Date; end: Date }) {
  return { userId: shift.userId, start: shift.start.toISOString(), end: shift.end.toISOString() };
}
