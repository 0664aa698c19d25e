import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { type CreatedApiToken, ROLE_LABELS, ROLES, type Role } from '../../../lib/api-types.ts';
import { describeError, fieldErrors } from '../../../lib/problem.ts';
import { useCreateApiToken } from '../api/create-api-token.ts';
import type { EngagementChoice } from './api-tokens-page.tsx';

interface CreateApiTokenModalProps {
  opened: boolean;
  engagements: readonly EngagementChoice[];
  onClose: () => void;
  onCreated: (token: CreatedApiToken) => void;
}

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export function CreateApiTokenModal({ opened, engagements, onClose, onCreated }: CreateApiTokenModalProps) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [engagementIds, setEngagementIds] = useState<string[]>([]);
  const createToken = useCreateApiToken();
  const errors = fieldErrors(createToken.error);
  const formError =
    createToken.isError && Object.keys(errors).length === 0 ? describeError(createToken.error) : null;

  function reset() {
    setName('');
    setRole(null);
    setEngagementIds([]);
    createToken.reset();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    createToken.mutate(
      {
        name: name.trim(),
        ...(role ? { role } : {}),
        ...(engagementIds.length ? { engagementIds } : {}),
      },
      {
        onSuccess: (token) => {
          reset();
          onCreated(token);
        },
      },
    );
  }

  return (
    <Modal
      opened={opened}
      onClose={() => {
        reset();
        onClose();
      }}
      title="Create API token"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput
            label="Name"
            description="Say what uses it, so you know what breaks if you revoke it."
            placeholder="e.g. RMM sync, nightly export"
            required
            data-autofocus
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
          />
          <Select<Role>
            label="Role"
            description="Caps what the token may do. It never exceeds your own role."
            placeholder="Your role in each engagement"
            clearable
            data={ROLE_OPTIONS}
            value={role}
            onChange={setRole}
            error={errors.role}
          />
          <MultiSelect
            label="Engagements"
            description="Limit the token to some engagements."
            placeholder={engagementIds.length ? undefined : 'All your engagements'}
            searchable
            clearable
            data={engagements.map((engagement) => ({ value: engagement.id, label: engagement.name }))}
            value={engagementIds}
            onChange={setEngagementIds}
            error={errors.engagementIds}
          />
          <Group justify="flex-end" gap="xs">
            <Button
              variant="default"
              onClick={() => {
                reset();
                onClose();
              }}
            >
              Cancel
            </Button>
            <Button type="submit" loading={createToken.isPending} disabled={!name.trim()}>
              Create token
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
