import { useNavigate } from '@tanstack/react-router';
import {
  AllIncidentsPage,
  IncidentsBoardPage,
} from '../../features/incidents/components/incidents-board-page.tsx';
import type { Ticket } from '../../lib/api-types.ts';
import { useCurrentEngagement, usePageTitle } from './current-engagement.ts';
import { NotFoundPage } from './route-states.tsx';

const ticketHref = (slug: string, ticketId: string) =>
  `/e/${encodeURIComponent(slug)}/tickets/${encodeURIComponent(ticketId)}`;

export function IncidentsRoute() {
  const { engagement } = useCurrentEngagement();
  const navigate = useNavigate();
  const can = (action: string) => engagement.allowedActions.includes(action);
  usePageTitle('Incidents', engagement.name);
  if (!can('ticket.read') || engagement.role === 'requester') return <NotFoundPage />;
  return (
    <IncidentsBoardPage
      engagementId={engagement.id}
      canRespond={can('incident.respond')}
      hrefOf={(ticket: Ticket) => ticketHref(engagement.slug, ticket.id)}
      onOpen={(ticket: Ticket) =>
        navigate({
          to: '/e/$engagement/tickets/$ticketId',
          params: { engagement: engagement.slug, ticketId: ticket.id },
        })
      }
    />
  );
}

/** Provider staff's board across engagements; each row opens in its own engagement. */
export function AllIncidentsRoute() {
  const { engagement, engagements } = useCurrentEngagement();
  const navigate = useNavigate();
  usePageTitle('All incidents', engagement.name);
  const slugOf = new Map(engagements.map((item) => [item.id, item.slug]));
  const slug = (ticket: Ticket) => slugOf.get(ticket.engagementId) ?? engagement.slug;
  // Responders by role; the server still decides each acknowledgement.
  const responds = new Set(['admin', 'manager', 'agent', 'analyst']);
  return (
    <AllIncidentsPage
      engagements={engagements.map((item) => ({
        id: item.id,
        name: item.name,
        canRespond: responds.has(item.role),
      }))}
      hrefOf={(ticket) => ticketHref(slug(ticket), ticket.id)}
      onOpen={(ticket) =>
        navigate({
          to: '/e/$engagement/tickets/$ticketId',
          params: { engagement: slug(ticket), ticketId: ticket.id },
        })
      }
    />
  );
}
