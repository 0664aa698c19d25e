import { queryOptions, useQuery } from '@tanstack/react-query';
import { getShifts } from './get-shifts.ts';
import { scheduleTimesKey } from './oncall-keys.ts';
import type { Person } from './schedule-types.ts';

const MINUTE_MS = 60_000;
const WEEK_MS = 7 * 86_400_000;

/** Who is on call now and until when; or, in a gap, when somebody next is. */
export type OnCallNow =
  | { kind: 'on-call'; users: Person[]; until: string }
  | { kind: 'gap'; next: { users: Person[]; from: string } | null };

/**
 * Reads the coming week's shifts from now: the first shift (joined with the same person's next one
 * when they touch) says who and until when. Shifts rather than `/oncall` because they carry the end.
 */
export async function getOnCallNow(engagementId: string, scheduleId: string, signal?: AbortSignal) {
  const now = Date.now();
  const from = new Date(now).toISOString();
  const { shifts, users } = await getShifts(
    engagementId,
    scheduleId,
    { from, to: new Date(now + WEEK_MS).toISOString() },
    signal,
  );
  const person = (id: string): Person => users.find((user) => user.id === id) ?? { id, name: 'someone' };
  const first = shifts[0];
  if (!first) return { kind: 'gap', next: null } satisfies OnCallNow;
  if (Date.parse(first.start) > now + MINUTE_MS) {
    return { kind: 'gap', next: { users: [person(first.userId)], from: first.start } } satisfies OnCallNow;
  }
  let until = first.end;
  for (const shift of shifts.slice(1)) {
    if (shift.userId !== first.userId || shift.start !== until) break;
    until = shift.end;
  }
  return { kind: 'on-call', users: [person(first.userId)], until } satisfies OnCallNow;
}

export function onCallNowQueryOptions(engagementId: string, scheduleId: string) {
  return queryOptions({
    queryKey: [...scheduleTimesKey(engagementId, scheduleId), 'now'] as const,
    queryFn: ({ signal }): Promise<OnCallNow> => getOnCallNow(engagementId, scheduleId, signal),
    // Handoffs happen on the minute; asking every minute keeps the card no more than a minute behind.
    refetchInterval: MINUTE_MS,
    staleTime: 0,
  });
}

export function useOnCallNow(engagementId: string, scheduleId: string) {
  return useQuery(onCallNowQueryOptions(engagementId, scheduleId));
}
