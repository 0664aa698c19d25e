import { Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { PartyBadge } from '../../../components/party-badge.tsx';
import { type Member, PARTY_LABELS, type Party, type Team } from '../../../lib/api-types.ts';
import { CreateTeamModal } from './create-team-modal.tsx';
import { TeamCard } from './team-card.tsx';

interface TeamsPanelProps {
  engagementId: string;
  teams: Team[] | undefined;
  members: readonly Member[];
  canManage: boolean;
}

const PARTIES: readonly Party[] = ['internal', 'provider'];

/** Teams side by side per party: a team belongs to one party and holds only that party's members. */
export function TeamsPanel({ engagementId, teams, members, canManage }: TeamsPanelProps) {
  const [creatingFor, setCreatingFor] = useState<Party | null>(null);

  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {PARTIES.map((party) => {
          const partyTeams = teams?.filter((team) => team.party === party);
          return (
            <Stack key={party} gap="sm">
              <Group justify="space-between">
                <Group gap="xs">
                  <Title order={2} size="h5">
                    {PARTY_LABELS[party]} teams
                  </Title>
                  <PartyBadge party={party} size="sm" />
                </Group>
                {canManage && (
                  <Button
                    variant="default"
                    size="xs"
                    leftSection={<IconPlus size={14} />}
                    onClick={() => setCreatingFor(party)}
                  >
                    New {PARTY_LABELS[party].toLowerCase()} team
                  </Button>
                )}
              </Group>
              {!partyTeams && <Skeleton height={96} radius="md" />}
              {partyTeams?.length === 0 && (
                <Paper withBorder radius="md" p="lg">
                  <Text size="sm" c="dimmed" ta="center">
                    No {PARTY_LABELS[party].toLowerCase()} teams yet.
                    {canManage && ' Teams will own schedules, queues and cells of the responsibility matrix.'}
                  </Text>
                </Paper>
              )}
              {partyTeams?.map((team) => (
                <TeamCard
                  key={team.id}
                  engagementId={engagementId}
                  team={team}
                  candidates={members.filter(
                    (member) =>
                      member.party === party &&
                      !member.disabled &&
                      !team.members.some((m) => m.userId === member.userId),
                  )}
                  canManage={canManage}
                />
              ))}
            </Stack>
          );
        })}
      </SimpleGrid>
      <CreateTeamModal engagementId={engagementId} party={creatingFor} onClose={() => setCreatingFor(null)} />
    </>
  );
}
