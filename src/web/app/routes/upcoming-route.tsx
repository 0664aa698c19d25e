import { UpcomingSection } from '../../components/upcoming-section.tsx';
import { UPCOMING_SECTIONS, type UpcomingSectionKey } from '../upcoming-sections.tsx';
import { useCurrentEngagement, usePageTitle } from './current-engagement.ts';

export function UpcomingRoute({ section }: { section: UpcomingSectionKey }) {
  const { engagement } = useCurrentEngagement();
  const { label, icon: Icon, summary, features } = UPCOMING_SECTIONS[section];
  usePageTitle(label, engagement.name);
  return (
    <UpcomingSection
      title={label}
      icon={<Icon size={24} stroke={1.6} />}
      summary={summary}
      features={features}
    />
  );
}
