import { formatMinutes, spellMinutes } from './duration.ts';
import type { ClockKind, SlaClock } from './sla-types.ts';

/** Badge words for what a clock measures. */
export const CLOCK_KIND_LABELS: Record<ClockKind, string> = {
  first_response: 'First response',
  resolution: 'Resolution',
  update: 'Update',
  info_request_response: 'Answer',
  change_approval: 'Approval',
  incident_join: 'Join',
};

/** Shorter still, for a table cell. */
export const CLOCK_KIND_SHORT: Record<ClockKind, string> = {
  first_response: 'Response',
  resolution: 'Resolve',
  update: 'Update',
  info_request_response: 'Answer',
  change_approval: 'Approval',
  incident_join: 'Join',
};

/** The same, inside a sentence: "Provider first response clock". */
export const CLOCK_KIND_WORDS: Record<ClockKind, string> = {
  first_response: 'first response',
  resolution: 'resolution',
  update: 'update',
  info_request_response: 'answer',
  change_approval: 'approval',
  incident_join: 'incident join',
};

/** How a clock stands for the person looking at it; decides its colour. */
export type ClockTone = 'on_track' | 'warning' | 'breached' | 'paused' | 'met' | 'cancelled';

export const TONE_COLORS: Record<ClockTone, string> = {
  on_track: 'green',
  warning: 'orange',
  breached: 'red',
  paused: 'gray',
  met: 'gray',
  cancelled: 'gray',
};

export interface ClockReading {
  tone: ClockTone;
  /** Short, for the badge: "2h 14m left", "Due Mon 10:30", "Breached 35m ago". */
  text: string;
  /** Spelled out, for screen readers: "2 hours 14 minutes left, due 25 Nov 16:30". */
  spoken: string;
}

/** A countdown further away than this says when, not how long: hours may close in between. */
const COUNTDOWN_HORIZON_MINUTES = 12 * 60;
const MINUTE_MS = 60_000;

const weekdayTime = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  hour: 'numeric',
  minute: '2-digit',
});
const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dayMonthTime = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: 'numeric',
  minute: '2-digit',
});

/** "Mon 10:30" within the coming week, "3 Dec 10:30" beyond it ("3 Dec" when compact); in the browser's zone. */
export function formatDue(iso: string, now: number, compact = false): string {
  const at = new Date(iso);
  if (at.getTime() - now < 6 * 24 * 60 * MINUTE_MS) return weekdayTime.format(at);
  return (compact ? dayMonth : dayMonthTime).format(at);
}

/** "25 Nov 16:30", in the browser's zone. */
export function formatDueFull(iso: string): string {
  return dayMonthTime.format(new Date(iso));
}

/** "Provider resolution clock". */
export function clockName(clock: Pick<SlaClock, 'party' | 'kind'>): string {
  const party = clock.party === 'provider' ? 'Provider' : 'Internal';
  return `${party} ${CLOCK_KIND_WORDS[clock.kind]} clock`;
}

/**
 * The clock at `now` (epoch ms). A running clock counts down from the server's `dueAt`, which
 * already skips closed hours. Wall time to `dueAt` is only an honest countdown when every minute
 * until then is business time, so a clock with closed hours ahead (wall time left exceeds the
 * business minutes left) or more than 12 hours to go says when it is due instead.
 */
export function readClock(clock: SlaClock, now: number, compact = false): ClockReading {
  if (clock.state === 'met') return { tone: 'met', text: 'Met', spoken: 'met' };
  if (clock.state === 'cancelled') return { tone: 'cancelled', text: 'Cancelled', spoken: 'no longer owed' };

  const dueMs = clock.dueAt ? Date.parse(clock.dueAt) : null;
  const overdue = clock.running && dueMs !== null && dueMs <= now;
  if (clock.state === 'breached' || overdue) {
    const sinceIso = clock.breachedAt ?? clock.dueAt;
    const ago = sinceIso ? (now - Date.parse(sinceIso)) / MINUTE_MS : null;
    const text =
      ago === null ? 'Breached' : ago < 1 ? 'Breached just now' : `Breached ${formatMinutes(ago)} ago`;
    const when =
      ago === null ? 'breached' : ago < 1 ? 'breached just now' : `breached ${spellMinutes(ago)} ago`;
    const paused = clock.running ? '' : ', paused';
    return { tone: 'breached', text, spoken: `${when}${paused}` };
  }

  const left = formatMinutes(clock.remainingMinutes);
  const spokenLeft = `${spellMinutes(clock.remainingMinutes)} of business time left`;
  if (!clock.running)
    return { tone: 'paused', text: `Paused · ${left} left`, spoken: `paused, ${spokenLeft}` };

  const tone: ClockTone = clock.warnAt && Date.parse(clock.warnAt) <= now ? 'warning' : 'on_track';
  if (dueMs === null) return { tone, text: `${left} left`, spoken: spokenLeft };
  const wallLeft = (dueMs - now) / MINUTE_MS;
  const dueFull = formatDueFull(clock.dueAt!);
  if (wallLeft > COUNTDOWN_HORIZON_MINUTES || wallLeft > clock.remainingMinutes + 1) {
    return {
      tone,
      text: `Due ${formatDue(clock.dueAt!, now, compact)}`,
      spoken: `due ${dueFull}, ${spokenLeft}`,
    };
  }
  return {
    tone,
    text: `${formatMinutes(wallLeft)} left`,
    spoken: `${spellMinutes(wallLeft)} left, due ${dueFull}`,
  };
}

/** Order of concern among clocks that are still owed: running first, soonest due first. */
function urgency(clock: SlaClock): [number, number] {
  if (clock.running && clock.dueAt) return [0, Date.parse(clock.dueAt)];
  if (clock.state === 'breached' && !clock.stoppedAt)
    return [1, Date.parse(clock.breachedAt ?? clock.startedAt)];
  if (clock.state === 'paused') return [2, clock.remainingMinutes];
  return [3, 0];
}

/**
 * The clock a one-line view should show: the running one due soonest, else the most pressing
 * owed one; on a ticket whose clocks have all stopped, only a breach is still worth a badge.
 */
export function mostUrgentClock(clocks: readonly SlaClock[]): SlaClock | null {
  const open = clocks.filter(
    (clock) => !clock.stoppedAt && clock.state !== 'met' && clock.state !== 'cancelled',
  );
  const owed = open.length ? open : clocks.filter((clock) => clock.state === 'breached');
  let best: SlaClock | null = null;
  let bestKey: [number, number] = [Number.POSITIVE_INFINITY, 0];
  for (const clock of owed) {
    const key = urgency(clock);
    if (key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
      best = clock;
      bestKey = key;
    }
  }
  return best;
}
