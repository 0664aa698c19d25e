export const MATRIX_VIEWS = ['grid', 'history', 'routing'] as const;
export type MatrixView = (typeof MATRIX_VIEWS)[number];

/** The matrix page as the URL holds it, so a tab or a signed version can be shared by link. */
export interface MatrixSearch {
  /** Absent: the draft grid. */
  view?: Exclude<MatrixView, 'grid'> | undefined;
  /** The signed version open read-only (history). */
  version?: string | undefined;
  /** The cell open in the drawer: `function-key.scenario-key`. */
  cell?: string | undefined;
}

/** Reads the matrix page's search parameters, dropping anything unknown. */
export function validateMatrixSearch(search: Record<string, unknown>): MatrixSearch {
  const view = search.view === 'history' || search.view === 'routing' ? search.view : undefined;
  const text = (value: unknown) => (typeof value === 'string' && value.length <= 130 ? value : undefined);
  const cell = text(search.cell);
  return {
    ...(view ? { view } : {}),
    ...(text(search.version) ? { version: text(search.version) } : {}),
    ...(cell && /^[a-z0-9-]+\.[a-z0-9-]+$/.test(cell) ? { cell } : {}),
  };
}

/** `network.incident` ⇄ the pair (keys are slugs, so they hold no dot). */
export function cellOfSearch(cell: string | undefined): { functionKey: string; scenarioKey: string } | null {
  if (!cell) return null;
  const [functionKey, scenarioKey] = cell.split('.') as [string, string];
  return { functionKey, scenarioKey };
}
