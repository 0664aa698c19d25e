import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useMe } from '../../features/auth/api/get-me.ts';
import { IncidentOverview } from '../../features/incidents/components/incident-overview.tsx';
import { IncidentPeoplePanel } from '../../features/incidents/components/incident-people.tsx';
import { TicketQuestionsPanel } from '../../features/info-requests/components/ticket-questions-panel.tsx';
import { useMembers } from '../../features/members/api/list-members.ts';
import { useTeams } from '../../features/members/api/list-teams.ts';
import { TicketClocksPanel } from '../../features/sla/components/ticket-clocks-panel.tsx';
import { RequesterPortalPage } from '../../features/tickets/components/requester-portal-page.tsx';
import { TicketDetailPage } from '../../features/tickets/components/ticket-detail-page.tsx';
import {
  type TicketListSearch,
  validateTicketListSearch,
} from '../../features/tickets/components/ticket-list-search.ts';
import { TicketQueuePage } from '../../features/tickets/components/ticket-queue-page.tsx';
import { TicketsPage } from '../../features/tickets/components/tickets-page.tsx';
import type { EngagementDetail, Ticket } from '../../lib/api-types.ts';
import { useCurrentEngagement, usePageTitle } from './current-engagement.ts';

const listRoute = getRouteApi('/_app/e/$engagement/tickets');
const ticketRoute = getRouteApi('/_app/e/$engagement/tickets/$ticketId');
const queueRoute = getRouteApi('/_app/e/$engagement/queue');

export type TicketsSearch = TicketListSearch & { new?: true };

/** List filters live in the URL; `new` opens the "New request" form of the requester portal. */
export function validateTicketsSearch(search: Record<string, unknown>): TicketsSearch {
  const list = validateTicketListSearch(search);
  return search.new === true || search.new === 'true' || search.new === 1 ? { ...list, new: true } : list;
}

export function validateQueueSearch(search: Record<string, unknown>): TicketListSearch {
  return validateTicketListSearch(search);
}

/** People and teams for the pickers: what the members feature lets this role read. */
function usePeopleAndTeams(engagement: EngagementDetail) {
  const can = (action: string) => engagement.allowedActions.includes(action);
  const members = useMembers(engagement.id, can('member.read'));
  const teams = useTeams(engagement.id, can('team.read'));
  return {
    people: (members.data ?? [])
      .filter((m) => !m.disabled && m.role !== 'requester')
      .map((m) => ({ id: m.userId, name: m.name })),
    everyone: (members.data ?? []).map((m) => ({ id: m.userId, name: m.name })),
    teams: (teams.data ?? []).map((team) => ({
      id: team.id,
      name: `${team.name} (${team.party === 'internal' ? 'Internal' : 'Provider'})`,
    })),
  };
}

/** Staff of both parties with the party they act for, for incident roles. */
function useStaff(engagement: EngagementDetail) {
  const members = useMembers(engagement.id, engagement.allowedActions.includes('member.read'));
  return (members.data ?? [])
    .filter((m) => !m.disabled && m.role !== 'requester')
    .map((m) => ({ id: m.userId, name: m.name, party: m.party }));
}

function useTicketLinks(slug: string) {
  const navigate = useNavigate();
  return {
    hrefOf: (ticket: Ticket) => `/e/${encodeURIComponent(slug)}/tickets/${encodeURIComponent(ticket.id)}`,
    onOpen: (ticket: Ticket) =>
      navigate({ to: '/e/$engagement/tickets/$ticketId', params: { engagement: slug, ticketId: ticket.id } }),
  };
}

