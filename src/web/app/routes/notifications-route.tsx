import { NotificationSettingsPage } from '../../features/notifications/components/notification-settings-page.tsx';
import { useCurrentEngagement, usePageTitle } from './current-engagement.ts';

export function NotificationsRoute() {
  const { engagement } = useCurrentEngagement();
  usePageTitle('Notifications', engagement.name);
  return <NotificationSettingsPage />;
}
