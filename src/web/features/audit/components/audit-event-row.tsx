import { ActionIcon, Badge, Code, Group, SimpleGrid, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { Instant } from '../../../components/instant.tsx';
import { PartyBadge } from '../../../components/party-badge.tsx';
import type { AuditEvent } from '../../../lib/api-types.ts';
import { targetLabel } from '../target-label.ts';

/** Columns of the audit table, which the expanded details span. */
export const AUDIT_COLUMNS = 7;

/** One audit record; expanding it shows the record's state before and after the change. */
interface AuditEventRowProps {
  event: AuditEvent;
  targetNames: ReadonlyMap<string, string>;
}

export function AuditEventRow({ event, targetNames }: AuditEventRowProps) {
  const [expanded, setExpanded] = useState(false);
  const detailsId = `audit-event-${event.seq}`;
  const label = targetLabel(event) ?? (event.targetId ? targetNames.get(event.targetId) : undefined);

  return (
    <Fragment>
      <Table.Tr onClick={() => setExpanded((open) => !open)} style={{ cursor: 'pointer' }}>
        <Table.Td>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-expanded={expanded}
            aria-controls={detailsId}
            aria-label={`${expanded ? 'Hide' : 'Show'} changes of event ${event.seq}`}
            onClick={(click) => {
              click.stopPropagation();
              setExpanded((open) => !open);
            }}
          >
            {expanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
          </ActionIcon>
        </Table.Td>
        <Table.Td>
          <Text size="sm" ff="monospace" c="dimmed">
            {event.seq}
          </Text>
        </Table.Td>
        <Table.Td>
          <Instant iso={event.at} seconds />
        </Table.Td>
        <Table.Td>
          <Group gap={6} wrap="nowrap">
            <Text size="sm" c={event.actor ? undefined : 'dimmed'}>
              {event.actor?.name ?? 'Tandem (system)'}
            </Text>
            {event.viaToken && (
              <Badge size="xs" variant="outline" color="gray" radius="sm">
                API token
              </Badge>
            )}
          </Group>
        </Table.Td>
        <Table.Td>{event.party ? <PartyBadge party={event.party} size="sm" /> : null}</Table.Td>
        <Table.Td>
          <Code>{event.action}</Code>
        </Table.Td>
        <Table.Td>
          <Group gap={6} wrap="nowrap">
            <Text size="sm" c="dimmed">
              {event.targetType}
            </Text>
            {label && <Text size="sm">{label}</Text>}
            {event.targetId && !label && (
              <Tooltip label={event.targetId}>
                <Text size="sm" ff="monospace">
                  {event.targetId.slice(-8)}
                </Text>
              </Tooltip>
            )}
          </Group>
        </Table.Td>
      </Table.Tr>
      {expanded && (
        <Table.Tr id={detailsId}>
          <Table.Td colSpan={AUDIT_COLUMNS} bg="var(--mantine-color-default-hover)">
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" py={4}>
              <Snapshot title="Before" value={event.before} />
              <Snapshot title="After" value={event.after} />
            </SimpleGrid>
            {event.targetId && (
              <Text size="xs" c="dimmed" mt={6}>
                Target id <Code>{event.targetId}</Code>
              </Text>
            )}
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

function Snapshot({ title, value }: { title: string; value: unknown }) {
  return (
    <Stack gap={4}>
      <Text size="xs" fw={600} tt="uppercase" c="dimmed">
        {title}
      </Text>
      {value === null || value === undefined ? (
        <Text size="sm" c="dimmed">
          Nothing — {title === 'Before' ? 'the record was created' : 'the record was removed'}
        </Text>
      ) : (
        <Code block style={{ maxHeight: 320, overflow: 'auto' }}>
          {JSON.stringify(value, null, 2)}
        </Code>
      )}
    </Stack>
  );
}
