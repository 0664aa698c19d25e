import { Alert, Anchor, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useState } from 'react';
import type { Matrix, MatrixProblem } from '../api/matrix-types.ts';

interface ProblemsSummaryProps {
  matrix: Matrix;
  /** Block signing. */
  problems: readonly MatrixProblem[];
  /** Worth fixing, never blocking; null when the server cannot say. */
  gaps: readonly MatrixProblem[] | null;
  onOpenCell: (functionKey: string, scenarioKey: string) => void;
}

/** Above the grid: what must be fixed before signing, and where coverage leaves work to nobody. */
export function ProblemsSummary({ matrix, problems, gaps, onOpenCell }: ProblemsSummaryProps) {
  const seen = new Set(problems.map((p) => `${p.path}\u0000${p.message}`));
  const warnings = (gaps ?? []).filter((g) => !seen.has(`${g.path}\u0000${g.message}`));
  if (problems.length === 0 && warnings.length === 0) {
    return (
      <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} data-testid="matrix-summary">
        {gaps === null
          ? 'No problems: every active cell has one Accountable and a Responsible party.'
          : 'No problems and no gaps: every active cell has an owner, and its coverage leaves no hour to nobody.'}
      </Alert>
    );
  }
  return (
    <div data-testid="matrix-summary">
      {problems.length > 0 && (
        <Alert
          color="red"
          variant="light"
          icon={<IconCircleX size={18} />}
          title={`${problems.length} problem${problems.length > 1 ? 's' : ''} to fix before signing`}
          mb="xs"
          data-testid="matrix-problems"
        >
          <Items items={problems} matrix={matrix} onOpenCell={onOpenCell} />
        </Alert>
      )}
      {warnings.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title={`${warnings.length} gap${warnings.length > 1 ? 's' : ''}: work that may fall to nobody`}
          data-testid="matrix-gaps"
        >
          <Items items={warnings} matrix={matrix} onOpenCell={onOpenCell} />
        </Alert>
      )}
    </div>
  );
}

const SHOWN = 5;

function Items({
  items,
  matrix,
  onOpenCell,
}: {
  items: readonly MatrixProblem[];
  matrix: Matrix;
  onOpenCell: ProblemsSummaryProps['onOpenCell'];
}) {
  const [all, setAll] = useState(false);
  const name = (rows: Matrix['functions'], key: string) => rows.find((r) => r.key === key)?.name ?? key;
  return (
    <>
      <List size="sm" spacing={2}>
        {(all ? items : items.slice(0, SHOWN)).map((item) => {
          const { functionKey: f, scenarioKey: s } = item;
          const where =
            f && s
              ? `${name(matrix.functions, f)} × ${name(matrix.scenarios, s)}`
              : f
                ? name(matrix.functions, f)
                : s
                  ? name(matrix.scenarios, s)
                  : item.path;
          return (
            <List.Item key={`${item.path}\u0000${item.message}`}>
              {f && s ? (
                <Anchor component="button" type="button" size="sm" onClick={() => onOpenCell(f, s)}>
                  {where}
                </Anchor>
              ) : (
                <Text span size="sm" fw={500}>
                  {where}
                </Text>
              )}{' '}
              {item.message}
            </List.Item>
          );
        })}
      </List>
      {items.length > SHOWN && (
        <Anchor component="button" type="button" size="sm" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${items.length}`}
        </Anchor>
      )}
    </>
  );
}