export function TicketsRoute() {
  const { engagement } = useCurrentEngagement();
  const search = listRoute.useSearch();
  const navigate = listRoute.useNavigate();
  const links = useTicketLinks(engagement.slug);
  const { people, teams } = usePeopleAndTeams(engagement);
  const portal = engagement.role === 'requester';
  usePageTitle(portal ? 'My requests' : 'Tickets', engagement.name);

  if (portal) {
    return (
      <RequesterPortalPage
        engagementId={engagement.id}
        party={engagement.party}
        creating={search.new === true}
        onCreatingChange={(creating) => navigate({ search: creating ? { new: true } : {}, replace: true })}
        {...links}
      />
    );
  }
  const can = (action: string) => engagement.allowedActions.includes(action);
  return (
    <TicketsPage
      engagementId={engagement.id}
      party={engagement.party}
      canCreate={can('ticket.create')}
      canUpdate={can('ticket.update')}
      search={search}
      onSearchChange={(next) => navigate({ search: validateTicketsSearch({ ...next }), replace: true })}
      people={people}
      teams={teams}
      {...links}
    />
  );
}

export function TicketRoute() {
  const { engagement } = useCurrentEngagement();
  const { ticketId } = ticketRoute.useParams();
  const navigate = useNavigate();
  const { people, everyone, teams } = usePeopleAndTeams(engagement);
  const portal = engagement.role === 'requester';
  const can = (action: string) => engagement.allowedActions.includes(action);
  usePageTitle(portal ? 'Request' : 'Ticket', engagement.name);
  const names = new Map(everyone.map((person) => [person.id, person.name]));
  const me = useMe();
  const staff = useStaff(engagement);
  return (
    <TicketDetailPage
      key={ticketId}
      userId={me.data?.id ?? ''}
      engagementId={engagement.id}
      ticketId={ticketId}
      party={engagement.party}
      canUpdate={can('ticket.update')}
      canComment={can('ticket.comment')}
      people={people.length ? people : [...names].map(([id, name]) => ({ id, name }))}
      teams={teams}
      portal={portal}
      renderClocks={(ticket) => (
        <>
          {can('sla.read') && (
            <TicketClocksPanel engagementId={engagement.id} ticketId={ticket.id} clocks={ticket.slaClocks} />
          )}
          {ticket.kind === 'incident' && (
            <IncidentPeoplePanel
              engagementId={engagement.id}
              ticketId={ticket.id}
              staff={staff}
              canRespond={can('incident.respond')}
            />
          )}
        </>
      )}
      renderLead={(ticket) =>
        ticket.kind === 'incident' ? (
          <IncidentOverview
            engagementId={engagement.id}
            ticket={ticket}
            party={engagement.party}
            canRespond={can('incident.respond')}
          />
        ) : null
      }
      panels={
        <TicketQuestionsPanel
          engagementId={engagement.id}
          ticketId={ticketId}
          party={engagement.party}
          canAsk={can('info_request.ask')}
        />
      }
      backHref={`/e/${encodeURIComponent(engagement.slug)}/tickets`}
      onBack={() => navigate({ to: '/e/$engagement/tickets', params: { engagement: engagement.slug } })}
    />
  );
}

export function QueueRoute() {
  const { engagement, engagements } = useCurrentEngagement();
  const search = queueRoute.useSearch();
  const navigate = useNavigate();
  usePageTitle('All my engagements', engagement.name);
  const slugOf = new Map(engagements.map((item) => [item.id, item.slug]));
  const slug = (ticket: Ticket) => slugOf.get(ticket.engagementId) ?? engagement.slug;
  return (
    <TicketQueuePage
      engagements={engagements.map((item) => ({ id: item.id, name: item.name, party: item.party }))}
      search={search}
      onSearchChange={(next) =>
        navigate({
          to: '/e/$engagement/queue',
          params: { engagement: engagement.slug },
          search: validateQueueSearch({ ...next }),
          replace: true,
        })
      }
      hrefOf={(ticket) => `/e/${encodeURIComponent(slug(ticket))}/tickets/${encodeURIComponent(ticket.id)}`}
      onOpen={(ticket) =>
        navigate({
          to: '/e/$engagement/tickets/$ticketId',
          params: { engagement: slug(ticket), ticketId: ticket.id },
        })
      }
    />
  );
}
