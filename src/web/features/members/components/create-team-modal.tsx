import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { PartyBadge } from '../../../components/party-badge.tsx';
import type { Party } from '../../../lib/api-types.ts';
import { describeError, fieldErrors } from '../../../lib/problem.ts';
import { useCreateTeam } from '../api/create-team.ts';

interface CreateTeamModalProps {
  engagementId: string;
  /** The party the new team belongs to; null keeps the modal closed. */
  party: Party | null;
  onClose: () => void;
}

export function CreateTeamModal({ engagementId, party, onClose }: CreateTeamModalProps) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const createTeam = useCreateTeam(engagementId);
  const errors = fieldErrors(createTeam.error);
  const formError =
    createTeam.isError && Object.keys(errors).length === 0 ? describeError(createTeam.error) : null;

  function close() {
    setName('');
    setDescription('');
    createTeam.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!party) return;
    const text = description.trim();
    createTeam.mutate(
      { name: name.trim(), party, ...(text ? { description: text } : {}) },
      {
        onSuccess: (team) => {
          notifications.show({ color: 'green', message: `Team ${team.name} created` });
          close();
        },
      },
    );
  }

  return (
    <Modal opened={party !== null} onClose={close} title="New team">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              Party
            </Text>
            {party && <PartyBadge party={party} />}
          </Group>
          <TextInput
            label="Name"
            placeholder="e.g. Service desk, SOC, Infrastructure"
            required
            data-autofocus
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={errors.description}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={createTeam.isPending} disabled={!name.trim()}>
              Create team
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
