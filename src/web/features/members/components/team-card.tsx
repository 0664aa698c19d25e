import { ActionIcon, Group, Menu, Paper, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconTrash, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import type { Member, Team } from '../../../lib/api-types.ts';
import { useAddTeamMember } from '../api/add-team-member.ts';
import { useDeleteTeam } from '../api/delete-team.ts';
import { useRemoveTeamMember } from '../api/remove-team-member.ts';

interface TeamCardProps {
  engagementId: string;
  team: Team;
  /** Members of the team's party who are not in it yet. */
  candidates: readonly Member[];
  canManage: boolean;
}

export function TeamCard({ engagementId, team, candidates, canManage }: TeamCardProps) {
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const addTeamMember = useAddTeamMember(engagementId);
  const removeTeamMember = useRemoveTeamMember(engagementId);
  const deleteTeam = useDeleteTeam(engagementId);

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Text fw={600}>{team.name}</Text>
          {team.description && (
            <Text size="sm" c="dimmed">
              {team.description}
            </Text>
          )}
        </Stack>
        {canManage && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${team.name}`}>
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={14} />}
                onClick={() => setConfirmingDelete(true)}
              >
                Delete team
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      <Stack gap={4} mt="sm">
        {team.members.length === 0 && (
          <Text size="sm" c="dimmed">
            No members.
          </Text>
        )}
        {team.members.map((member) => (
          <Group key={member.userId} justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm">{member.name}</Text>
            {canManage && (
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label={`Remove ${member.name} from ${team.name}`}
                loading={removeTeamMember.isPending && removeTeamMember.variables?.userId === member.userId}
                onClick={() => removeTeamMember.mutate({ teamId: team.id, userId: member.userId })}
              >
                <IconX size={14} />
              </ActionIcon>
            )}
          </Group>
        ))}
      </Stack>
      {canManage && (
        <Select
          mt="sm"
          size="xs"
          aria-label={`Add a member to ${team.name}`}
          placeholder={candidates.length ? 'Add a member…' : 'Everyone in this party is in the team'}
          disabled={candidates.length === 0 || addTeamMember.isPending}
          searchable
          data={candidates.map((member) => ({ value: member.userId, label: member.name }))}
          value={null}
          onChange={(userId) => userId && addTeamMember.mutate({ teamId: team.id, userId })}
        />
      )}
      <ConfirmDialog
        opened={confirmingDelete}
        title="Delete team"
        confirmLabel="Delete team"
        danger
        loading={deleteTeam.isPending}
        onConfirm={() =>
          deleteTeam.mutate(team.id, {
            onSuccess: () => notifications.show({ message: `Team ${team.name} deleted` }),
            onSettled: () => setConfirmingDelete(false),
          })
        }
        onClose={() => setConfirmingDelete(false)}
      >
        Delete {team.name}? Its members stay in the engagement.
      </ConfirmDialog>
    </Paper>
  );
}
