import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { QuestionsForUs } from '../../features/info-requests/components/questions-for-us.tsx';
import { useMembers } from '../../features/members/api/list-members.ts';
import { AtRiskPage, type AtRiskSide } from '../../features/sla/components/at-risk-page.tsx';
import { CalendarsPage } from '../../features/sla/components/calendars-page.tsx';
import { SlaPoliciesPage } from '../../features/sla/components/sla-policies-page.tsx';
import { useCurrentEngagement, usePageTitle } from './current-engagement.ts';
import { NotFoundPage } from './route-states.tsx';

const atRiskRoute = getRouteApi('/_app/e/$engagement/sla/at-risk');
const policiesRoute = getRouteApi('/_app/e/$engagement/sla/policies');
const calendarsRoute = getRouteApi('/_app/e/$engagement/sla/calendars');

export interface AtRiskSearch {
  /** Their clocks rather than ours. */
  side?: 'theirs';
  /** Also show clocks that are on track. */
  all?: true;
}

export function validateAtRiskSearch(search: Record<string, unknown>): AtRiskSearch {
  return {
    ...(search.side === 'theirs' ? { side: 'theirs' as const } : {}),
    ...(search.all === true || search.all === 'true' || search.all === 1 ? { all: true as const } : {}),
  };
}

/** The record open in an editor: an id, or `new`. */
export function validateSelectedSearch(search: Record<string, unknown>): { selected?: string } {
  return typeof search.selected === 'string' && search.selected ? { selected: search.selected } : {};
}

function useTicketLinks(slug: string) {
  const navigate = useNavigate();
  return {
    ticketHref: (ticketId: string) =>
      `/e/${encodeURIComponent(slug)}/tickets/${encodeURIComponent(ticketId)}`,
    onOpenTicket: (ticketId: string) =>
      navigate({ to: '/e/$engagement/tickets/$ticketId', params: { engagement: slug, ticketId } }),
  };
}

export function AtRiskRoute() {
  const { engagement } = useCurrentEngagement();
  const search = atRiskRoute.useSearch();
  const navigate = atRiskRoute.useNavigate();
  const can = (action: string) => engagement.allowedActions.includes(action);
  const members = useMembers(engagement.id, can('member.read'));
  const names = new Map((members.data ?? []).map((member) => [member.userId, member.name]));
  const links = useTicketLinks(engagement.slug);
  usePageTitle('At risk', engagement.name);
  if (!can('sla.read')) return <NotFoundPage />;
  return (
    <AtRiskPage
      engagementId={engagement.id}
      party={engagement.party}
      side={search.side === 'theirs' ? 'theirs' : 'ours'}
      showOnTrack={search.all === true}
      onChange={({ side, showOnTrack }: { side: AtRiskSide; showOnTrack: boolean }) =>
        navigate({
          search: validateAtRiskSearch({ side, all: showOnTrack }),
          replace: true,
        })
      }
      nameOf={(userId) => names.get(userId)}
      {...links}
    >
      <QuestionsForUs
        engagementId={engagement.id}
        party={engagement.party}
        canAsk={can('info_request.ask')}
        {...links}
      />
    </AtRiskPage>
  );
}

export function SlaPoliciesRoute() {
  const { engagement } = useCurrentEngagement();
  const { selected } = policiesRoute.useSearch();
  const navigate = useNavigate();
  const can = (action: string) => engagement.allowedActions.includes(action);
  usePageTitle('SLA policies', engagement.name);
  if (!can('sla.read')) return <NotFoundPage />;
  const params = { engagement: engagement.slug };
  return (
    <SlaPoliciesPage
      engagementId={engagement.id}
      canManage={can('sla.manage')}
      selected={selected}
      onSelect={(next) =>
        navigate({
          to: '/e/$engagement/sla/policies',
          params,
          search: next ? { selected: next } : {},
          replace: true,
        })
      }
      calendarsHref={`/e/${encodeURIComponent(engagement.slug)}/sla/calendars`}
      onOpenCalendars={() => navigate({ to: '/e/$engagement/sla/calendars', params, search: {} })}
    />
  );
}

export function CalendarsRoute() {
  const { engagement } = useCurrentEngagement();
  const { selected } = calendarsRoute.useSearch();
  const navigate = useNavigate();
  const can = (action: string) => engagement.allowedActions.includes(action);
  usePageTitle('Calendars', engagement.name);
  if (!can('calendar.read')) return <NotFoundPage />;
  return (
    <CalendarsPage
      engagementId={engagement.id}
      canManage={can('calendar.manage')}
      selected={selected}
      onSelect={(next) =>
        navigate({
          to: '/e/$engagement/sla/calendars',
          params: { engagement: engagement.slug },
          search: next ? { selected: next } : {},
          replace: true,
        })
      }
    />
  );
}
