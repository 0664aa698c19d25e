import { engagementScope } from '../../../lib/query-keys.ts';

/** Every information-request query of one engagement sits under this key. */
export function infoRequestsScope(engagementId: string) {
  return [...engagementScope(engagementId), 'info-requests'] as const;
}
