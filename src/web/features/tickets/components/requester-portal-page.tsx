import { Anchor, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import { TableLoadingRows } from '../../../components/table-loading-rows.tsx';
import type { Party, Ticket } from '../../../lib/api-types.ts';
import { formatRelative } from '../../../lib/time-format.ts';
import { useTickets } from '../api/list-tickets.ts';
import { CreateTicketModal } from './create-ticket-modal.tsx';
import { StatusBadge } from './ticket-badges.tsx';

interface RequesterPortalPageProps {
  engagementId: string;
  party: Party;
  /** Open the "New request" form on arrival (from the navigation). */
  creating: boolean;
  onCreatingChange: (creating: boolean) => void;
  hrefOf: (ticket: Ticket) => string;
  onOpen: (ticket: Ticket) => void;
}

/** The requester's portal: their own requests, and a way to ask for something new. */
export function RequesterPortalPage({
  engagementId,
  party,
  creating,
  onCreatingChange,
  hrefOf,
  onOpen,
}: RequesterPortalPageProps) {
  const query = useTickets(engagementId, { requesterId: 'me', sort: 'updated_desc' });
  const tickets = query.data?.pages.flatMap((page) => page.items);
  const [showClosed, setShowClosed] = useState(true);
  const shown = tickets?.filter(
    (ticket) => showClosed || (ticket.status !== 'closed' && ticket.status !== 'resolved'),
  );

  return (
    <Stack gap="md" maw={960}>
      <PageHeader
        title="My requests"
        description="Everything you have asked IT for, and where each request stands."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => onCreatingChange(true)}>
            New request
          </Button>
        }
      />
      <Group>
        <Button size="xs" variant="subtle" color="gray" onClick={() => setShowClosed((value) => !value)}>
          {showClosed ? 'Hide finished requests' : 'Show finished requests'}
        </Button>
      </Group>
      {query.isError ? (
        <QueryErrorAlert error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Paper withBorder radius="md">
          <Table verticalSpacing={8} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>Number</Table.Th>
                <Table.Th>Request</Table.Th>
                <Table.Th w={200}>Status</Table.Th>
                <Table.Th w={140}>Updated</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {!shown && <TableLoadingRows columns={4} />}
              {shown?.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text c="dimmed" size="sm" ta="center" py="md">
                      You have no requests yet. Use “New request” to ask IT for help.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {shown?.map((ticket) => (
                <Table.Tr key={ticket.id}>
                  <Table.Td>
                    <Text size="sm" ff="monospace" c="dimmed">
                      {ticket.number}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Anchor
                      href={hrefOf(ticket)}
                      size="sm"
                      fw={500}
                      onClick={(event) => {
                        if (event.metaKey || event.ctrlKey) return;
                        event.preventDefault();
                        onOpen(ticket);
                      }}
                    >
                      {ticket.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={ticket.status} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {formatRelative(ticket.updatedAt)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {query.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            size="xs"
            loading={query.isFetchingNextPage}
            onClick={() => query.fetchNextPage()}
          >
            Load more
          </Button>
        </Group>
      )}
      <CreateTicketModal
        engagementId={engagementId}
        opened={creating}
        onClose={() => onCreatingChange(false)}
        onCreated={onOpen}
        party={party}
        people={[]}
        teams={[]}
        simple
      />
    </Stack>
  );
}
