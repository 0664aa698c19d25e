import { engagementScope } from '../../../lib/query-keys.ts';

export function escalationScope(engagementId: string) {
  return [...engagementScope(engagementId), 'escalation'] as const;
}

export function policiesKey(engagementId: string) {
  return [...escalationScope(engagementId), 'policies'] as const;
}

export function drillsKey(engagementId: string) {
  return [...escalationScope(engagementId), 'drills'] as const;
}
