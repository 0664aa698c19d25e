import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../lib/api-types.ts';
import { describeError, fieldErrors } from '../../../lib/problem.ts';
import { useAddMember } from '../api/add-member.ts';

interface AddMemberModalProps {
  engagementId: string;
  opened: boolean;
  onClose: () => void;
}

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/** Adds a user who already has a Tandem account; their organization decides their party. */
export function AddMemberModal({ engagementId, opened, onClose }: AddMemberModalProps) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const addMember = useAddMember(engagementId);
  const errors = fieldErrors(addMember.error);
  const formError =
    addMember.isError && Object.keys(errors).length === 0 ? describeError(addMember.error) : null;

  function close() {
    setEmail('');
    setRole('agent');
    addMember.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    addMember.mutate(
      { email: email.trim(), role },
      {
        onSuccess: (member) => {
          notifications.show({
            color: 'green',
            message: `${member.name} joined as ${ROLE_LABELS[member.role]}`,
          });
          close();
        },
      },
    );
  }

  return (
    <Modal opened={opened} onClose={close} title="Add member">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput
            label="E-mail"
            description="The person must already have a Tandem account."
            type="email"
            required
            data-autofocus
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={errors.email}
          />
          <Select
            label="Role"
            required
            allowDeselect={false}
            data={ROLE_OPTIONS}
            value={role}
            onChange={(value) => value && setRole(value as Role)}
            error={errors.role}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={addMember.isPending} disabled={!email.trim()}>
              Add member
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
