import { engagementScope } from '../../../lib/query-keys.ts';
import type { RouteQuestion } from './matrix-types.ts';

/** Every matrix query of one engagement sits under this key; a signature or an edit refreshes it all. */
export function matrixScope(engagementId: string) {
  return [...engagementScope(engagementId), 'matrix'] as const;
}

export function draftKey(engagementId: string) {
  return [...matrixScope(engagementId), 'draft'] as const;
}

export function gapsKey(engagementId: string, version: 'draft' | 'effective') {
  return [...matrixScope(engagementId), 'gaps', version] as const;
}

export function versionsKey(engagementId: string) {
  return [...matrixScope(engagementId), 'versions'] as const;
}

export function versionKey(engagementId: string, versionId: string) {
  return [...matrixScope(engagementId), 'version', versionId] as const;
}

export function routeKey(engagementId: string, question: RouteQuestion) {
  return [...matrixScope(engagementId), 'route', question] as const;
}

/** Teams, calendars and schedules as the cell editor names them. */
export function referencesKey(engagementId: string, kind: 'teams' | 'calendars' | 'schedules') {
  return [...matrixScope(engagementId), 'references', kind] as const;
}
