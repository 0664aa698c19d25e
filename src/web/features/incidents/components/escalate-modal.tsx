import { Button, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Party } from '../../../lib/api-types.ts';
import { describeError } from '../../../lib/problem.ts';
import { useRespond } from '../api/respond.ts';

interface EscalateModalProps {
  opened: boolean;
  onClose: () => void;
  engagementId: string;
  ticketId: string;
  /** The viewer's party: "the other party" is the one they do not act for. */
  party: Party;
  level: number | null;
  levelCount: number;
}

/** Escalate by hand: to the policy's next level, or across to the other party, with a reason. */
export function EscalateModal({
  opened,
  onClose,
  engagementId,
  ticketId,
  party,
  level,
  levelCount,
}: EscalateModalProps) {
  const respond = useRespond(engagementId);
  const other: Party = party === 'internal' ? 'provider' : 'internal';
  const hasNext = level !== null && level < levelCount;
  const [to, setTo] = useState<'next' | 'party'>(hasNext ? 'next' : 'party');
  const [reason, setReason] = useState('');

  function submit() {
    const request =
      to === 'next'
        ? { level: (level ?? 0) + 1, ...(reason.trim() ? { reason: reason.trim() } : {}) }
        : { toParty: other, ...(reason.trim() ? { reason: reason.trim() } : {}) };
    respond.mutate(
      { action: 'escalate', ticketId, request },
      {
        onSuccess: () => {
          setReason('');
          onClose();
        },
      },
    );
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Escalate the incident">
      <Stack gap="sm">
        <SegmentedControl
          fullWidth
          value={to}
          onChange={(value) => setTo(value as 'next' | 'party')}
          data={[
            {
              value: 'next',
              label: hasNext ? `Level ${(level ?? 0) + 1}` : 'No next level',
              disabled: !hasNext,
            },
            { value: 'party', label: other === 'internal' ? 'To the internal team' : 'To the provider' },
          ]}
        />
        <Text size="sm" c="dimmed">
          {to === 'next'
            ? 'Pages the next level of the policy now, without waiting for its delay.'
            : other === 'internal'
              ? 'Pages the internal team’s escalation contacts and starts their join clock.'
              : 'Pages the provider’s on-call and escalation contacts.'}
        </Text>
        <Textarea
          label="Reason"
          placeholder="Why this needs more hands"
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={respond.isError ? describeError(respond.error) : undefined}
          data-autofocus
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="orange" loading={respond.isPending} onClick={submit}>
            Escalate
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
