import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconUsers, IconUsersGroup } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { PageHeader } from '../../../components/page-header.tsx';
import { PartyBadge } from '../../../components/party-badge.tsx';
import { RouterAnchor } from '../../../components/router-anchor.tsx';
import { type EngagementDetail, PARTY_LABELS, type Party, ROLE_LABELS } from '../../../lib/api-types.ts';
import { formatDate } from '../../../lib/time-format.ts';

const PARTY_ROLE: Record<Party, string> = {
  internal: "The client's own IT team",
  provider: 'The managed service provider',
};

/**
 * The engagement at a glance: who the two parties are, where the caller stands, how big it is.
 * `children` are further panels the app composes from other features.
 */
export function EngagementHome({
  engagement,
  children,
}: {
  engagement: EngagementDetail;
  children?: ReactNode;
}) {
  const organizationOf = (party: Party) =>
    engagement.parties.find((p) => p.kind === party)?.organization.name ??
    (party === 'internal' ? engagement.clientOrganization.name : engagement.providerOrganization.name);
  const params = { engagement: engagement.slug };
  const canSeeMembers = engagement.allowedActions.includes('member.read');

  return (
    <Stack gap="lg">
      <PageHeader
        title={engagement.name}
        description={`Co-managed IT for ${engagement.clientOrganization.name} with ${engagement.providerOrganization.name} · since ${formatDate(engagement.createdAt)}`}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        {(['internal', 'provider'] as const).map((party) => (
          <Panel key={party} label={PARTY_ROLE[party]}>
            <Group justify="space-between" wrap="nowrap">
              <Text fw={600} size="lg" truncate>
                {organizationOf(party)}
              </Text>
              <PartyBadge party={party} />
            </Group>
          </Panel>
        ))}
        <Panel label="You, in this engagement">
          <Group gap="xs">
            <Text fw={600} size="lg">
              {ROLE_LABELS[engagement.role]}
            </Text>
            <Text c="dimmed" size="sm">
              acting for the {PARTY_LABELS[engagement.party].toLowerCase()} party
            </Text>
          </Group>
        </Panel>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Panel label="Members" icon={<IconUsers size={16} />}>
          <Count value={engagement.memberCount} />
          {canSeeMembers && (
            <RouterAnchor to="/e/$engagement/admin/members" params={params} size="sm">
              View members
            </RouterAnchor>
          )}
        </Panel>
        <Panel label="Teams" icon={<IconUsersGroup size={16} />}>
          <Count value={engagement.teamCount} />
          {canSeeMembers && (
            <RouterAnchor
              to="/e/$engagement/admin/members"
              params={params}
              search={{ tab: 'teams' }}
              size="sm"
            >
              View teams
            </RouterAnchor>
          )}
        </Panel>
      </SimpleGrid>
      {children}
    </Stack>
  );
}

function Panel({ label, icon, children }: { label: string; icon?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap={6}>
        <Group gap={6} c="dimmed">
          {icon}
          <Text size="xs" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
            {label}
          </Text>
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

function Count({ value }: { value: number }) {
  return (
    <Title order={2} size="h2" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {value}
    </Title>
  );
}
