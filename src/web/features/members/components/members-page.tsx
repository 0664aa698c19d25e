import { Badge, Button, Tabs } from '@mantine/core';
import { IconUserPlus, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import { useMembers } from '../api/list-members.ts';
import { useTeams } from '../api/list-teams.ts';
import { AddMemberModal } from './add-member-modal.tsx';
import { MembersTable } from './members-table.tsx';
import { TeamsPanel } from './teams-panel.tsx';

export type MembersTab = 'members' | 'teams';

interface MembersPageProps {
  engagementId: string;
  /** From the engagement: `member.manage` and `team.manage` unlock the editing controls. */
  allowedActions: readonly string[];
  currentUserId: string;
  tab: MembersTab;
  onTabChange: (tab: MembersTab) => void;
}

/** Administration: who has a role in this engagement, and the teams each party forms. */
export function MembersPage({
  engagementId,
  allowedActions,
  currentUserId,
  tab,
  onTabChange,
}: MembersPageProps) {
  const members = useMembers(engagementId);
  const teams = useTeams(engagementId);
  const [adding, setAdding] = useState(false);
  const canManageMembers = allowedActions.includes('member.manage');
  const canManageTeams = allowedActions.includes('team.manage');

  return (
    <>
      <PageHeader
        title="Members & teams"
        description="Everyone with a role in this engagement, from both parties, and the teams they work in."
        actions={
          canManageMembers && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setAdding(true)}>
              Add member
            </Button>
          )
        }
      />
      <Tabs
        value={tab}
        onChange={(value) => onTabChange(value === 'teams' ? 'teams' : 'members')}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="members" leftSection={<IconUsers size={16} />}>
            Members <CountBadge count={members.data?.length} />
          </Tabs.Tab>
          <Tabs.Tab value="teams" leftSection={<IconUsersGroup size={16} />}>
            Teams <CountBadge count={teams.data?.length} />
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="members">
          {members.isError ? (
            <QueryErrorAlert error={members.error} onRetry={() => members.refetch()} />
          ) : (
            <MembersTable
              engagementId={engagementId}
              members={members.data}
              canManage={canManageMembers}
              currentUserId={currentUserId}
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="teams">
          {teams.isError ? (
            <QueryErrorAlert error={teams.error} onRetry={() => teams.refetch()} />
          ) : (
            <TeamsPanel
              engagementId={engagementId}
              teams={teams.data}
              members={members.data ?? []}
              canManage={canManageTeams}
            />
          )}
        </Tabs.Panel>
      </Tabs>
      <AddMemberModal engagementId={engagementId} opened={adding} onClose={() => setAdding(false)} />
    </>
  );
}

function CountBadge({ count }: { count: number | undefined }) {
  if (count === undefined) return null;
  return (
    <Badge size="sm" variant="light" color="gray" ml={4} radius="sm">
      {count}
    </Badge>
  );
}
