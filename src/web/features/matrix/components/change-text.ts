/** Changes between matrix versions as sentences: "Security monitoring × Incident response: coverage changed". */
import type { MatrixChange, MatrixRow } from '../api/matrix-types.ts';

const FIELD_TEXT: Record<string, string> = {
  raci: 'RACI',
  coverage: 'coverage',
  handoff: 'handoff protocol',
  escalationPolicy: 'escalation policy',
  runbookUrl: 'runbook',
};

/** Names for keys, from the newest matrix first; a key no matrix names any more shows as itself. */
export interface RowNames {
  functions: readonly MatrixRow[];
  scenarios: readonly MatrixRow[];
}

/** One line per row change, and one per changed cell with its fields joined. */
export function changeLines(changes: readonly MatrixChange[], names: RowNames): string[] {
  const nameOf = (rows: readonly MatrixRow[], key = '') => rows.find((r) => r.key === key)?.name ?? key;
  const lines: { pair: string; text: string; fields?: string[] }[] = [];
  for (const change of changes) {
    const pair = `${nameOf(names.functions, change.functionKey)} × ${nameOf(names.scenarios, change.scenarioKey)}`;
    if (change.kind !== 'cell_changed') {
      lines.push({ pair, text: rowOrCellLine(change, pair) });
    } else if (change.field === 'active') {
      lines.push({ pair, text: `${pair}: ${change.after ? 'made active' : 'made inactive'}` });
    } else {
      const field = FIELD_TEXT[change.field ?? ''] ?? change.field ?? 'a field';
      const last = lines.at(-1);
      // The server lists a cell's field changes together: one sentence per cell.
      if (last?.fields && last.pair === pair) last.fields.push(field);
      else lines.push({ pair, text: '', fields: [field] });
    }
  }
  return lines.map((line) => (line.fields ? `${line.pair}: ${joinFields(line.fields)} changed` : line.text));
}

function rowOrCellLine(change: MatrixChange, pair: string): string {
  const [row, verb] = change.kind.split('_') as [string, string];
  if (row === 'cell') return `${pair}: ${verb === 'added' ? 'added' : 'removed'}`;
  const label = row === 'function' ? 'Function' : 'Scenario';
  if (verb === 'renamed') return `${label} renamed: ${String(change.before)} → ${String(change.after)}`;
  return `${label} ${verb}: ${String(verb === 'added' ? change.after : change.before)}`;
}

function joinFields(fields: string[]): string {
  const unique = [...new Set(fields)];
  if (unique.length <= 1) return unique[0] ?? '';
  return `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`;
}
