import { CHANGE_STATES, CHANGE_TYPES, type ChangeState, type ChangeType } from '../api/change-types.ts';

export const CHANGE_VIEWS = ['list', 'calendar', 'approvals', 'freeze'] as const;
export type ChangeView = (typeof CHANGE_VIEWS)[number];

/** The changes page as the URL holds it, so a filtered list or a calendar month can be shared. */
export interface ChangesSearch {
  /** Absent: the list. */
  view?: Exclude<ChangeView, 'list'> | undefined;
  state?: ChangeState[] | undefined;
  type?: ChangeType | undefined;
  /** The calendar shows a week instead of a month. */
  span?: 'week' | undefined;
  /** A local day (`YYYY-MM-DD`) on the calendar page shown; absent: today. */
  date?: string | undefined;
  /** The "New change" form is open. */
  new?: true | undefined;
}

const pick = <T extends string>(value: unknown, allowed: readonly T[]): T | undefined =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

/** Reads the changes page's search parameters, dropping anything unknown. */
export function validateChangesSearch(search: Record<string, unknown>): ChangesSearch {
  const states = (Array.isArray(search.state) ? search.state : [search.state])
    .map((value) => pick(value, CHANGE_STATES))
    .filter((value) => value !== undefined);
  const view = pick(search.view, CHANGE_VIEWS);
  const result: ChangesSearch = {
    view: view === 'list' ? undefined : view,
    state: states.length ? [...new Set(states)] : undefined,
    type: pick(search.type, CHANGE_TYPES),
    span: search.span === 'week' ? 'week' : undefined,
    date:
      typeof search.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(search.date) ? search.date : undefined,
    new: search.new === true || search.new === 'true' ? true : undefined,
  };
  return Object.fromEntries(
    Object.entries(result).filter(([, value]) => value !== undefined),
  ) as ChangesSearch;
}
