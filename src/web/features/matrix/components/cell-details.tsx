import { Anchor, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { Markdown } from '../../../components/markdown.tsx';
import type { MatrixCell } from '../api/matrix-types.ts';

interface CellDetailsProps {
  cell: MatrixCell;
  onChange: (cell: MatrixCell) => void;
  /** Within-cell pointers: `/handoff`, `/runbookUrl`. */
  errors: ReadonlyMap<string, string>;
  readOnly: boolean;
}

/** How work is handed over, the escalation policy and the runbook: Markdown and links for readers. */
export function CellDetails({ cell, onChange, errors, readOnly }: CellDetailsProps) {
  return (
    <>
      {readOnly ? (
        <Section title="Handoff protocol">
          {cell.handoff ? <Markdown>{cell.handoff}</Markdown> : <Text c="dimmed">None written.</Text>}
        </Section>
      ) : (
        <Textarea
          label="Handoff protocol"
          description="Markdown: how work passes between the parties for this cell."
          autosize
          minRows={3}
          maxRows={12}
          value={cell.handoff}
          onChange={(event) => onChange({ ...cell, handoff: event.currentTarget.value })}
          error={errors.get('/handoff')}
        />
      )}
      <Group grow align="flex-start">
        <TextInput
          label="Escalation policy"
          placeholder="e.g. Security P1"
          value={cell.escalationPolicy ?? ''}
          onChange={(event) => onChange({ ...cell, escalationPolicy: event.currentTarget.value })}
          readOnly={readOnly}
          error={errors.get('/escalationPolicy')}
        />
        {readOnly && cell.runbookUrl ? (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Runbook
            </Text>
            <Anchor href={cell.runbookUrl} target="_blank" rel="noopener noreferrer" size="sm">
              {cell.runbookUrl}
            </Anchor>
          </Stack>
        ) : (
          <TextInput
            label="Runbook URL"
            placeholder="https://…"
            value={cell.runbookUrl ?? ''}
            onChange={(event) => onChange({ ...cell, runbookUrl: event.currentTarget.value })}
            readOnly={readOnly}
            error={errors.get('/runbookUrl')}
          />
        )}
      </Group>
    </>
  );
}

export function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <div>
        <Text fw={600} size="sm">
          {title}
        </Text>
        {hint && (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        )}
      </div>
      {children}
    </Stack>
  );
}

/** Empty texts mean "none" to the server. */
export function normalized(cell: MatrixCell): MatrixCell {
  const policy = cell.escalationPolicy?.trim();
  const url = cell.runbookUrl?.trim();
  return { ...cell, escalationPolicy: policy ? policy : null, runbookUrl: url ? url : null };
}
