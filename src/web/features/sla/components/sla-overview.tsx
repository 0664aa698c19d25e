import { Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { PartyBadge } from '../../../components/party-badge.tsx';
import { RouterAnchor } from '../../../components/router-anchor.tsx';
import type { Party } from '../../../lib/api-types.ts';
import type { AtRiskItem } from '../../../lib/sla-types.ts';
import { useAtRisk } from '../api/list-at-risk.ts';

interface SlaOverviewProps {
  engagementId: string;
  engagementSlug: string;
  /** The viewer's party: "ours" is theirs, the other side "theirs". */
  party: Party;
}

const other = (party: Party): Party => (party === 'internal' ? 'provider' : 'internal');

/** The home page's answer to "whose clocks are in trouble?": breached and warned, per party. */
export function SlaOverview({ engagementId, engagementSlug, party }: SlaOverviewProps) {
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          SLA clocks at risk
        </Title>
        <RouterAnchor to="/e/$engagement/sla/at-risk" params={{ engagement: engagementSlug }} size="sm">
          Open at risk
        </RouterAnchor>
      </Group>
      <SimpleGrid cols={2} spacing="md">
        <PartyRisk engagementId={engagementId} engagementSlug={engagementSlug} party={party} side="ours" />
        <PartyRisk
          engagementId={engagementId}
          engagementSlug={engagementSlug}
          party={other(party)}
          side="theirs"
        />
      </SimpleGrid>
    </Paper>
  );
}

function PartyRisk({
  engagementId,
  engagementSlug,
  party,
  side,
}: {
  engagementId: string;
  engagementSlug: string;
  party: Party;
  side: 'ours' | 'theirs';
}) {
  const risky = useAtRisk(engagementId, { party, risk: ['breached', 'warning'] });
  const count = (risk: AtRiskItem['clock']['risk']) =>
    risky.data?.filter((item) => item.clock.risk === risk).length ?? 0;
  return (
    <Stack gap={4}>
      <PartyBadge party={party} size="sm" />
      {!risky.data ? (
        <Skeleton height={40} radius="sm" />
      ) : (
        <RouterAnchor
          to="/e/$engagement/sla/at-risk"
          params={{ engagement: engagementSlug }}
          search={side === 'theirs' ? { side } : {}}
          underline="never"
          c="inherit"
          aria-label={`${party} clocks: ${count('breached')} breached, ${count('warning')} near their target`}
        >
          <Group gap="lg">
            <Figure value={count('breached')} label="breached" color="red" />
            <Figure value={count('warning')} label="near target" color="orange" />
          </Group>
        </RouterAnchor>
      )}
    </Stack>
  );
}

function Figure({ value, label, color }: { value: number; label: string; color: string }) {
  return (
    <Stack gap={0}>
      <Text fz={24} fw={700} c={value > 0 ? color : 'dimmed'} lh={1.2}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}
