import { getRouteApi, useNavigate } from '@tanstack/react-router';
import type { Change } from '../../features/changes/api/change-types.ts';
import { ChangeDetailPage } from '../../features/changes/components/change-detail-page.tsx';
import { ChangesPage } from '../../features/changes/components/changes-page.tsx';
import { validateChangesSearch } from '../../features/changes/components/changes-search.ts';
import { useCurrentEngagement, usePageTitle } from './current-engagement.ts';

const listRoute = getRouteApi('/_app/e/$engagement/changes');
const changeRoute = getRouteApi('/_app/e/$engagement/changes/$changeId');

/** The view (list, calendar, approval queue, freeze windows) and its filters live in the URL. */
export { validateChangesSearch };

const pathOf = (slug: string, changeId: string) =>
  `/e/${encodeURIComponent(slug)}/changes/${encodeURIComponent(changeId)}`;

export function ChangesRoute() {
  const { engagement } = useCurrentEngagement();
  const search = listRoute.useSearch();
  const navigate = useNavigate();
  const can = (action: string) => engagement.allowedActions.includes(action);
  usePageTitle('Changes', engagement.name);
  return (
    <ChangesPage
      engagementId={engagement.id}
      can={{
        create: can('change.create'),
        approve: can('change.approve'),
        manageFreezes: can('freeze.manage'),
      }}
      search={search}
      onSearchChange={(next) =>
        navigate({
          to: '/e/$engagement/changes',
          params: { engagement: engagement.slug },
          search: validateChangesSearch({ ...next }),
          replace: true,
        })
      }
      hrefOf={(change: Change) => pathOf(engagement.slug, change.id)}
      onOpen={(change: Change) =>
        navigate({
          to: '/e/$engagement/changes/$changeId',
          params: { engagement: engagement.slug, changeId: change.id },
        })
      }
    />
  );
}

export function ChangeRoute() {
  const { engagement } = useCurrentEngagement();
  const { changeId } = changeRoute.useParams();
  const navigate = useNavigate();
  usePageTitle('Change', engagement.name);
  const params = { engagement: engagement.slug };
  return (
    <ChangeDetailPage
      key={changeId}
      engagementId={engagement.id}
      changeId={changeId}
      canUpdate={engagement.allowedActions.includes('change.update')}
      back={{
        href: `/e/${encodeURIComponent(engagement.slug)}/changes`,
        onOpen: () => navigate({ to: '/e/$engagement/changes', params }),
      }}
      ticket={{
        href: `/e/${encodeURIComponent(engagement.slug)}/tickets/${encodeURIComponent(changeId)}`,
        onOpen: () =>
          navigate({ to: '/e/$engagement/tickets/$ticketId', params: { ...params, ticketId: changeId } }),
      }}
    />
  );
}
