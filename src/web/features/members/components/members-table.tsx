import {
  ActionIcon,
  Badge,
  Group,
  SegmentedControl,
  Select,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSearch, IconUserMinus } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { PartyBadge } from '../../../components/party-badge.tsx';
import { TableLoadingRows } from '../../../components/table-loading-rows.tsx';
import { type Member, type Party, ROLE_LABELS, ROLES, type Role } from '../../../lib/api-types.ts';
import { useChangeMemberRole } from '../api/change-member-role.ts';
import { useRemoveMember } from '../api/remove-member.ts';

interface MembersTableProps {
  engagementId: string;
  members: Member[] | undefined;
  canManage: boolean;
  currentUserId: string;
}

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export function MembersTable({ engagementId, members, canManage, currentUserId }: MembersTableProps) {
  const [search, setSearch] = useState('');
  const [party, setParty] = useState<Party | 'all'>('all');
  const [removing, setRemoving] = useState<Member | null>(null);
  const changeRole = useChangeMemberRole(engagementId);
  const removeMember = useRemoveMember(engagementId);

  const needle = search.trim().toLowerCase();
  const shown = (members ?? []).filter(
    (member) =>
      (party === 'all' || member.party === party) &&
      `${member.name} ${member.email}`.toLowerCase().includes(needle),
  );

  function onRoleChange(member: Member, role: Role) {
    changeRole.mutate(
      { userId: member.userId, role },
      { onSuccess: () => notifications.show({ message: `${member.name} is now ${ROLE_LABELS[role]}` }) },
    );
  }

  function confirmRemove() {
    if (!removing) return;
    const { name, userId } = removing;
    removeMember.mutate(userId, {
      onSuccess: () => notifications.show({ message: `${name} was removed from the engagement` }),
      onSettled: () => setRemoving(null),
    });
  }

  return (
    <>
      <Group mb="sm" gap="sm">
        <TextInput
          aria-label="Filter members by name or e-mail"
          placeholder="Filter by name or e-mail"
          leftSection={<IconSearch size={14} />}
          w={280}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
        <SegmentedControl
          aria-label="Party"
          size="sm"
          value={party}
          onChange={(value) => setParty(value as Party | 'all')}
          data={[
            { value: 'all', label: 'Both parties' },
            { value: 'internal', label: 'Internal' },
            { value: 'provider', label: 'Provider' },
          ]}
        />
      </Group>
      <Table.ScrollContainer minWidth={760}>
        <Table highlightOnHover verticalSpacing={6} withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>E-mail</Table.Th>
              <Table.Th>Party</Table.Th>
              <Table.Th w={150}>Role</Table.Th>
              <Table.Th>Teams</Table.Th>
              <Table.Th>Status</Table.Th>
              {canManage && <Table.Th w={48} aria-label="Actions" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {!members && <TableLoadingRows columns={canManage ? 7 : 6} />}
            {members && shown.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text c="dimmed" size="sm" ta="center" py="md">
                    {members.length === 0
                      ? 'This engagement has no members yet.'
                      : 'No member matches the filter.'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {shown.map((member) => (
              <Table.Tr key={member.userId} c={member.disabled ? 'dimmed' : undefined}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
                      {member.name}
                    </Text>
                    {member.userId === currentUserId && (
                      <Badge size="xs" variant="outline" color="gray" radius="sm">
                        You
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {member.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <PartyBadge party={member.party} size="sm" />
                </Table.Td>
                <Table.Td>
                  {canManage ? (
                    <Select<Role>
                      aria-label={`Role of ${member.name}`}
                      size="xs"
                      allowDeselect={false}
                      data={ROLE_OPTIONS}
                      value={member.role}
                      disabled={changeRole.isPending && changeRole.variables?.userId === member.userId}
                      onChange={(role) => role && role !== member.role && onRoleChange(member, role)}
                    />
                  ) : (
                    <Text size="sm">{ROLE_LABELS[member.role]}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {member.teams.length === 0 && (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                    {member.teams.map((team) => (
                      <Badge key={team.id} size="sm" variant="default" radius="sm">
                        {team.name}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {member.disabled ? (
                    <Badge size="sm" color="gray" radius="sm">
                      Disabled
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      Active
                    </Text>
                  )}
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    <Tooltip label="Remove from engagement" withArrow>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove ${member.name}`}
                        onClick={() => setRemoving(member)}
                      >
                        <IconUserMinus size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmDialog
        opened={removing !== null}
        title="Remove member"
        confirmLabel="Remove"
        danger
        loading={removeMember.isPending}
        onConfirm={confirmRemove}
        onClose={() => setRemoving(null)}
      >
        {removing?.name} loses access to this engagement and leaves its teams here. Their account and other
        engagements are not affected.
      </ConfirmDialog>
    </>
  );
}
