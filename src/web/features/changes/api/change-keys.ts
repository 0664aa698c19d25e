import { engagementScope } from '../../../lib/query-keys.ts';
import type { ChangeQuery } from './change-types.ts';

/** Every change query of one engagement sits under this key. */
export function changesScope(engagementId: string) {
  return [...engagementScope(engagementId), 'changes'] as const;
}

export function changeListKey(engagementId: string, query?: ChangeQuery) {
  return query === undefined
    ? ([...changesScope(engagementId), 'list'] as const)
    : ([...changesScope(engagementId), 'list', query] as const);
}

export function changeKey(engagementId: string, changeId: string) {
  return [...changesScope(engagementId), 'one', changeId] as const;
}

export function freezeWindowsKey(engagementId: string) {
  return [...changesScope(engagementId), 'freeze-windows'] as const;
}

export function changeTemplatesKey(engagementId: string) {
  return [...changesScope(engagementId), 'templates'] as const;
}
