import { Button, Group, Menu, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown } from '@tabler/icons-react';
import { type Party, TICKET_PRIORITIES, TICKET_STATUSES } from '../../../lib/api-types.ts';
import { type BulkChanges, useBulkUpdateTickets } from '../api/bulk-update-tickets.ts';
import { PRIORITY_LABELS, STATUS_LABELS } from './ticket-labels.ts';

interface BulkBarProps {
  engagementId: string;
  ticketIds: string[];
  people: readonly { id: string; name: string }[];
  onDone: () => void;
}

/** Changes the checked tickets at once. */
export function BulkBar({ engagementId, ticketIds, people, onDone }: BulkBarProps) {
  const bulk = useBulkUpdateTickets(engagementId);

  function apply(changes: BulkChanges) {
    bulk.mutate(
      { ticketIds, changes },
      {
        onSuccess: (result) => {
          notifications.show({
            color: result.failed.length ? 'orange' : 'green',
            title: `${result.updated.length} ${result.updated.length === 1 ? 'ticket' : 'tickets'} changed`,
            message: result.failed.length
              ? result.failed.map((failure) => failure.detail).join(' · ')
              : 'Every selected ticket was changed.',
          });
          onDone();
        },
      },
    );
  }

  const menu = (label: string, items: { label: string; changes: BulkChanges }[]) => (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="default" rightSection={<IconChevronDown size={12} />}>
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown mah={320} style={{ overflowY: 'auto' }}>
        {items.map((item) => (
          <Menu.Item key={item.label} onClick={() => apply(item.changes)}>
            {item.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );

  const parties: Party[] = ['internal', 'provider'];
  return (
    <Paper withBorder px="sm" py={6} radius="sm">
      <Group gap="xs">
        <Text size="sm" fw={500}>
          {ticketIds.length} selected
        </Text>
        {menu(
          'Status',
          TICKET_STATUSES.map((status) => ({ label: STATUS_LABELS[status], changes: { status } })),
        )}
        {menu(
          'Priority',
          TICKET_PRIORITIES.map((priority) => ({ label: PRIORITY_LABELS[priority], changes: { priority } })),
        )}
        {menu('Assignee', [
          { label: 'Unassigned', changes: { assigneeId: null } },
          ...people.map((person) => ({ label: person.name, changes: { assigneeId: person.id } })),
        ])}
        {menu(
          'Owner',
          parties.map((party) => ({
            label: party === 'internal' ? 'Internal' : 'Provider',
            changes: { ownerParty: party },
          })),
        )}
        <Button size="xs" variant="subtle" color="gray" onClick={onDone}>
          Clear selection
        </Button>
      </Group>
    </Paper>
  );
}
