import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { type Integration, SEVERITY_ORDER } from '../api/integration-types.ts';
import { DEFAULT_SEVERITY_PRIORITY, type IntegrationChoices } from './defaults-fields.tsx';

/** What the integration's alerts get unless the event says otherwise. */
export function RoutingSummary({
  integration,
  choices,
  onEdit,
}: {
  integration: Integration;
  choices: IntegrationChoices;
  onEdit: (() => void) | undefined;
}) {
  const { defaults } = integration;
  const map = defaults.severityPriority ?? DEFAULT_SEVERITY_PRIORITY;
  const named = <T extends { name: string }>(list: readonly T[], match: (item: T) => boolean) =>
    list.find(match)?.name;
  const rows: [string, string][] = [
    [
      'Function',
      defaults.functionKey
        ? (named(choices.functions, (f) => f.key === defaults.functionKey) ?? defaults.functionKey)
        : 'None: by track only',
    ],
    ['Track', defaults.security || defaults.track === 'security' ? 'Security · SOC' : 'Operations · on-call'],
    [
      'Escalation policy',
      defaults.escalationPolicyId
        ? (named(choices.policies, (p) => p.id === defaults.escalationPolicyId) ?? 'A policy')
        : 'As routed',
    ],
    ['Severity → priority', SEVERITY_ORDER.map((severity) => `${severity} ${map[severity]}`).join(' · ')],
    [
      'Grouping',
      defaults.grouping
        ? `same ${defaults.grouping.by.join(' + ')} within ${defaults.grouping.windowMinutes} min`
        : 'Same dedup key only',
    ],
    ['Rate limit', `${integration.ratePerMinute} events a minute`],
  ];
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h5">
            Routing defaults
          </Title>
          {onEdit && (
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconPencil size={14} />}
              onClick={onEdit}
            >
              Edit
            </Button>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={4} data-testid="routing-defaults">
          {rows.map(([label, value]) => (
            <Group key={label} gap="xs" wrap="nowrap" align="baseline">
              <Text size="sm" c="dimmed" w={150} style={{ flexShrink: 0 }}>
                {label}
              </Text>
              <Text size="sm">{value}</Text>
            </Group>
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
