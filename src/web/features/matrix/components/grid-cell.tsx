import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { PARTY_COLORS } from '../../../components/party-badge.tsx';
import type { MatrixCell, MatrixProblem } from '../api/matrix-types.ts';
import { coverageDetail, coverageHint, pagingHoles, raciChips } from './cell-summary.ts';
import classes from './matrix-grid.module.css';
import type { MatrixReferences } from './use-references.ts';

interface GridCellProps {
  functionKey: string;
  scenarioKey: string;
  /** Names for the label: "Network × Incident response". */
  title: string;
  cell: MatrixCell | undefined;
  /** Must be fixed before signing: a red outline. */
  problems: readonly MatrixProblem[];
  /** Worth a look (coverage left to nobody): an orange outline. */
  gaps: readonly MatrixProblem[];
  refs: MatrixReferences;
  onOpen?: () => void;
}

/** One function × scenario: RACI chips by party, who covers it when, and what is wrong with it on hover. */
export function GridCell({
  functionKey,
  scenarioKey,
  title,
  cell,
  problems,
  gaps,
  refs,
  onOpen,
}: GridCellProps) {
  const state = !cell ? 'empty' : cell.active ? 'active' : 'inactive';
  const warnings = [...problems, ...gaps].map((p) => p.message);
  const hover = cell
    ? [...warnings, ...(cell.active ? coverageDetail(cell, refs.scheduleName) : [])]
    : warnings;
  const Root = onOpen ? 'button' : 'div';
  const body = (
    <Root
      {...(onOpen ? { type: 'button' as const, onClick: onOpen } : {})}
      className={classes.cell}
      aria-label={`${title}${cell ? '' : ', not assigned'}${problems.length ? `: ${problems.length} problem${problems.length > 1 ? 's' : ''}` : ''}`}
      data-testid="matrix-cell"
      data-function={functionKey}
      data-scenario={scenarioKey}
      data-state={state}
      data-problem={problems.length > 0}
      data-gap={gaps.length > 0}
    >
      {!cell ? (
        <Text size="xs" c="dimmed">
          <span className={classes.dash}>—</span>
          {onOpen && <span className={classes.add}>Add cell</span>}
        </Text>
      ) : (
        <CellFace cell={cell} refs={refs} />
      )}
    </Root>
  );
  if (hover.length === 0) return body;
  return (
    <Tooltip
      label={
        <Stack gap={2}>
          {[...new Set(hover)].map((line) => (
            <Text key={line} size="xs" fw={problems.some((p) => p.message === line) ? 600 : undefined}>
              {line}
            </Text>
          ))}
        </Stack>
      }
      color={problems.length ? 'red' : gaps.length ? 'orange' : 'dark'}
      multiline
      maw={360}
      openDelay={250}
      withinPortal
    >
      {body}
    </Tooltip>
  );
}

function CellFace({ cell, refs }: { cell: MatrixCell; refs: MatrixReferences }) {
  const chips = raciChips(cell, refs.teamName);
  return (
    <>
      {!cell.active && (
        <Text size="xs" fw={600} c="dimmed">
          Not in scope
        </Text>
      )}
      <Group gap={4}>
        {chips.length === 0 && (
          <Text size="xs" c="red.7">
            No owner
          </Text>
        )}
        {chips.map((chip) => {
          const owns = chip.roles.includes('A') || chip.roles.includes('R');
          return (
            <Badge
              key={`${chip.party}:${chip.teamId}`}
              size="xs"
              radius="sm"
              color={PARTY_COLORS[chip.party]}
              variant={chip.roles.includes('A') ? 'filled' : owns ? 'light' : 'outline'}
              tt="none"
              data-testid="raci-chip"
            >
              {chip.label}
            </Badge>
          );
        })}
      </Group>
      {cell.active && <span className={classes.hint}>{coverageHint(cell)}</span>}
      {pagingHoles(cell).map((hole) => (
        <span key={hole} className={classes.hole} data-testid="paging-hole">
          {hole}
        </span>
      ))}
    </>
  );
}
