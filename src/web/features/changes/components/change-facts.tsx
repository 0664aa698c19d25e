import { Badge, Divider, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Instant } from '../../../components/instant.tsx';
import { PartyBadge } from '../../../components/party-badge.tsx';
import { browserZone, formatUtc } from '../../../lib/time-format.ts';
import type { Change } from '../api/change-types.ts';
import { LevelBadge } from './change-badges.tsx';
import { formatWindow } from './local-time.ts';

/** The side panel of a change: what it touches, when, and who has decided so far. */
export function ChangeFacts({ change }: { change: Change }) {
  const approved = change.approvals.filter((approval) => approval.decision === 'approve').length;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Fact label="Window">
          {change.windowStart && change.windowEnd ? (
            <Text size="sm" title={`${formatUtc(change.windowStart)} – ${formatUtc(change.windowEnd)}`}>
              {formatWindow(change.windowStart, change.windowEnd)}
              <Text span size="xs" c="dimmed" display="block">
                {browserZone()}
              </Text>
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              Not set; a change needs one to be scheduled.
            </Text>
          )}
        </Fact>
        <Fact label="Risk and impact">
          <Group gap={4}>
            <LevelBadge level={change.risk} label="Risk" />
            <LevelBadge level={change.impact} label="Impact" />
          </Group>
        </Fact>
        <Fact label="Priority">
          <Text size="sm">{change.priority}</Text>
        </Fact>
        <Fact label="Affected assets">
          <Text size="sm" c={change.affectedAssets ? undefined : 'dimmed'}>
            {change.affectedAssets || 'None named'}
          </Text>
        </Fact>
        <Fact label="Owner party">
          <PartyBadge party={change.ownerParty} size="sm" />
        </Fact>
        <Fact label="Opened">
          <Instant iso={change.createdAt} />
        </Fact>
        <Divider />
        <Fact label="Approvals">
          {change.type === 'standard' ? (
            <Text size="sm">Pre-approved by its template</Text>
          ) : (
            <Text size="sm">
              {approved} of {change.quorum} needed, from <PartyBadge party={change.approverParty} size="xs" />{' '}
              managers
            </Text>
          )}
        </Fact>
        <Stack gap={6} data-testid="change-approvals">
          {change.approvals.length === 0 && change.type !== 'standard' && (
            <Text size="sm" c="dimmed">
              No decisions yet.
            </Text>
          )}
          {change.approvals.map((approval) => (
            <Stack key={`${approval.approverId}-${approval.at}`} gap={2} data-testid="change-approval">
              <Group gap={6}>
                <Badge
                  size="sm"
                  radius="sm"
                  variant="light"
                  color={approval.decision === 'approve' ? 'green' : 'red'}
                >
                  {approval.decision === 'approve' ? 'Approved' : 'Rejected'}
                </Badge>
                <Text size="sm" fw={500}>
                  {approval.approverName}
                </Text>
              </Group>
              <Instant iso={approval.at} size="xs" c="dimmed" />
              {approval.reason && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  “{approval.reason}”
                </Text>
              )}
            </Stack>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}
