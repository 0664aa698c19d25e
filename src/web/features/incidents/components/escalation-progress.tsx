import { Alert, Badge, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconAlertTriangle, IconBell, IconCheck, IconClockPause } from '@tabler/icons-react';
import { PartyBadge } from '../../../components/party-badge.tsx';
import { formatMinutes } from '../../../lib/duration.ts';
import { formatDateTime, formatUtc } from '../../../lib/time-format.ts';
import { formatCountdown, useNowSeconds } from '../../../lib/use-seconds.ts';
import type { IncidentEscalation, NamedTarget } from '../api/incident-types.ts';

const STATE_TEXT: Record<IncidentEscalation['state'], { label: string; color: string }> = {
  running: { label: 'Paging', color: 'red' },
  acknowledged: { label: 'Acknowledged', color: 'yellow' },
  ended: { label: 'Ended', color: 'green' },
  exhausted: { label: 'Nobody answered', color: 'red' },
};

const TARGET_WORDS: Record<NamedTarget['type'], string> = {
  user: 'person',
  schedule: 'on call in',
  team: 'team',
};

/** "on call in SOC", "team NOC On-call", "Sam Ortiz". */
export function targetText(target: NamedTarget): string {
  return target.type === 'user' ? target.name : `${TARGET_WORDS[target.type]} ${target.name}`;
}

/**
 * The escalation level by level: who each level names, who was paged and when, who
 * acknowledged, where nobody was on call, and the countdown to the next level.
 */
export function EscalationProgress({ escalation }: { escalation: IncidentEscalation }) {
  const state = STATE_TEXT[escalation.state];
  return (
    <Paper withBorder p="md" radius="md" data-testid="escalation-progress" data-state={escalation.state}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Title order={2} size="h5">
              Escalation
            </Title>
            <Badge color={state.color} variant="light" radius="sm">
              {state.label}
            </Badge>
            {escalation.round > 1 && (
              <Badge color="gray" variant="outline" radius="sm">
                Round {escalation.round}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {escalation.policyName ?? 'No policy'} · started {formatDateTime(escalation.startedAt)}
          </Text>
        </Group>
        {escalation.acknowledgedBy && escalation.acknowledgedAt && (
          <Text size="sm">
            <IconCheck size={14} style={{ verticalAlign: -2 }} /> Acknowledged by{' '}
            <Text span fw={600}>
              {escalation.acknowledgedBy.name}
            </Text>{' '}
            {escalation.acknowledgedBy.party && (
              <PartyBadge party={escalation.acknowledgedBy.party} size="xs" />
            )}{' '}
            at {formatDateTime(escalation.acknowledgedAt)}
          </Text>
        )}
        <Timeline active={escalation.level - 1} bulletSize={22} lineWidth={2}>
          {escalation.levels.map((level, index) => (
            <Timeline.Item
              // biome-ignore lint/suspicious/noArrayIndexKey: levels are positional and never reorder
              key={index}
              bullet={<Text size="xs">{index + 1}</Text>}
              title={<LevelTitle escalation={escalation} index={index} delayMinutes={level.delayMinutes} />}
            >
              <LevelBody escalation={escalation} index={index} targets={level.targets} />
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
    </Paper>
  );
}

function LevelTitle({
  escalation,
  index,
  delayMinutes,
}: {
  escalation: IncidentEscalation;
  index: number;
  delayMinutes: number;
}) {
  const current = index + 1 === escalation.level;
  return (
    <Group gap="xs">
      <Text size="sm" fw={600}>
        Level {index + 1}
      </Text>
      <Text size="xs" c="dimmed">
        then {formatMinutes(delayMinutes)} to the next level
      </Text>
      {current && escalation.nextAt && <NextLevelCountdown nextAt={escalation.nextAt} />}
    </Group>
  );
}

function NextLevelCountdown({ nextAt }: { nextAt: string }) {
  const now = Math.max(useNowSeconds(), Date.now());
  const left = Date.parse(nextAt) - now;
  return (
    <Badge
      color="red"
      variant="light"
      radius="sm"
      leftSection={<IconClockPause size={10} />}
      data-testid="next-level"
    >
      escalates {left > 0 ? `in ${formatCountdown(left)}` : 'now'}
    </Badge>
  );
}

function LevelBody({
  escalation,
  index,
  targets,
}: {
  escalation: IncidentEscalation;
  index: number;
  targets: NamedTarget[];
}) {
  const level = index + 1;
  const pages = escalation.pages.filter((page) => page.level === level);
  const gaps = escalation.gaps.filter((gap) => gap.level === level);
  return (
    <Stack gap={4} mt={4}>
      <Text size="xs" c="dimmed">
        Pages {targets.length ? targets.map(targetText).join(', ') : 'nobody'}
      </Text>
      {pages.map((page) => (
        <Group key={page.id} gap={6} data-testid="page">
          <IconBell size={12} />
          <Text size="sm">{page.userName}</Text>
          {page.party && <PartyBadge party={page.party} size="xs" />}
          <Text size="xs" c="dimmed" title={formatUtc(page.pagedAt)}>
            paged {formatDateTime(page.pagedAt)}
            {page.target.type !== 'user' ? ` via ${targetText(page.target)}` : ''}
            {page.round > 1 ? ` (round ${page.round})` : ''}
          </Text>
          {page.acknowledgedAt && (
            <Badge color="green" variant="light" size="xs" radius="sm">
              acknowledged {formatDateTime(page.acknowledgedAt)}
            </Badge>
          )}
        </Group>
      ))}
      {gaps.map((gap) => (
        <Alert
          key={`${gap.target.id}-${gap.at}`}
          color="orange"
          variant="light"
          p={6}
          icon={<IconAlertTriangle size={14} />}
          data-testid="coverage-gap"
        >
          <Text size="xs">
            Coverage gap: nobody reachable for {targetText(gap.target)} at {formatDateTime(gap.at)} —{' '}
            {gap.reason}
          </Text>
        </Alert>
      ))}
    </Stack>
  );
}
