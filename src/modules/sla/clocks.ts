import { uuidv7 } from 'uuidv7';
import type { BusinessCalendar } from '../../domain/calendars/calendar.ts';
import {
  type Clock,
  type ClockParty,
  pauseClock,
  readClock,
  resumeClock,
  retargetClock,
  startClock,
  stopClock,
} from '../../domain/sla/clock.ts';
import { type ClockAction, planClocks, type TargetOf, type TicketEvent } from '../../domain/sla/plan.ts';
import type { Principal } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import type { Db, Trx } from '../../platform/db/database.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import type { ClockedTicket, TicketClocks } from '../tickets/clock-hooks.ts';
import { type ClockNote, clockOf, columnsOf, type LedgerEvent, recordClockEvent } from './clock-ledger.ts';
import { currentOf, presentClock, type Risk, riskOf } from './clock-presenter.ts';
import type { SlaClock } from './clock-schema.ts';
import * as clockStore from './clock-store.ts';
import { armTimers, clockTimerHandlers } from './clock-timers.ts';
import type { SlaClockRow } from './tables.ts';

export interface ClockCalendars {
  compiled(db: Db, engagementId: string, calendarId: string): Promise<BusinessCalendar>;
  byIds(db: Db, engagementId: string, ids: Iterable<string>): Promise<Map<string, { name: string }>>;
}
export interface ClockPolicies {
  targetsFor(
    db: Db,
    engagementId: string,
    ticket: { kind: string; priority: string },
  ): Promise<{ warnPercent: number; targetOf: TargetOf }>;
}

export type SlaClockService = ReturnType<typeof createSlaClockService>;

/**
 * Both parties' SLA clocks: moved by ticket events inside the ticket's own transaction, read for
 * lists and the "at risk" view, and watched by durable warning and breach timers.
 */
