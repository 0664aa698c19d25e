import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { describeError } from '../../../lib/problem.ts';
import type { MatrixDraft, MatrixRow } from '../api/matrix-types.ts';
import { useSaveMatrix } from '../api/save-matrix.ts';
import { messageUnder, slugOf, withRows } from './matrix-edits.ts';
import { SignaturesWarning } from './signatures-warning.tsx';
import { pointerErrors } from './use-references.ts';

interface RowsDialogProps {
  engagementId: string;
  draft: MatrixDraft;
  opened: boolean;
  onClose: () => void;
}

/** Add, rename and remove functions (rows) and scenarios (columns); a removed row takes its cells. */
export function RowsDialog({ engagementId, draft, opened, onClose }: RowsDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Functions and scenarios" size="xl">
      {opened && <RowsForm engagementId={engagementId} draft={draft} onClose={onClose} />}
    </Modal>
  );
}

function RowsForm({ engagementId, draft, onClose }: Omit<RowsDialogProps, 'opened'>) {
  const [functions, setFunctions] = useState(draft.matrix.functions);
  const [scenarios, setScenarios] = useState(draft.matrix.scenarios);
  const save = useSaveMatrix(engagementId);
  const errors = pointerErrors(save.error);
  const next = withRows(draft.matrix, functions, scenarios);
  const dropped = draft.matrix.cells.length - next.cells.length;
  const dirty =
    JSON.stringify([functions, scenarios]) !==
    JSON.stringify([draft.matrix.functions, draft.matrix.scenarios]);

  return (
    <form
      aria-label="Functions and scenarios"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(next, { onSuccess: onClose });
      }}
    >
      <Stack gap="md">
        <SignaturesWarning signatures={draft.signatures} />
        <SimpleGrid cols={2} spacing="lg">
          <RowList
            title="Functions (rows)"
            list="functions"
            rows={functions}
            onChange={setFunctions}
            cellsOf={(key) => draft.matrix.cells.filter((c) => c.functionKey === key).length}
            errors={errors}
          />
          <RowList
            title="Scenarios (columns)"
            list="scenarios"
            rows={scenarios}
            onChange={setScenarios}
            cellsOf={(key) => draft.matrix.cells.filter((c) => c.scenarioKey === key).length}
            errors={errors}
          />
        </SimpleGrid>
        {dropped > 0 && (
          <Text size="sm" c="orange.8">
            Saving removes {dropped} cell{dropped > 1 ? 's' : ''} of the rows you removed.
          </Text>
        )}
        {save.isError && (
          <Alert color="red" variant="light" title={describeError(save.error)} role="alert">
            Nothing was saved.
          </Alert>
        )}
        <Group gap="xs">
          <Button type="submit" loading={save.isPending} disabled={!dirty}>
            Save to draft
          </Button>
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface RowListProps {
  title: string;
  list: 'functions' | 'scenarios';
  rows: MatrixRow[];
  onChange: (rows: MatrixRow[]) => void;
  /** How many cells a row holds, said before removing it. */
  cellsOf: (key: string) => number;
  errors: ReadonlyMap<string, string>;
}

function RowList({ title, list, rows, onChange, cellsOf, errors }: RowListProps) {
  const [adding, setAdding] = useState('');
  const noun = list === 'functions' ? 'function' : 'scenario';
  const key = slugOf(adding);
  const taken = rows.some((row) => row.key === key);
  const add = () => {
    if (!key || taken) return;
    onChange([...rows, { key, name: adding.trim() }]);
    setAdding('');
  };
  return (
    <Stack gap={6} aria-label={title} role="group">
      <Text fw={600} size="sm">
        {title}
      </Text>
      {rows.map((row, index) => {
        const cells = cellsOf(row.key);
        return (
          <Group key={row.key} gap="xs" wrap="nowrap" align="flex-start">
            <TextInput
              size="xs"
              style={{ flex: 1 }}
              aria-label={`Name of ${noun} ${row.key}`}
              value={row.name}
              onChange={(event) =>
                onChange(rows.map((r, i) => (i === index ? { ...r, name: event.currentTarget.value } : r)))
              }
              description={row.key}
              error={messageUnder(errors, `/${list}/${index}`)}
            />
            <Tooltip label={cells ? `Remove, with its ${cells} cell${cells > 1 ? 's' : ''}` : 'Remove'}>
              <ActionIcon
                variant="subtle"
                color={cells ? 'red' : 'gray'}
                aria-label={`Remove ${noun} ${row.name}`}
                onClick={() => onChange(rows.filter((_, i) => i !== index))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        );
      })}
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <TextInput
          size="xs"
          style={{ flex: 1 }}
          aria-label={`New ${noun}`}
          placeholder={`New ${noun}`}
          value={adding}
          onChange={(event) => setAdding(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
          description={adding ? (taken ? `${key} is already used` : `key: ${key || '…'}`) : undefined}
          error={adding && (taken || !key) ? true : undefined}
        />
        <ActionIcon variant="light" aria-label={`Add ${noun}`} onClick={add} disabled={!key || taken}>
          <IconPlus size={16} />
        </ActionIcon>
      </Group>
    </Stack>
  );
}
