import { Anchor, Checkbox, Group, Table, Text, Tooltip } from '@mantine/core';
import type { MouseEvent } from 'react';
import { PartyBadge } from '../../../components/party-badge.tsx';
import { SlaBadge } from '../../../components/sla-badge.tsx';
import { TableLoadingRows } from '../../../components/table-loading-rows.tsx';
import type { Party, Ticket } from '../../../lib/api-types.ts';
import { mostUrgentClock } from '../../../lib/sla-clock.ts';
import { formatRelative, formatUtc } from '../../../lib/time-format.ts';
import { Dash, PriorityBadge, StatusWithMove } from './ticket-badges.tsx';
import classes from './tickets.module.css';

interface TicketTableProps {
  tickets: Ticket[] | undefined;
  /** The viewer's party in the ticket's engagement, for "Our move" / "Their move". */
  partyOf: (engagementId: string) => Party | null;
  nameOf: (userId: string) => string | undefined;
  hrefOf: (ticket: Ticket) => string;
  onOpen: (ticket: Ticket) => void;
  selectedIndex: number;
  onSelectIndex: (index: number) => void;
  /** The one queue: a column naming each ticket's engagement. */
  engagementNameOf?: ((engagementId: string) => string) | undefined;
  /** Row checkboxes for bulk changes. */
  checked?: ReadonlySet<string> | undefined;
  onCheckedChange?: ((ids: Set<string>) => void) | undefined;
  emptyText: string;
}

/** The dense ticket list: one line per ticket, keyboard selection shown as a highlighted row. */
export function TicketTable({
  tickets,
  partyOf,
  nameOf,
  hrefOf,
  onOpen,
  selectedIndex,
  onSelectIndex,
  engagementNameOf,
  checked,
  onCheckedChange,
  emptyText,
}: TicketTableProps) {
  const selectable = checked !== undefined && onCheckedChange !== undefined;
  const columns = 8 + (selectable ? 1 : 0) + (engagementNameOf ? 1 : 0);
  const allChecked = !!tickets?.length && tickets.every((ticket) => checked?.has(ticket.id));
  const someChecked = !!tickets?.some((ticket) => checked?.has(ticket.id));

  function toggle(id: string) {
    if (!onCheckedChange || !checked) return;
    const next = new Set(checked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onCheckedChange(next);
  }

  function open(event: MouseEvent, ticket: Ticket) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onOpen(ticket);
  }

  return (
    <Table.ScrollContainer minWidth={1500}>
      <Table verticalSpacing={4} horizontalSpacing="xs" highlightOnHover withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            {selectable && (
              <Table.Th w={32}>
                <Checkbox
                  size="xs"
                  aria-label="Select all tickets shown"
                  checked={allChecked}
                  indeterminate={someChecked && !allChecked}
                  onChange={() =>
                    onCheckedChange(allChecked ? new Set() : new Set(tickets?.map((ticket) => ticket.id)))
                  }
                />
              </Table.Th>
            )}
            <Table.Th w={96}>Number</Table.Th>
            {engagementNameOf && <Table.Th>Engagement</Table.Th>}
            <Table.Th miw={280}>Title</Table.Th>
            <Table.Th w={56}>Priority</Table.Th>
            <Table.Th w={220}>SLA</Table.Th>
            <Table.Th w={250}>Status</Table.Th>
            <Table.Th w={90}>Owner</Table.Th>
            <Table.Th w={150}>Assignee</Table.Th>
            <Table.Th w={120}>Updated</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {!tickets && <TableLoadingRows columns={columns} rows={8} />}
          {tickets?.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns}>
                <Text c="dimmed" size="sm" ta="center" py="md">
                  {emptyText}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {tickets?.map((ticket, index) => {
            const selected = index === selectedIndex;
            const party = partyOf(ticket.engagementId);
            return (
              <Table.Tr
                key={ticket.id}
                className={classes.row}
                data-selected={selected || undefined}
                aria-selected={selected}
                data-ticket-number={ticket.number}
                onMouseDown={() => onSelectIndex(index)}
              >
                {selectable && (
                  <Table.Td>
                    <Checkbox
                      size="xs"
                      aria-label={`Select ${ticket.number}`}
                      checked={checked.has(ticket.id)}
                      onChange={() => toggle(ticket.id)}
                    />
                  </Table.Td>
                )}
                <Table.Td>
                  <Text size="sm" ff="monospace" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {ticket.number}
                  </Text>
                </Table.Td>
                {engagementNameOf && (
                  <Table.Td>
                    <Text size="sm" truncate maw={200}>
                      {engagementNameOf(ticket.engagementId)}
                    </Text>
                  </Table.Td>
                )}
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Anchor
                      href={hrefOf(ticket)}
                      onClick={(event) => open(event, ticket)}
                      size="sm"
                      c="inherit"
                      fw={500}
                      lineClamp={1}
                      data-ticket-link
                    >
                      {ticket.title}
                    </Anchor>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <PriorityBadge priority={ticket.priority} />
                </Table.Td>
                <Table.Td>
                  <UrgentClock ticket={ticket} />
                </Table.Td>
                <Table.Td>
                  <StatusWithMove status={ticket.status} move={ticket.whoseMove} viewerParty={party} />
                </Table.Td>
                <Table.Td>
                  <PartyBadge party={ticket.ownerParty} size="sm" />
                </Table.Td>
                <Table.Td>
                  {ticket.assigneeId ? (
                    <Text size="sm" truncate maw={150}>
                      {nameOf(ticket.assigneeId) ?? 'Assigned'}
                    </Text>
                  ) : (
                    <Dash />
                  )}
                </Table.Td>
                <Table.Td>
                  <Tooltip label={formatUtc(ticket.updatedAt)} openDelay={300}>
                    <Text
                      size="sm"
                      c="dimmed"
                      component="time"
                      dateTime={ticket.updatedAt}
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      {formatRelative(ticket.updatedAt)}
                    </Text>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The clock that needs attention first: the running one due soonest, else the most pressing owed one. */
function UrgentClock({ ticket }: { ticket: Ticket }) {
  const clock = mostUrgentClock(ticket.slaClocks);
  return clock ? <SlaBadge clock={clock} compact /> : <Dash />;
}