export function createSlaClockService(
  { db, now, bus }: Pick<PlatformDeps, 'db' | 'now' | 'bus'>,
  calendars: ClockCalendars,
  policies: ClockPolicies,
  note: ClockNote,
) {
  const onTicketEvent: TicketClocks['onTicketEvent'] = async (trx, _actor, ticket, event, at) => {
    const open = await clockStore.openClocks(trx, ticket.engagement_id, ticket.id);
    const { warnPercent, targetOf } = await policies.targetsFor(trx, ticket.engagement_id, ticket);
    const facts = {
      number: ticket.label,
      kind: ticket.kind,
      priority: ticket.priority,
      status: ticket.status,
      ownerParty: ticket.owner_party,
    };
    const openClocks = open.map((row) => ({
      id: row.id,
      party: row.party,
      kind: row.kind,
      state: row.state as 'running' | 'paused',
      target: { minutes: row.target_minutes, calendarId: row.calendar_id },
    }));
    const byId = new Map(open.map((row) => [row.id, row]));
    for (const action of planClocks(facts, event as TicketEvent, openClocks, targetOf)) {
      await applyAction(trx, ticket, action, byId, warnPercent, at);
    }
  };

  async function applyAction(
    trx: Trx,
    ticket: ClockedTicket,
    action: ClockAction,
    byId: Map<string, SlaClockRow>,
    warnPercent: number,
    at: Date,
  ): Promise<void> {
    if (action.do === 'start') {
      const clock = startClock({ targetMinutes: action.target.minutes, warnPercent }, at, action.running);
      const row: SlaClockRow = {
        engagement_id: ticket.engagement_id,
        id: uuidv7(),
        ticket_id: ticket.id,
        party: action.party,
        kind: action.kind,
        calendar_id: action.target.calendarId,
        target_minutes: action.target.minutes,
        warn_percent: warnPercent,
        state: 'paused',
        outcome: null,
        started_at: at.toISOString(),
        running_since: null,
        elapsed_ms: 0,
        due_at: null,
        warned_at: null,
        breached_at: null,
        stopped_at: null,
        updated_at: at.toISOString(),
      };
      const calendar = await calendars.compiled(trx, row.engagement_id, row.calendar_id);
      const reading = readClock(clock, calendar, at);
      Object.assign(row, columnsOf(clock, reading, at));
      await clockStore.insertClock(trx, row);
      byId.set(row.id, row);
      await recordClockEvent(trx, note, row, {
        event: 'started',
        reason: action.reason,
        elapsedMs: 0,
        targetMinutes: row.target_minutes,
        at,
      });
      if (!action.running) {
        await recordClockEvent(trx, note, row, {
          event: 'paused',
          reason: action.reason,
          elapsedMs: 0,
          targetMinutes: row.target_minutes,
          at,
        });
      }
      await armTimers(trx, row, clock, reading, at);
      return;
    }
    const row = byId.get(action.clockId);
    if (!row) return;
    let calendar = await calendars.compiled(trx, row.engagement_id, row.calendar_id);
    const before = clockOf(row);
    let clock: Clock;
    let event: LedgerEvent;
    let calendarId = row.calendar_id;
    switch (action.do) {
      case 'pause':
        [clock, event] = [pauseClock(before, calendar, at), 'paused'];
        break;
      case 'resume':
        [clock, event] = [resumeClock(before, at), 'resumed'];
        break;
      case 'retarget': {
        // Time used so far is counted on the old calendar; what remains runs on the new one.
        const closed = pauseClock(before, calendar, at);
        clock = retargetClock(before.runningSince ? resumeClock(closed, at) : closed, action.target.minutes);
        event = 'retargeted';
        calendarId = action.target.calendarId;
        calendar = await calendars.compiled(trx, row.engagement_id, calendarId);
        break;
      }
      case 'stop':
        clock = stopClock(before, calendar, at, action.cancel);
        event =
          clock.outcome === 'cancelled' ? 'cancelled' : clock.outcome === 'breached' ? 'breached' : 'met';
        break;
    }
    const reading = readClock(clock, calendar, at);
    const changes = { ...columnsOf(clock, reading, at), calendar_id: calendarId };
    if (reading.breached && !row.breached_at)
      changes.breached_at = (breachMoment(before, calendar, row) ?? at).toISOString();
    await clockStore.updateClock(trx, row.engagement_id, row.id, changes);
    const updated = { ...row, ...changes } as SlaClockRow;
    byId.set(row.id, updated);
    await recordClockEvent(trx, note, updated, {
      event,
      reason: action.reason,
      elapsedMs: clock.elapsedMs,
      targetMinutes: clock.targetMinutes,
      at,
    });
    await armTimers(trx, updated, clock, reading, at);
  }

  /** When a running clock reached its target, if it did while running; else undefined. */
  function breachMoment(clock: Clock, calendar: BusinessCalendar, row: SlaClockRow): Date | undefined {
    if (!row.running_since) return undefined;
    return readClock(clock, calendar, new Date(row.running_since)).dueAt ?? undefined;
  }

  async function present(rows: readonly SlaClockRow[], at: Date): Promise<Map<string, SlaClock>> {
    const out = new Map<string, SlaClock>();
    const byEngagement = groupBy(rows, (row) => row.engagement_id);
    for (const [engagementId, group] of byEngagement) {
      const names = await calendars.byIds(
        db,
        engagementId,
        group.map((r) => r.calendar_id),
      );
      const compiled = new Map<string, BusinessCalendar>();
      for (const row of group) {
        const calendar =
          compiled.get(row.calendar_id) ?? (await calendars.compiled(db, engagementId, row.calendar_id));
        compiled.set(row.calendar_id, calendar);
        out.set(
          row.id,
          presentClock(row, readClock(clockOf(row), calendar, at), names.get(row.calendar_id)?.name ?? ''),
        );
      }
    }
    return out;
  }

  const currentClocks: TicketClocks['currentClocks'] = async (reader, engagementIds, ticketIds, at) => {
    const rows = currentOf(await clockStore.clocksOfTickets(reader, engagementIds, ticketIds));
    const shown = await present(rows, at);
    const byTicket = new Map<string, SlaClock[]>();
    for (const row of rows)
      byTicket.set(row.ticket_id, [...(byTicket.get(row.ticket_id) ?? []), shown.get(row.id)!]);
    return byTicket;
  };

  /** Every clock a ticket has had, each with its ledger (the caller has checked the ticket). */
  async function ticketSla(engagementId: string, ticketId: string) {
    const rows = await clockStore.clocksOfTickets(db, [engagementId], [ticketId]);
    const shown = await present(rows, now());
    const ledger = groupBy(
      await clockStore.ledgerOf(
        db,
        engagementId,
        rows.map((r) => r.id),
      ),
      (e) => e.clock_id,
    );
    return {
      clocks: rows.map((row) => ({
        ...shown.get(row.id)!,
        ledger: (ledger.get(row.id) ?? []).map((e) => ({
          at: e.at,
          event: e.event as LedgerEvent,
          reason: e.reason,
          elapsedMinutes: Math.floor(e.elapsed_ms / 60_000),
          targetMinutes: e.target_minutes,
        })),
      })),
    };
  }

  /** Open clocks of a party that are breached or warned (or all of them), soonest due first. */
  async function atRisk(
    actor: Principal,
    engagementId: string,
    query: { party?: ClockParty; risk?: readonly Risk[]; limit?: number },
  ) {
    authorize(actor, 'sla.read', engagementId);
    const wanted = new Set(query.risk ?? ['breached', 'warning']);
    const rows = await clockStore.openClocksWithTickets(db, engagementId, query.party);
    const shown = await present(rows, now());
    const items = rows
      .map((row) => {
        const clock = shown.get(row.id)!;
        return { row, clock: { ...clock, risk: riskOf(clock, row.warn_percent) } };
      })
      .filter((item) => wanted.has(item.clock.risk))
      .sort((a, b) => a.clock.remainingMinutes - b.clock.remainingMinutes)
      .slice(0, query.limit ?? 200);
    return {
      items: items.map(({ row, clock }) => ({
        clock,
        ticket: {
          id: row.ticket_id,
          number: `${row.ticket_prefix}-${row.number}`,
          title: row.title,
          kind: row.ticket_kind,
          priority: row.priority,
          status: row.status,
          ownerParty: row.owner_party,
          assigneeId: row.assignee_id,
        },
      })),
    };
  }

  async function announce(row: SlaClockRow, type: 'sla.warning' | 'sla.breached') {
    const ticket = await clockStore.ticketTitle(db, row.engagement_id, row.ticket_id);
    await bus.publish({
      engagementId: row.engagement_id,
      type,
      id: row.ticket_id,
      data: {
        clockId: row.id,
        party: row.party,
        kind: row.kind,
        number: ticket ? `${ticket.ticket_prefix}-${ticket.number}` : '',
        title: ticket?.title ?? '',
        assigneeId: ticket?.assignee_id ?? null,
        requesterId: null,
      },
    });
  }

  const timerHandlers = clockTimerHandlers({ db, now }, calendars.compiled, announce, note);

  return { onTicketEvent, currentClocks, ticketSla, atRisk, timerHandlers };
}

/** Map.groupBy arrives with Node 21; Tandem supports Node 20. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
