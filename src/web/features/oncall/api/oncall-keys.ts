import { engagementScope } from '../../../lib/query-keys.ts';

/** Every schedule, shift, override, time-off and coverage query of one engagement sits under this key. */
export function oncallScope(engagementId: string) {
  return [...engagementScope(engagementId), 'oncall'] as const;
}

export function schedulesKey(engagementId: string) {
  return [...oncallScope(engagementId), 'schedules'] as const;
}

export function scheduleKey(engagementId: string, scheduleId: string) {
  return [...oncallScope(engagementId), 'schedule', scheduleId] as const;
}

/** Shifts, overrides and who is on call now: what a schedule's own writes move. */
export function scheduleTimesKey(engagementId: string, scheduleId: string) {
  return [...oncallScope(engagementId), 'times', scheduleId] as const;
}

export function timeOffKey(engagementId: string) {
  return [...oncallScope(engagementId), 'time-off'] as const;
}

export function coverageKey(engagementId: string) {
  return [...oncallScope(engagementId), 'coverage'] as const;
}
