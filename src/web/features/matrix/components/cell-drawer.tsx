import { Alert, Button, Drawer, Group, Stack, Switch, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { describeError } from '../../../lib/problem.ts';
import type { MatrixCell, MatrixDraft, MatrixProblem } from '../api/matrix-types.ts';
import { useSaveMatrix } from '../api/save-matrix.ts';
import { CellDetails, normalized, Section } from './cell-details.tsx';
import { CoverageEditor } from './coverage-editor.tsx';
import {
  blankCell,
  cellErrors,
  cellIndex,
  messageUnder,
  problemPointers,
  problemsOfCell,
  withCell,
  withoutCell,
} from './matrix-edits.ts';
import { RaciEditor } from './raci-editor.tsx';
import { SignaturesWarning } from './signatures-warning.tsx';
import { type MatrixReferences, pointerErrors } from './use-references.ts';

interface CellDrawerProps {
  engagementId: string;
  draft: MatrixDraft;
  /** The cell open, by its pair; null: closed. */
  open: { functionKey: string; scenarioKey: string } | null;
  onClose: () => void;
  refs: MatrixReferences;
  readOnly: boolean;
  /** Coverage gaps of the draft (never blocking), shown beside the cell's problems. */
  gaps?: readonly MatrixProblem[];
}

/** One function × scenario in full; managers edit it and save it into the draft. */
export function CellDrawer({
  engagementId,
  draft,
  open,
  onClose,
  refs,
  readOnly,
  gaps = [],
}: CellDrawerProps) {
  const name = (rows: { key: string; name: string }[], key = '') =>
    rows.find((r) => r.key === key)?.name ?? key;
  const title = open
    ? `${name(draft.matrix.functions, open.functionKey)} × ${name(draft.matrix.scenarios, open.scenarioKey)}`
    : '';
  return (
    <Drawer
      opened={open !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={
        <Title order={2} size="h4">
          {title}
        </Title>
      }
    >
      {open && (
        <CellForm
          key={`${open.functionKey}\u0000${open.scenarioKey}`}
          engagementId={engagementId}
          draft={draft}
          saved={
            draft.matrix.cells[cellIndex(draft.matrix, open.functionKey, open.scenarioKey)] ??
            blankCell(open.functionKey, open.scenarioKey)
          }
          onClose={onClose}
          refs={refs}
          readOnly={readOnly}
          gaps={gaps}
        />
      )}
    </Drawer>
  );
}

interface CellFormProps extends Omit<CellDrawerProps, 'open'> {
  saved: MatrixCell;
}

function CellForm({ engagementId, draft, saved, onClose, refs, readOnly, gaps = [] }: CellFormProps) {
  const [cell, setCell] = useState<MatrixCell>(saved);
  const save = useSaveMatrix(engagementId);
  const { functionKey, scenarioKey } = cell;
  const exists = cellIndex(draft.matrix, functionKey, scenarioKey) >= 0;
  const problems = problemsOfCell(draft.problems, functionKey, scenarioKey);
  const warnings = problemsOfCell(gaps, functionKey, scenarioKey).filter(
    (gap) => !problems.some((p) => p.message === gap.message),
  );
  const sent = withCell(draft.matrix, cell).index;
  const saveErrors = cellErrors(pointerErrors(save.error), sent);
  // Errors of the failed save first; otherwise the draft's own problems with this cell.
  const errors = saveErrors.size > 0 ? saveErrors : problemPointers(problems);
  const dirty = JSON.stringify(cell) !== JSON.stringify(saved);

  const submit = (removing = false) => {
    const matrix = removing
      ? withoutCell(draft.matrix, functionKey, scenarioKey)
      : withCell(draft.matrix, normalized(cell)).matrix;
    save.mutate(matrix, {
      onSuccess: (next) => {
        const left = problemsOfCell(next.problems, functionKey, scenarioKey);
        notifications.show({
          color: left.length ? 'orange' : 'teal',
          message: removing
            ? 'Removed from the draft.'
            : left.length
              ? `Saved to the draft; ${left.length} problem${left.length > 1 ? 's' : ''} to fix before signing.`
              : 'Saved to the draft.',
        });
        // Stay open while the saved cell has problems, so they show beside their fields.
        if (removing || left.length === 0) onClose();
        else setCell(normalized(cell));
      },
    });
  };

  return (
    <form
      aria-label="Cell"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        {problems.length > 0 && (
          <Alert color="red" variant="light" title="To fix before signing" data-testid="cell-problems">
            {problems.map((p) => p.message).join('; ')}
          </Alert>
        )}
        {warnings.length > 0 && (
          <Alert color="orange" variant="light" title="Coverage gap" data-testid="cell-gaps">
            {warnings.map((gap) => gap.message).join('; ')}
          </Alert>
        )}
        {save.isError && (
          <Alert color="red" variant="light" title={describeError(save.error)} role="alert">
            {messageUnder(saveErrors, '') ?? 'Nothing was saved; the fields below say what to change.'}
          </Alert>
        )}
        {!readOnly && <SignaturesWarning signatures={draft.signatures} />}
        <Switch
          label="Active: this work is done under the engagement"
          checked={cell.active}
          onChange={(event) => setCell({ ...cell, active: event.currentTarget.checked })}
          disabled={readOnly}
        />
        <Section title="RACI" hint="Exactly one Accountable, at least one Responsible, by party and team.">
          <RaciEditor
            raci={cell.raci}
            onChange={(raci) => setCell({ ...cell, raci })}
            teams={refs.teams}
            errors={errors}
            readOnly={readOnly}
          />
        </Section>
        <Section
          title="Coverage"
          hint="Who covers it when, and which schedule each track pages. The first rule that applies wins."
        >
          <CoverageEditor
            coverage={cell.coverage}
            onChange={(coverage) => setCell({ ...cell, coverage })}
            teams={refs.teams}
            calendars={refs.calendars}
            schedules={refs.schedules}
            errors={errors}
            readOnly={readOnly}
          />
        </Section>
        <CellDetails cell={cell} onChange={setCell} errors={errors} readOnly={readOnly} />
        {!readOnly && (
          <Group justify="space-between">
            <Group gap="xs">
              <Button type="submit" loading={save.isPending} disabled={exists && !dirty}>
                Save to draft
              </Button>
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
            </Group>
            {exists && (
              <Button variant="subtle" color="red" onClick={() => submit(true)} disabled={save.isPending}>
                Remove cell
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </form>
  );
}
