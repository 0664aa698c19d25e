import { Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { PartyBadge } from '../../../components/party-badge.tsx';
import { RouterAnchor } from '../../../components/router-anchor.tsx';
import type { Party } from '../../../lib/api-types.ts';
import { useTeams } from '../api/list-teams.ts';

interface TeamsOverviewProps {
  engagementId: string;
  engagementSlug: string;
}

const PARTIES: readonly Party[] = ['internal', 'provider'];

/** Who's who: each party's teams and their people, for the engagement's home page. */
export function TeamsOverview({ engagementId, engagementSlug }: TeamsOverviewProps) {
  const teams = useTeams(engagementId);

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          Teams
        </Title>
        <RouterAnchor
          to="/e/$engagement/admin/members"
          params={{ engagement: engagementSlug }}
          search={{ tab: 'teams' }}
          size="sm"
        >
          Manage teams
        </RouterAnchor>
      </Group>
      {!teams.data && <Skeleton height={120} radius="sm" />}
      {teams.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          No teams yet. Teams group each party's people for schedules, queues and the responsibility matrix.
        </Text>
      )}
      <Stack gap="md">
        {teams.data &&
          teams.data.length > 0 &&
          PARTIES.map((party) => {
            const partyTeams = teams.data.filter((team) => team.party === party);
            if (partyTeams.length === 0) return null;
            return (
              <Stack key={party} gap={6}>
                <PartyBadge party={party} size="sm" />
                {partyTeams.map((team) => (
                  <Group key={team.id} justify="space-between" wrap="nowrap" gap="md">
                    <Text size="sm" fw={500} style={{ flexShrink: 0 }}>
                      {team.name}
                    </Text>
                    <Text size="sm" c="dimmed" truncate>
                      {team.members.length === 0 ? 'No members' : team.members.map((m) => m.name).join(', ')}
                    </Text>
                  </Group>
                ))}
              </Stack>
            );
          })}
      </Stack>
    </Paper>
  );
}
