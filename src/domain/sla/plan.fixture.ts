// Targets, tickets and clocks the plan tests share.
import type { TicketStatus } from '../tickets/status.ts';
import type { ClockKind, ClockParty } from './clock.ts';
import type { OpenClock, Target, TargetOf, TicketFacts } from './plan.ts';

export type Table = Partial<Record<`${ClockParty} ${ClockKind}`, Target>>;
export const on = (minutes: number, calendarId = 'office'): Target => ({ minutes, calendarId });
export const P2: Table = {
  'provider first_response': on(60),
  'provider resolution': on(240),
  'provider update': on(120),
  'internal first_response': on(120),
  'internal resolution': on(960),
  'internal info_request_response': on(480),
  'internal change_approval': on(1440),
  'internal incident_join': on(30, '24/7'),
  'provider info_request_response': on(240),
};
export const targets =
  (table: Table): TargetOf =>
  (party, kind) =>
    table[`${party} ${kind}`];
export const p2 = targets(P2);

export const ticket = (status: TicketStatus, ownerParty: ClockParty = 'provider'): TicketFacts => ({
  number: 'LOGI-57',
  kind: 'incident',
  priority: 'P2',
  status,
  ownerParty,
});
export const clock = (
  id: string,
  party: ClockParty,
  kind: ClockKind,
  state: 'running' | 'paused' = 'running',
): OpenClock => ({ id, party, kind, state, target: P2[`${party} ${kind}`] ?? on(1) });
export const serviceRunning = [
  clock('fr', 'provider', 'first_response'),
  clock('res', 'provider', 'resolution'),
  clock('upd', 'provider', 'update'),
];
export const servicePaused = serviceRunning.map((c) => ({ ...c, state: 'paused' as const }));
export const vlan = { kind: 'info_request_response' as const, reason: 'info request LOGI-57: "Which VLAN?"' };
