import { DateTime } from 'luxon';
import type { createTandem } from '../main.ts';
import { SYSTEM } from '../platform/access/actor.ts';
import type { DemoPerson } from './demo-data.ts';

type Services = Awaited<ReturnType<typeof createTandem>>['services'];
type ScheduleBody = Parameters<Services['schedules']['createSchedule']>[2];

/** Each client's zone (its business calendar's) and the internal staff who work its desk. */
const CLIENT_DESKS: Readonly<Record<string, { zone: string; team: string; desk: readonly string[] }>> = {
  harborline: {
    zone: 'America/Chicago',
    team: 'Internal Service Desk',
    desk: ['tom.eriksen@harborline.example', 'ana.lopez@harborline.example'],
  },
  maplegrove: { zone: 'Europe/London', team: 'Clinic IT', desk: ['ben.carter@maplegrove.example'] },
};

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

/**
 * The NOC covers what the internal desk does not: weeknights from 17:00 to 08:00, the early hours
 * of Monday and the whole weekend — so business hours read as the internal team's on the coverage map.
 */
const AFTER_HOURS = [
  { days: [...WEEKDAYS], from: '17:00', to: '08:00' },
  { days: ['mon' as const], from: '00:00', to: '08:00' },
  { days: ['sat' as const, 'sun' as const], from: '00:00', to: '24:00' },
];

/**
 * The demo's on-call schedules of one engagement — the provider's SOC (security track) and NOC
 * on-call (operations, after hours) and the client's internal desk (operations, business hours)
 * — plus an override and someone's time off, written through the services like any other change.
 * Returns the schedules' ids by name.
 */
export async function loadDemoOncall(
  services: Services,
  engagementId: string,
  clientSlug: string,
  people: ReadonlyArray<readonly [DemoPerson, string]>,
  teams: ReadonlyMap<string, string>,
  now: Date = new Date(),
): Promise<Map<string, string>> {
  const client = CLIENT_DESKS[clientSlug];
  if (!client) throw new Error(`no demo on-call setup for ${clientSlug}`);
  const userId = (email: string) => {
    const found = people.find(([person]) => person.email === email);
    if (!found) throw new Error(`no demo user ${email}`);
    return found[1];
  };
  const local = DateTime.fromJSDate(now, { zone: client.zone });
  // A rotation that began a few weeks ago, so this week is somebody's turn rather than the first.
  const monday = local.startOf('week').minus({ weeks: 3 }).toFormat('yyyy-MM-dd');
  const calendars = await services.calendars.listCalendars(SYSTEM, engagementId);
  // The demo gives each client two calendars: 24×7 and its own business hours.
  const businessHours = calendars.find((calendar) => calendar.timeZone === client.zone)?.id ?? null;

  const bodies: ScheduleBody[] = [
    {
      name: 'SOC',
      timeZone: client.zone,
      track: 'security',
      party: 'provider',
      teamId: teams.get('Security Operations (SOC)') ?? null,
      holidayCalendarId: null,
      layers: [
        {
          name: 'Analysts',
          start: `${monday}T09:00`,
          turn: { unit: 'weeks', length: 1 },
          users: [userId('dana.reyes@northwind.example'), userId('kim.nguyen@northwind.example')],
        },
      ],
    },
    {
      name: 'NOC on-call',
      timeZone: client.zone,
      track: 'operations',
      party: 'provider',
      teamId: teams.get('NOC On-call') ?? null,
      holidayCalendarId: null,
      layers: [
        {
          name: 'After hours',
          start: `${monday}T09:00`,
          turn: { unit: 'weeks', length: 1 },
          users: [userId('jordan.blake@northwind.example'), userId('lee.okafor@northwind.example')],
          restrictions: AFTER_HOURS,
        },
      ],
    },
    {
      name: 'Internal desk',
      timeZone: client.zone,
      track: 'operations',
      party: 'internal',
      teamId: teams.get(client.team) ?? null,
      holidayCalendarId: businessHours,
      layers: [
        {
          name: 'Business hours',
          start: `${monday}T08:00`,
          turn: { unit: 'days', length: 1 },
          users: client.desk.map(userId),
          restrictions: [{ days: [...WEEKDAYS], from: '08:00', to: '17:00' }],
          offOnHolidays: true,
        },
      ],
    },
  ];
  const ids = new Map<string, string>();
  for (const body of bodies) {
    ids.set(body.name, (await services.schedules.createSchedule(SYSTEM, engagementId, body)).id);
  }

  // Tomorrow evening the NOC engineer who is off this week covers for the one who is on.
  const noc = ids.get('NOC on-call')!;
  const evening = local.plus({ days: 1 }).startOf('day').set({ hour: 18 });
  const onDuty = await services.schedules.onCall(SYSTEM, engagementId, noc, evening.toUTC().toISO()!);
  const jordan = userId('jordan.blake@northwind.example');
  const lee = userId('lee.okafor@northwind.example');
  await services.scheduleCover.addOverride(SYSTEM, engagementId, noc, {
    userId: onDuty.users.some((user) => user.id === lee) ? jordan : lee,
    start: evening.toUTC().toISO()!,
    end: evening.set({ hour: 23 }).toUTC().toISO()!,
  });
  // Kim is away for two days later this week: the SOC has a hole where it was Kim's turn.
  const away = local.plus({ days: 2 }).startOf('day');
  await services.scheduleCover.addTimeOff(SYSTEM, engagementId, {
    userId: userId('kim.nguyen@northwind.example'),
    start: away.toUTC().toISO()!,
    end: away.plus({ days: 2 }).toUTC().toISO()!,
    reason: 'Conference',
  });
  return ids;
}
