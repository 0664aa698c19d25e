/**
 * The API shapes of SLAs, business calendars and information requests. Kept apart from
 * api-types.ts so each area's shapes stay readable; both are replaced by generated types once
 * the web app reads `/openapi.json`.
 */
import type { Party, TicketKind, TicketPriority, TicketStatus } from './api-types.ts';

export const CLOCK_KINDS = [
  'first_response',
  'resolution',
  'update',
  'info_request_response',
  'change_approval',
  'incident_join',
] as const;
/** What a clock measures: the provider's response, resolution and updates; the internal team's answers, approvals and joins. */
export type ClockKind = (typeof CLOCK_KINDS)[number];

export type ClockState = 'running' | 'paused' | 'met' | 'breached' | 'cancelled';

/** One party's current clock of one kind on a ticket (`ticket.slaClocks`). */
export interface SlaClock {
  id: string;
  party: Party;
  kind: ClockKind;
  /** running or paused turns breached once the target has passed. */
  state: ClockState;
  /** True while time is being counted (also for a breached clock that is still owed). */
  running: boolean;
  targetMinutes: number;
  /** Business minutes used on the clock's calendar, as of the answer. */
  elapsedMinutes: number;
  /** Target minus elapsed, in business minutes; negative once breached. */
  remainingMinutes: number;
  /** While running: when the target is reached, with closed hours already accounted for. */
  dueAt: string | null;
  warnAt: string | null;
  startedAt: string;
  stoppedAt: string | null;
  breachedAt: string | null;
  calendarId: string;
  calendarName: string;
}

export type LedgerEvent =
  | 'started'
  | 'paused'
  | 'resumed'
  | 'retargeted'
  | 'warned'
  | 'breached'
  | 'met'
  | 'stopped'
  | 'cancelled';

/** Why a clock started, paused or resumed: one line of its history. */
export interface LedgerEntry {
  at: string;
  event: LedgerEvent;
  reason: string;
  elapsedMinutes: number;
  targetMinutes: number;
}

/** `GET …/tickets/{id}/sla`: every clock the ticket has had, with its ledger. */
export interface TicketSla {
  clocks: (SlaClock & { ledger: LedgerEntry[] })[];
}

export type Risk = 'breached' | 'warning' | 'on_track';

/** One row of `GET …/sla/at-risk`. */
export interface AtRiskItem {
  clock: SlaClock & { risk: Risk };
  ticket: {
    id: string;
    number: string;
    title: string;
    kind: TicketKind;
    priority: TicketPriority;
    status: TicketStatus;
    ownerParty: Party;
    assigneeId: string | null;
  };
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Open intervals of a weekday, local times `["09:00", "17:00"]`. */
export type WeeklyHours = Record<Weekday, [string, string][]>;

/** A time zone, weekly business hours and holidays (dates in that zone). */
export interface Calendar {
  id: string;
  name: string;
  timeZone: string;
  hours: WeeklyHours;
  holidays: string[];
  createdAt: string;
  updatedAt: string;
}

export type CalendarInput = Pick<Calendar, 'name' | 'timeZone' | 'hours' | 'holidays'>;

export interface SlaTarget {
  party: Party;
  kind: ClockKind;
  priority: TicketPriority;
  minutes: number;
  calendarId: string;
}

export interface SlaPolicy {
  id: string;
  name: string;
  /** Ticket kinds it applies to; empty: every kind no other policy names. */
  ticketKinds: TicketKind[];
  /** Warn once this share of a target is used. */
  warnPercent: number;
  targets: SlaTarget[];
  createdAt: string;
  updatedAt: string;
}

export type SlaPolicyInput = Pick<SlaPolicy, 'name' | 'ticketKinds' | 'warnPercent' | 'targets'>;

export type InfoRequestState = 'open' | 'answered' | 'withdrawn';

/** A question one party asks the other about a ticket; asking hands them the move. */
export interface InfoRequest {
  id: string;
  ticketId: string;
  ticketNumber: string;
  ticketTitle: string;
  fromParty: Party;
  toParty: Party;
  /** Markdown. */
  question: string;
  answer: string | null;
  state: InfoRequestState;
  askedBy: { id: string; name: string };
  answeredBy: { id: string; name: string } | null;
  createdAt: string;
  answeredAt: string | null;
  /** The caller may answer it now. */
  canAnswer: boolean;
}
