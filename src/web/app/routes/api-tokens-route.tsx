import { ApiTokensPage } from '../../features/api-tokens/components/api-tokens-page.tsx';
import { useCurrentEngagement, usePageTitle } from './current-engagement.ts';

export function ApiTokensRoute() {
  const { engagement, engagements } = useCurrentEngagement();
  usePageTitle('API tokens', engagement.name);
  return <ApiTokensPage engagements={engagements.map(({ id, name }) => ({ id, name }))} />;
}
