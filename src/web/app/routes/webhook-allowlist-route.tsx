import { WebhookAllowlistPage } from '../../features/webhook-allowlist/components/webhook-allowlist-page.tsx';
import { useCurrentEngagement, usePageTitle } from './current-engagement.ts';

export function WebhookAllowlistRoute() {
  const { engagement } = useCurrentEngagement();
  usePageTitle('Webhook allowlist', engagement.name);
  return <WebhookAllowlistPage />;
}
