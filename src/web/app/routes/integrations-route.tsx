import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { usePolicies } from '../../features/escalation/api/policies.ts';
import type { IntegrationChoices } from '../../features/integrations/components/defaults-fields.tsx';
import { IntegrationPage } from '../../features/integrations/components/integration-page.tsx';
import { IntegrationsPage } from '../../features/integrations/components/integrations-page.tsx';
import { matrixQueryOptions } from '../../features/matrix/api/get-matrix.ts';
import type { EngagementDetail } from '../../lib/api-types.ts';
import { useCurrentEngagement, usePageTitle } from './current-engagement.ts';
import { NotFoundPage } from './route-states.tsx';

const integrationRoute = getRouteApi('/_app/e/$engagement/integrations/$integrationId');

/** What routing defaults can name, from the matrix and escalation features. */
function useIntegrationChoices(engagement: EngagementDetail): IntegrationChoices {
  const can = (action: string) => engagement.allowedActions.includes(action);
  const matrix = useQuery({ ...matrixQueryOptions(engagement.id), enabled: can('matrix.read') });
  const policies = usePolicies(engagement.id, can('escalation.read'));
  return {
    functions: matrix.data?.matrix.functions ?? [],
    policies: (policies.data ?? []).map(({ id, name }) => ({ id, name })),
  };
}

const listPath = (slug: string) => `/e/${encodeURIComponent(slug)}/integrations`;

export function IntegrationsRoute() {
  const { engagement } = useCurrentEngagement();
  const navigate = useNavigate();
  const choices = useIntegrationChoices(engagement);
  const can = (action: string) => engagement.allowedActions.includes(action);
  usePageTitle('Integrations', engagement.name);
  if (!can('integration.read')) return <NotFoundPage />;
  return (
    <IntegrationsPage
      engagementId={engagement.id}
      canManage={can('integration.manage')}
      choices={choices}
      hrefOf={(integrationId) => `${listPath(engagement.slug)}/${encodeURIComponent(integrationId)}`}
      onOpen={(integrationId) =>
        navigate({
          to: '/e/$engagement/integrations/$integrationId',
          params: { engagement: engagement.slug, integrationId },
        })
      }
    />
  );
}

export function IntegrationRoute() {
  const { engagement } = useCurrentEngagement();
  const { integrationId } = integrationRoute.useParams();
  const navigate = useNavigate();
  const choices = useIntegrationChoices(engagement);
  const can = (action: string) => engagement.allowedActions.includes(action);
  usePageTitle('Integration', engagement.name);
  if (!can('integration.read')) return <NotFoundPage />;
  return (
    <IntegrationPage
      key={integrationId}
      engagementId={engagement.id}
      integrationId={integrationId}
      canManage={can('integration.manage')}
      choices={choices}
      back={{
        href: listPath(engagement.slug),
        onOpen: () =>
          navigate({ to: '/e/$engagement/integrations', params: { engagement: engagement.slug } }),
      }}
    />
  );
}
