import type { CalendarSpec } from '../domain/calendars/calendar.ts';
import type { ClockKind, ClockParty } from '../domain/sla/clock.ts';
import type { createTandem } from '../main.ts';
import { SYSTEM } from '../platform/access/actor.ts';

type Services = Awaited<ReturnType<typeof createTandem>>['services'];

const ALL_DAY = [['00:00', '24:00']] as [string, string][];
const CLOSED: [string, string][] = [];

const AROUND_THE_CLOCK = {
  name: '24×7',
  timeZone: 'UTC',
  hours: { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY },
  holidays: [],
};

/** Each client's own working hours: what the internal team's clocks and the slower provider targets run on. */
const BUSINESS_HOURS: Readonly<Record<string, { name: string } & CalendarSpec>> = {
  harborline: {
    name: 'Harborline business hours',
    timeZone: 'America/Chicago',
    // Head office closes for lunch.
    hours: weekdays([
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ]),
    holidays: ['2026-11-26', '2026-12-25', '2027-01-01'],
  },
  maplegrove: {
    name: 'Maplegrove clinic hours',
    timeZone: 'Europe/London',
    hours: { ...weekdays([['08:00', '18:00']]), sat: [['09:00', '13:00']] },
    holidays: ['2026-12-25', '2026-12-28', '2027-01-01'],
  },
};

function weekdays(open: [string, string][]) {
  return { mon: open, tue: open, wed: open, thu: open, fri: open, sat: CLOSED, sun: CLOSED };
}

type Priority = 'P1' | 'P2' | 'P3' | 'P4';
/** Minutes per priority, and whether they count on the 24×7 calendar or the client's hours. */
type Plan = Partial<Record<Priority, readonly [minutes: number, on: 'always' | 'business']>>;

/** The "Standard" policy: what each party owes the other, P1 (most urgent) to P4. */
const STANDARD: readonly { party: ClockParty; kind: ClockKind; plan: Plan }[] = [
  {
    party: 'provider',
    kind: 'first_response',
    plan: { P1: [15, 'always'], P2: [60, 'always'], P3: [240, 'business'], P4: [480, 'business'] },
  },
  {
    party: 'provider',
    kind: 'resolution',
    plan: { P1: [240, 'always'], P2: [480, 'always'], P3: [1440, 'business'], P4: [2400, 'business'] },
  },
  { party: 'provider', kind: 'update', plan: { P1: [60, 'always'], P2: [240, 'always'] } },
  {
    party: 'internal',
    kind: 'info_request_response',
    plan: { P1: [30, 'business'], P2: [120, 'business'], P3: [480, 'business'], P4: [960, 'business'] },
  },
  {
    party: 'internal',
    kind: 'change_approval',
    plan: { P1: [960, 'business'], P2: [960, 'business'], P3: [960, 'business'], P4: [960, 'business'] },
  },
  {
    party: 'internal',
    kind: 'incident_join',
    plan: { P1: [15, 'always'], P2: [30, 'always'], P3: [240, 'business'], P4: [480, 'business'] },
  },
];

/**
 * Calendars and the catch-all SLA policy of one demo engagement, written through the services so
 * the audit log shows them like any other change.
 */
export async function loadDemoSla(
  services: Services,
  engagementId: string,
  clientSlug: string,
): Promise<void> {
  const business = BUSINESS_HOURS[clientSlug];
  if (!business) throw new Error(`no demo business hours for ${clientSlug}`);
  const always = await services.calendars.createCalendar(SYSTEM, engagementId, AROUND_THE_CLOCK);
  const { name, timeZone, hours, holidays } = business;
  const office = await services.calendars.createCalendar(SYSTEM, engagementId, {
    name,
    timeZone,
    hours: hours as typeof AROUND_THE_CLOCK.hours,
    holidays: [...holidays],
  });
  const calendarOf = { always: always.id, business: office.id };
  await services.slaPolicies.createPolicy(SYSTEM, engagementId, {
    name: 'Standard',
    ticketKinds: [],
    warnPercent: 75,
    targets: STANDARD.flatMap(({ party, kind, plan }) =>
      Object.entries(plan).map(([priority, [minutes, on]]) => ({
        party,
        kind,
        priority: priority as Priority,
        minutes,
        calendarId: calendarOf[on],
      })),
    ),
  });
}
