import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import type { Ticket } from '../../../lib/api-types.ts';
import { useIncidentEvents } from '../api/incident-events.ts';
import { type IncidentBoard, useIncidentBoard, useIncidentBoardAll } from '../api/list-incidents.ts';
import { IncidentTable } from './incident-table.tsx';

interface BoardLinks {
  hrefOf: (ticket: Ticket) => string;
  onOpen: (ticket: Ticket) => void;
}

interface IncidentsBoardPageProps extends BoardLinks {
  engagementId: string;
  canRespond: boolean;
  /** Links beside the title, e.g. to the policies and integrations. */
  actions?: ReactNode;
}

/** One engagement's incidents, live: open ones first (P1 on top), then the recently resolved. */
export function IncidentsBoardPage({ engagementId, canRespond, actions, ...links }: IncidentsBoardPageProps) {
  const board = useIncidentBoard(engagementId);
  useIncidentEvents([engagementId]);
  return (
    <>
      <PageHeader
        title="Incidents"
        description="Alerts grouped into incidents, live. Acknowledge to stop the escalation; resolve to end it."
        actions={actions}
      />
      <BoardBody board={board} canRespond={() => canRespond} {...links} />
    </>
  );
}

interface AllIncidentsPageProps extends BoardLinks {
  /** Every engagement of the user, with whether they may respond there. */
  engagements: readonly { id: string; name: string; canRespond: boolean }[];
}

/** Provider staff's incidents across every engagement they work for, live. */
export function AllIncidentsPage({ engagements, ...links }: AllIncidentsPageProps) {
  const ids = engagements.map((engagement) => engagement.id);
  const board = useIncidentBoardAll(ids);
  useIncidentEvents(ids);
  const byId = new Map(engagements.map((engagement) => [engagement.id, engagement]));
  return (
    <>
      <PageHeader
        title="Incidents in all my engagements"
        description="Every client's incidents on one board, open first."
      />
      <BoardBody
        board={board}
        canRespond={(id) => byId.get(id)?.canRespond ?? false}
        engagementNameOf={(id) => byId.get(id)?.name ?? 'Another engagement'}
        {...links}
      />
    </>
  );
}

interface BoardBodyProps extends BoardLinks {
  board: ReturnType<typeof useIncidentBoard>;
  canRespond: (engagementId: string) => boolean;
  engagementNameOf?: (engagementId: string) => string;
}

function BoardBody({ board, canRespond, engagementNameOf, hrefOf, onOpen }: BoardBodyProps) {
  if (board.isError) return <QueryErrorAlert error={board.error} onRetry={() => board.refetch()} />;
  const data: IncidentBoard | undefined = board.data;
  const table = { hrefOf, onOpen, canRespond, engagementNameOf };
  const triggered = data?.open.filter(
    (ticket) => ticket.escalation?.nextAt || ticket.status === 'new',
  ).length;
  return (
    <Stack gap="xl">
      <Stack gap="xs" data-testid="open-incidents">
        <Group gap="xs">
          <Title order={2} size="h5">
            Open
          </Title>
          {data && (
            <Badge variant="light" color={triggered ? 'red' : 'gray'} radius="sm">
              {data.open.length}
              {data.moreOpen ? '+' : ''} open{triggered ? ` · ${triggered} unacknowledged` : ''}
            </Badge>
          )}
        </Group>
        <IncidentTable tickets={data?.open} emptyText="No open incidents. All quiet." {...table} />
      </Stack>
      <Stack gap="xs" data-testid="resolved-incidents">
        <Title order={2} size="h5">
          Recently resolved
        </Title>
        {data && data.resolved.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing resolved yet.
          </Text>
        ) : (
          <IncidentTable tickets={data?.resolved} emptyText="" {...table} />
        )}
      </Stack>
    </Stack>
  );
}
