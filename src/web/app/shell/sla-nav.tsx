import { IconCalendarTime, IconClockExclamation, IconClockHour4, IconTargetArrow } from '@tabler/icons-react';
import { NavGroup } from './nav-group.tsx';
import { NavItem } from './nav-item.tsx';

const ICON = { size: 18, stroke: 1.6 } as const;

interface SlaNavProps {
  engagementSlug: string;
  onNavigate: () => void;
  /** Calendars are readable apart from SLAs. */
  canReadCalendars: boolean;
}

/** The SLA area: what is at risk, the policies that set the clocks and the calendars they count on. */
export function SlaNav({ engagementSlug, onNavigate, canReadCalendars }: SlaNavProps) {
  const common = {
    params: { engagement: engagementSlug },
    onClick: onNavigate,
    activeProps: { active: true },
  } as const;

  return (
    <NavGroup label="SLAs" icon={<IconClockHour4 {...ICON} />} area={/\/sla\//}>
      <NavItem
        to="/e/$engagement/sla/at-risk"
        label="At risk"
        leftSection={<IconClockExclamation {...ICON} />}
        {...common}
      />
      <NavItem
        to="/e/$engagement/sla/policies"
        label="Policies"
        leftSection={<IconTargetArrow {...ICON} />}
        {...common}
      />
      {canReadCalendars && (
        <NavItem
          to="/e/$engagement/sla/calendars"
          label="Calendars"
          leftSection={<IconCalendarTime {...ICON} />}
          {...common}
        />
      )}
    </NavGroup>
  );
}
