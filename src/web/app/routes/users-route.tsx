import { UsersPage } from '../../features/users/components/users-page.tsx';
import { useCurrentEngagement, usePageTitle } from './current-engagement.ts';

export function UsersRoute() {
  const { engagement, me } = useCurrentEngagement();
  usePageTitle('Users', engagement.name);
  return <UsersPage currentUser={{ id: me.id, organizationId: me.organization.id }} />;
}
