import { Alert, Button, Group, Modal, PasswordInput, Radio, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import type { Organization, OrgRole } from '../../../lib/api-types.ts';
import { describeError, fieldErrors, isApiError } from '../../../lib/problem.ts';
import { MIN_PASSWORD_LENGTH, useCreateUser } from '../api/create-user.ts';
import { useOrganizations } from '../api/list-organizations.ts';

interface CreateUserModalProps {
  opened: boolean;
  /** The caller's organization, where new users go unless another is picked. */
  defaultOrganizationId: string;
  onClose: () => void;
}

/** Creates an account with an initial password; the person can sign in right away. */
export function CreateUserModal({ opened, defaultOrganizationId, onClose }: CreateUserModalProps) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [organizationId, setOrganizationId] = useState(defaultOrganizationId);
  const [orgRole, setOrgRole] = useState<OrgRole>('member');
  const [password, setPassword] = useState('');
  const [passwordTooShort, setPasswordTooShort] = useState(false);
  const organizations = useOrganizations();
  const createUser = useCreateUser();

  const errors = fieldErrors(createUser.error);
  // A 409 means the e-mail is taken: say so at the e-mail field.
  const emailTaken = isApiError(createUser.error, 409) ? describeError(createUser.error) : undefined;
  const formError =
    createUser.isError && !emailTaken && Object.keys(errors).length === 0
      ? describeError(createUser.error)
      : null;
  const choices = organizations.data ?? [];

  function close() {
    setName('');
    setEmail('');
    setOrganizationId(defaultOrganizationId);
    setOrgRole('member');
    setPassword('');
    setPasswordTooShort(false);
    createUser.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (password.length < MIN_PASSWORD_LENGTH) {
      setPasswordTooShort(true);
      return;
    }
    createUser.mutate(
      {
        name: name.trim(),
        email: email.trim(),
        password,
        orgRole,
        ...(organizationId !== defaultOrganizationId ? { organizationId } : {}),
      },
      {
        onSuccess: (user) => {
          notifications.show({
            color: 'green',
            title: `${user.name} can now sign in`,
            message: 'Add them to an engagement under Members & teams to give them work there.',
          });
          close();
        },
      },
    );
  }

  return (
    <Modal opened={opened} onClose={close} title="New user">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput
            label="Name"
            required
            data-autofocus
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
          />
          <TextInput
            label="E-mail"
            description="They sign in with it; it must not belong to another user."
            type="email"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={errors.email ?? emailTaken}
          />
          {choices.length > 1 && (
            <Select
              label="Organization"
              description="Decides which party they act for in engagements."
              required
              searchable
              allowDeselect={false}
              data={organizationOptions(choices)}
              value={organizationId}
              onChange={(value) => value && setOrganizationId(value)}
              error={errors.organizationId}
            />
          )}
          <Radio.Group
            label="Organization role"
            value={orgRole}
            onChange={(value) => setOrgRole(value === 'admin' ? 'admin' : 'member')}
            error={errors.orgRole}
          >
            <Stack gap="xs" mt={6}>
              <Radio
                value="member"
                label="Member"
                description="Works in the engagements they are added to."
              />
              <Radio value="admin" label="Admin" description="Also manages the organization’s users." />
            </Stack>
          </Radio.Group>
          <PasswordInput
            label="Initial password"
            description={`At least ${MIN_PASSWORD_LENGTH} characters. Pass it on privately.`}
            required
            autoComplete="new-password"
            value={password}
            onChange={(event) => {
              setPassword(event.currentTarget.value);
              setPasswordTooShort(false);
            }}
            error={passwordTooShort ? `Use at least ${MIN_PASSWORD_LENGTH} characters.` : errors.password}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              type="submit"
              loading={createUser.isPending}
              disabled={!name.trim() || !email.trim() || !password}
            >
              Create user
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The provider first, then its clients, each group by name as the server sorts them. */
function organizationOptions(organizations: readonly Organization[]) {
  const group = (kind: Organization['kind']) =>
    organizations.filter((o) => o.kind === kind).map((o) => ({ value: o.id, label: o.name }));
  return [
    { group: 'Provider', items: group('provider') },
    { group: 'Clients', items: group('client') },
  ].filter(({ items }) => items.length > 0);
}
