import { Button, Checkbox, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { describeError } from '../../../lib/problem.ts';
import { formatDateTime } from '../../../lib/time-format.ts';
import type { ChecklistItem, ChecklistStep } from '../api/incident-types.ts';
import { useIncidentWrite } from '../api/incident-writes.ts';

const STEP_LABELS: Record<ChecklistStep, string> = {
  contain: 'Contain',
  eradicate: 'Eradicate',
  recover: 'Recover',
  lessons_learned: 'Lessons learned',
};

interface IrChecklistProps {
  engagementId: string;
  ticketId: string;
  checklist: ChecklistItem[];
  canRespond: boolean;
}

/** A security incident's response steps, each with its evidence, recorded for audit. */
export function IrChecklist({ engagementId, ticketId, checklist, canRespond }: IrChecklistProps) {
  return (
    <Paper withBorder p="md" radius="md" data-testid="ir-checklist">
      <Stack gap="sm">
        <Title order={2} size="h5">
          Incident response checklist
        </Title>
        {checklist.map((item) => (
          <ChecklistRow
            key={item.step}
            engagementId={engagementId}
            ticketId={ticketId}
            item={item}
            canRespond={canRespond}
          />
        ))}
      </Stack>
    </Paper>
  );
}

function doneByName(doneBy: ChecklistItem['doneBy']): string | null {
  if (!doneBy) return null;
  return typeof doneBy === 'string' ? doneBy : doneBy.name;
}

function ChecklistRow({
  engagementId,
  ticketId,
  item,
  canRespond,
}: {
  engagementId: string;
  ticketId: string;
  item: ChecklistItem;
  canRespond: boolean;
}) {
  const write = useIncidentWrite(engagementId, ticketId);
  const [evidence, setEvidence] = useState(item.evidence ?? '');
  const changed = evidence.trim() !== (item.evidence ?? '');
  const save = (done: boolean) =>
    write.mutate({
      kind: 'checklist',
      step: item.step,
      done,
      ...(evidence.trim() ? { evidence: evidence.trim() } : {}),
    });
  const by = doneByName(item.doneBy);
  return (
    <Stack gap={4} data-step={item.step} data-done={item.done || undefined}>
      <Group justify="space-between" gap="xs">
        <Checkbox
          label={STEP_LABELS[item.step]}
          checked={item.done}
          disabled={!canRespond || write.isPending}
          onChange={(event) => save(event.currentTarget.checked)}
        />
        {item.done && item.doneAt && (
          <Text size="xs" c="dimmed">
            {by ? `${by}, ` : ''}
            {formatDateTime(item.doneAt)}
          </Text>
        )}
      </Group>
      {canRespond ? (
        <Group gap="xs" align="flex-end" wrap="nowrap" pl={30}>
          <Textarea
            aria-label={`Evidence for ${STEP_LABELS[item.step]}`}
            placeholder="Evidence: what was done, links, hashes…"
            size="xs"
            autosize
            minRows={1}
            style={{ flex: 1 }}
            value={evidence}
            onChange={(event) => setEvidence(event.currentTarget.value)}
            error={write.isError ? describeError(write.error) : undefined}
          />
          {changed && (
            <Button
              size="compact-xs"
              variant="default"
              loading={write.isPending}
              onClick={() => save(item.done)}
            >
              Save evidence
            </Button>
          )}
        </Group>
      ) : (
        item.evidence && (
          <Text size="sm" pl={30}>
            {item.evidence}
          </Text>
        )
      )}
    </Stack>
  );
}
