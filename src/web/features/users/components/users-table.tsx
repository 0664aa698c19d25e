import { Badge, Group, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { Instant } from '../../../components/instant.tsx';
import { TableLoadingRows } from '../../../components/table-loading-rows.tsx';
import { ORG_ROLE_LABELS, type User } from '../../../lib/api-types.ts';
import { type UserChanges, useUpdateUser } from '../api/update-user.ts';
import { UserActionsMenu } from './user-actions-menu.tsx';

interface UsersTableProps {
  users: User[] | undefined;
  /** The signed-in admin, who cannot demote or disable themselves here. */
  currentUserId: string;
}

const COLUMNS = 7;

export function UsersTable({ users, currentUserId }: UsersTableProps) {
  const [search, setSearch] = useState('');
  const [disabling, setDisabling] = useState<User | null>(null);
  const updateUser = useUpdateUser();

  const needle = search.trim().toLowerCase();
  const shown = (users ?? []).filter((user) => `${user.name} ${user.email}`.toLowerCase().includes(needle));

  function change(user: User, changes: UserChanges, done: string) {
    updateUser.mutate(
      { userId: user.id, changes },
      {
        onSuccess: () => notifications.show({ message: done }),
        onSettled: () => setDisabling(null),
      },
    );
  }

  function confirmDisable() {
    if (disabling) change(disabling, { disabled: true }, `${disabling.name} is disabled`);
  }

  return (
    <>
      <Group mb="sm" gap="sm">
        <TextInput
          aria-label="Filter users by name or e-mail"
          placeholder="Filter by name or e-mail"
          leftSection={<IconSearch size={14} />}
          w={280}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
        {users && needle && (
          <Text size="sm" c="dimmed" aria-live="polite">
            {shown.length} of {users.length}
          </Text>
        )}
      </Group>
      <Table.ScrollContainer minWidth={860}>
        <Table highlightOnHover verticalSpacing={6} withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>E-mail</Table.Th>
              <Table.Th>Organization</Table.Th>
              <Table.Th>Org role</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th w={48} aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {!users && <TableLoadingRows columns={COLUMNS} />}
            {users && shown.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={COLUMNS}>
                  <Text c="dimmed" size="sm" ta="center" py="md">
                    {users.length === 0 ? 'There are no users yet.' : 'No user matches the filter.'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {shown.map((user) => (
              <Table.Tr key={user.id} c={user.disabled ? 'dimmed' : undefined}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
                      {user.name}
                    </Text>
                    {user.id === currentUserId && (
                      <Badge size="xs" variant="outline" color="gray" radius="sm">
                        You
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {user.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{user.organization.name}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={user.orgRole === 'admin' ? 500 : undefined}>
                    {ORG_ROLE_LABELS[user.orgRole]}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {user.disabled ? (
                    <Badge size="sm" color="gray" radius="sm">
                      Disabled
                    </Badge>
                  ) : (
                    <Badge size="sm" color="green" variant="light" radius="sm">
                      Active
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Instant iso={user.createdAt} />
                </Table.Td>
                <Table.Td>
                  <UserActionsMenu
                    user={user}
                    isYou={user.id === currentUserId}
                    pending={updateUser.isPending && updateUser.variables?.userId === user.id}
                    onChange={(changes, done) => change(user, changes, done)}
                    onDisable={() => setDisabling(user)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmDialog
        opened={disabling !== null}
        title="Disable user"
        confirmLabel="Disable user"
        danger
        loading={updateUser.isPending}
        onConfirm={confirmDisable}
        onClose={() => setDisabling(null)}
      >
        {disabling?.name} is signed out everywhere at once and can no longer sign in; their API tokens stop
        working too. Their engagement roles and history stay, and you can enable them again later.
      </ConfirmDialog>
    </>
  );
}
