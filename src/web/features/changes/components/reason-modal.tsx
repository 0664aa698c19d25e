import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';

interface ReasonModalProps {
  /** What the reason is for, e.g. "LOGI-12 · Replace core switch"; null closes the prompt. */
  subject: string | null;
  title: string;
  /** Who reads the reason, and what they do with it. */
  description: string;
  confirmLabel: string;
  loading: boolean;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/** Asks why before a move that others must understand: a rejection, a failure, a rollback. */
export function ReasonModal(props: ReasonModalProps) {
  const { subject, title, description, confirmLabel, loading, onConfirm, onClose } = props;
  const [reason, setReason] = useState('');
  // A new subject starts with an empty reason (React's "adjust state on prop change").
  const [shownFor, setShownFor] = useState(subject);
  if (shownFor !== subject) {
    setShownFor(subject);
    setReason('');
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim()) onConfirm(reason.trim());
  };
  return (
    <Modal opened={subject !== null} onClose={onClose} title={title} size="md">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm">{subject}</Text>
          <Textarea
            label="Reason"
            description={description}
            required
            data-autofocus
            autosize
            minRows={3}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={loading} disabled={!reason.trim()}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
