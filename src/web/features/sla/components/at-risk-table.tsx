import { Anchor, Table, Text } from '@mantine/core';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import { SlaBadge } from '../../../components/sla-badge.tsx';
import { TableLoadingRows } from '../../../components/table-loading-rows.tsx';
import type { Party } from '../../../lib/api-types.ts';
import { CLOCK_KIND_LABELS } from '../../../lib/sla-clock.ts';
import type { Risk } from '../../../lib/sla-types.ts';
import { formatDateTime } from '../../../lib/time-format.ts';
import { useAtRisk } from '../api/list-at-risk.ts';

interface AtRiskTableProps {
  engagementId: string;
  clockParty: Party;
  risk: Risk[];
  emptyText: string;
  nameOf: (userId: string) => string | undefined;
  ticketHref: (ticketId: string) => string;
  onOpenTicket: (ticketId: string) => void;
}

/** One line per clock: the ticket, what the clock measures, how it stands, when it is due and who has it. */
export function AtRiskTable({
  engagementId,
  clockParty,
  risk,
  emptyText,
  nameOf,
  ticketHref,
  onOpenTicket,
}: AtRiskTableProps) {
  const items = useAtRisk(engagementId, { party: clockParty, risk });
  if (items.isError) return <QueryErrorAlert error={items.error} onRetry={() => items.refetch()} />;
  const rows = items.data;
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table withTableBorder highlightOnHover verticalSpacing={6} fz="sm" aria-label="Clocks">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={96}>Number</Table.Th>
            <Table.Th>Title</Table.Th>
            <Table.Th w={130}>Clock</Table.Th>
            <Table.Th w={220}>Time</Table.Th>
            <Table.Th w={160}>Due</Table.Th>
            <Table.Th w={150}>Assignee</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {!rows && <TableLoadingRows columns={6} rows={5} />}
          {rows?.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={6}>
                <Text c="dimmed" size="sm" ta="center" py="md">
                  {emptyText}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {rows?.map(({ clock, ticket }) => (
            <Table.Tr key={clock.id} data-ticket-number={ticket.number}>
              <Table.Td>
                <Text size="sm" ff="monospace" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {ticket.number}
                </Text>
              </Table.Td>
              <Table.Td>
                <Anchor
                  href={ticketHref(ticket.id)}
                  size="sm"
                  fw={500}
                  c="inherit"
                  lineClamp={1}
                  onClick={(event) => {
                    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                    event.preventDefault();
                    onOpenTicket(ticket.id);
                  }}
                >
                  {ticket.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{CLOCK_KIND_LABELS[clock.kind]}</Table.Td>
              <Table.Td>
                <SlaBadge clock={clock} hideKind />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {clock.dueAt ? formatDateTime(clock.dueAt) : clock.running ? '—' : 'Paused'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" truncate maw={150}>
                  {ticket.assigneeId ? (nameOf(ticket.assigneeId) ?? 'Assigned') : 'Unassigned'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
