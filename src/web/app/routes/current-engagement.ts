import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect } from 'react';
import { engagementQueryOptions } from '../../features/engagements/api/get-engagement.ts';

const engagementRoute = getRouteApi('/_app/e/$engagement');

/**
 * The engagement in the URL, as the shell loaded it: the summary from the list, the detail
 * (parties, counts, allowed actions), every engagement of the user, and the user.
 */
export function useCurrentEngagement() {
  const { engagement, engagements, me } = engagementRoute.useRouteContext();
  const { data: detail } = useSuspenseQuery(engagementQueryOptions(engagement.id));
  return { engagement: detail, engagements, me };
}

/** Names the page in the browser tab: "Audit log · Contoso · Tandem". */
export function usePageTitle(page: string, engagementName: string) {
  useEffect(() => {
    document.title = `${page} · ${engagementName} · Tandem`;
  }, [page, engagementName]);
}
