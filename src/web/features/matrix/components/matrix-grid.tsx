import { Table } from '@mantine/core';
import type { Matrix, MatrixProblem } from '../api/matrix-types.ts';
import { GridCell } from './grid-cell.tsx';
import { problemsOfCell } from './matrix-edits.ts';
import classes from './matrix-grid.module.css';
import type { MatrixReferences } from './use-references.ts';

interface MatrixGridProps {
  matrix: Matrix;
  problems?: readonly MatrixProblem[];
  gaps?: readonly MatrixProblem[];
  refs: MatrixReferences;
  /** Opens a cell (to edit, or to read its handoff and runbook); without it cells are not clickable. */
  onOpenCell?: (functionKey: string, scenarioKey: string) => void;
  label: string;
}

/** Functions as rows × scenarios as columns; each cell its RACI and coverage at a glance. */
export function MatrixGrid({ matrix, problems = [], gaps = [], refs, onOpenCell, label }: MatrixGridProps) {
  const cells = new Map(matrix.cells.map((cell) => [`${cell.functionKey}\u0000${cell.scenarioKey}`, cell]));
  return (
    <Table.ScrollContainer minWidth={180 + matrix.scenarios.length * 190} type="native">
      <table className={classes.table} aria-label={label}>
        <colgroup>
          <col style={{ width: 170 }} />
          {matrix.scenarios.map((scenario) => (
            <col key={scenario.key} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className={classes.corner} scope="col">
              Function ╲ Scenario
            </th>
            {matrix.scenarios.map((scenario) => (
              <th key={scenario.key} className={classes.scenario} scope="col">
                {scenario.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.functions.map((row) => (
            <tr key={row.key} data-function-row={row.key}>
              <th className={classes.function} scope="row">
                {row.name}
              </th>
              {matrix.scenarios.map((column) => (
                <td key={column.key} className={classes.slot}>
                  <GridCell
                    functionKey={row.key}
                    scenarioKey={column.key}
                    title={`${row.name} × ${column.name}`}
                    cell={cells.get(`${row.key}\u0000${column.key}`)}
                    problems={problemsOfCell(problems, row.key, column.key)}
                    gaps={problemsOfCell(gaps, row.key, column.key)}
                    refs={refs}
                    {...(onOpenCell ? { onOpen: () => onOpenCell(row.key, column.key) } : {})}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Table.ScrollContainer>
  );
}
