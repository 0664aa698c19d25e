import { ActionIcon, Anchor, Button, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import type { MouseEvent } from 'react';
import { PartyBadge } from '../../../components/party-badge.tsx';
import { TableLoadingRows } from '../../../components/table-loading-rows.tsx';
import type { Ticket } from '../../../lib/api-types.ts';
import { formatRelative, formatUtc } from '../../../lib/time-format.ts';
import { useNow } from '../../../lib/use-now.ts';
import { useIncident } from '../api/get-incident.ts';
import { useRespond } from '../api/respond.ts';
import { EscalationCountdown } from './escalation-countdown.tsx';
import { PriorityBadge, StateBadge, TrackBadge } from './incident-badges.tsx';
import { incidentState } from './incident-state.ts';

interface IncidentTableProps {
  tickets: Ticket[] | undefined;
  hrefOf: (ticket: Ticket) => string;
  onOpen: (ticket: Ticket) => void;
  /** Whether the viewer may acknowledge and resolve in the ticket's engagement. */
  canRespond: (engagementId: string) => boolean;
  /** The board across engagements: a column naming each incident's engagement. */
  engagementNameOf?: ((engagementId: string) => string) | undefined;
  emptyText: string;
}

/** One line per incident: what, how bad, whose, how far the escalation got, and the quick actions. */
export function IncidentTable({
  tickets,
  hrefOf,
  onOpen,
  canRespond,
  engagementNameOf,
  emptyText,
}: IncidentTableProps) {
  const columns = 10 + (engagementNameOf ? 1 : 0);
  return (
    <Table.ScrollContainer minWidth={engagementNameOf ? 1320 : 1150}>
      <Table
        verticalSpacing={6}
        horizontalSpacing="xs"
        highlightOnHover
        withTableBorder
        fz="sm"
        // Fixed widths keep badges whole; the title takes what is left and clamps to one line.
        style={{ tableLayout: 'fixed' }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={92}>Number</Table.Th>
            {engagementNameOf && <Table.Th w={170}>Engagement</Table.Th>}
            <Table.Th>Title</Table.Th>
            <Table.Th w={62}>Priority</Table.Th>
            <Table.Th w={98}>Track</Table.Th>
            <Table.Th w={86}>Owner</Table.Th>
            <Table.Th w={120}>Status</Table.Th>
            <Table.Th w={54}>Alerts</Table.Th>
            <Table.Th w={184}>Escalation</Table.Th>
            <Table.Th w={80}>Age</Table.Th>
            <Table.Th w={164}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {!tickets && <TableLoadingRows columns={columns} rows={4} />}
          {tickets?.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns}>
                <Text c="dimmed" size="sm" ta="center" py="md">
                  {emptyText}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {tickets?.map((ticket) => (
            <IncidentRow
              key={ticket.id}
              ticket={ticket}
              href={hrefOf(ticket)}
              onOpen={onOpen}
              canRespond={canRespond(ticket.engagementId)}
              engagementName={engagementNameOf?.(ticket.engagementId)}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface IncidentRowProps {
  ticket: Ticket;
  href: string;
  onOpen: (ticket: Ticket) => void;
  canRespond: boolean;
  engagementName: string | undefined;
}

function IncidentRow({ ticket, href, onOpen, canRespond, engagementName }: IncidentRowProps) {
  const state = incidentState(ticket);
  // The track lives with the incident, not the ticket; open incidents are few, so one read each.
  const detail = useIncident(ticket.engagementId, ticket.id, state !== 'resolved');
  const respond = useRespond(ticket.engagementId);
  const now = useNow();
  const pending = respond.isPending ? respond.variables?.action : undefined;

  function open(event: MouseEvent) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onOpen(ticket);
  }

  return (
    <Table.Tr data-incident-number={ticket.number} data-state={state}>
      <Table.Td>
        <Text size="sm" ff="monospace" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {ticket.number}
        </Text>
      </Table.Td>
      {engagementName !== undefined && (
        <Table.Td>
          <Text size="sm" truncate maw={200}>
            {engagementName}
          </Text>
        </Table.Td>
      )}
      <Table.Td>
        <Anchor href={href} onClick={open} size="sm" c="inherit" fw={500} lineClamp={1} data-incident-link>
          {ticket.title}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <PriorityBadge priority={ticket.priority} />
      </Table.Td>
      <Table.Td>{detail.data ? <TrackBadge track={detail.data.track} /> : null}</Table.Td>
      <Table.Td>
        <PartyBadge party={ticket.ownerParty} size="sm" />
      </Table.Td>
      <Table.Td>
        <StateBadge state={state} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" ta="right" data-testid="alert-count">
          {ticket.alertCount ?? 0}
        </Text>
      </Table.Td>
      <Table.Td>
        <EscalationCountdown ticket={ticket} />
      </Table.Td>
      <Table.Td>
        <Tooltip label={formatUtc(ticket.createdAt)} openDelay={300}>
          <Text
            size="sm"
            c="dimmed"
            component="time"
            dateTime={ticket.createdAt}
            style={{ whiteSpace: 'nowrap' }}
          >
            {formatRelative(ticket.createdAt, now).replace(/ ago$/, '')}
          </Text>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        {canRespond && state !== 'resolved' && (
          <Group gap={6} wrap="nowrap" justify="flex-end">
            {state === 'triggered' && (
              <Button
                size="compact-xs"
                color="red"
                loading={pending === 'acknowledge'}
                disabled={respond.isPending}
                onClick={() => respond.mutate({ action: 'acknowledge', ticketId: ticket.id })}
                aria-label={`Acknowledge ${ticket.number}`}
              >
                Acknowledge
              </Button>
            )}
            <Tooltip label="Resolve" openDelay={300}>
              <ActionIcon
                size="sm"
                variant="default"
                loading={pending === 'resolve'}
                disabled={respond.isPending}
                onClick={() => respond.mutate({ action: 'resolve', ticketId: ticket.id })}
                aria-label={`Resolve ${ticket.number}`}
              >
                <IconCircleCheck size={14} />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
