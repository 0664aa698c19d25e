import { ActionIcon, Group, Paper, Table, Text, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { Override } from '../api/schedule-types.ts';
import { barStyle } from './person-colors.ts';
import classes from './timeline.module.css';
import { formatLength, formatRange } from './week-in-zone.ts';

interface OverridesPanelProps {
  overrides: Override[];
  zone: string;
  colorOf: (userId: string) => string;
  canOverride: boolean;
  onRemove: (override: Override) => void;
}

/** This week's overrides: who covers which span, in the schedule's zone. */
export function OverridesPanel({ overrides, zone, colorOf, canOverride, onRemove }: OverridesPanelProps) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Overrides this week">
      <Title order={2} size="h5" mb="xs">
        Overrides this week
      </Title>
      {overrides.length === 0 ? (
        <Text size="sm" c="dimmed">
          None.{canOverride ? ' Drag across the “On call” row to add one.' : ''}
        </Text>
      ) : (
        <Table verticalSpacing={4}>
          <Table.Tbody>
            {overrides.map((override) => (
              <Table.Tr key={override.id} data-testid="override-row">
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <span
                      className={classes.bar}
                      style={{
                        ...barStyle(colorOf(override.userId)),
                        position: 'static',
                        padding: 0,
                        width: 10,
                        height: 14,
                        display: 'inline-block',
                      }}
                    />
                    <Text size="sm" fw={600}>
                      {override.userName}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatRange(override.start, override.end, zone)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {formatLength(Date.parse(override.end) - Date.parse(override.start))}
                  </Text>
                </Table.Td>
                {canOverride && (
                  <Table.Td w={40}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove the override by ${override.userName}`}
                      onClick={() => onRemove(override)}
                    >
                      <IconTrash size={14} />
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
