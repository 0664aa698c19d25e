import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { fieldErrors } from '../../../lib/problem.ts';
import { useIncidentWrite } from '../api/incident-writes.ts';

interface DecisionModalProps {
  opened: boolean;
  onClose: () => void;
  engagementId: string;
  ticketId: string;
}

/** A decision log entry: what was decided and why; the timeline names who decided and for which party. */
export function DecisionModal({ opened, onClose, engagementId, ticketId }: DecisionModalProps) {
  const write = useIncidentWrite(engagementId, ticketId);
  const [decision, setDecision] = useState('');
  const [rationale, setRationale] = useState('');
  const errors = fieldErrors(write.error);

  function submit() {
    write.mutate(
      {
        kind: 'decision',
        decision: decision.trim(),
        ...(rationale.trim() ? { rationale: rationale.trim() } : {}),
      },
      {
        onSuccess: () => {
          setDecision('');
          setRationale('');
          onClose();
        },
      },
    );
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Log a decision">
      <Stack gap="sm">
        <TextInput
          label="Decision"
          placeholder="Isolate the file server from the network"
          required
          value={decision}
          onChange={(event) => setDecision(event.currentTarget.value)}
          error={errors.decision ?? (write.isError && !errors.rationale ? write.error.message : undefined)}
          data-autofocus
        />
        <Textarea
          label="Rationale"
          autosize
          minRows={2}
          value={rationale}
          onChange={(event) => setRationale(event.currentTarget.value)}
          error={errors.rationale}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button loading={write.isPending} disabled={!decision.trim()} onClick={submit}>
            Log decision
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
