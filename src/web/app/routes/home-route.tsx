import { SimpleGrid } from '@mantine/core';
import { RecentActivity } from '../../features/audit/components/recent-activity.tsx';
import { EngagementHome } from '../../features/engagements/components/engagement-home.tsx';
import { TeamsOverview } from '../../features/members/components/teams-overview.tsx';
import { OnCallNowCard } from '../../features/oncall/components/oncall-now-card.tsx';
import { SlaOverview } from '../../features/sla/components/sla-overview.tsx';
import { useAuditNames } from './audit-names.ts';
import { useCurrentEngagement, usePageTitle } from './current-engagement.ts';

export function HomeRoute() {
  const { engagement } = useCurrentEngagement();
  usePageTitle('Home', engagement.name);
  const can = (action: string) => engagement.allowedActions.includes(action);
  const scope = { engagementId: engagement.id, engagementSlug: engagement.slug };
  const { targetNames } = useAuditNames(engagement);
  return (
    <EngagementHome engagement={engagement}>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        {can('sla.read') && <SlaOverview {...scope} party={engagement.party} />}
        {can('schedule.read') && <OnCallNowCard {...scope} />}
        {can('team.read') && <TeamsOverview {...scope} />}
        {can('audit.read') && <RecentActivity {...scope} targetNames={targetNames} />}
      </SimpleGrid>
    </EngagementHome>
  );
}
