import { NavLink } from '@mantine/core';
import { IconCalendarTime, IconClockExclamation, IconClockHour4, IconTargetArrow } from '@tabler/icons-react';
import { useRouterState } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
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
  const inSla = useRouterState({ select: (state) => /\/sla\//.test(state.location.pathname) });
  const [opened, setOpened] = useState(inSla);
  useEffect(() => {
    if (inSla) setOpened(true);
  }, [inSla]);
  const common = {
    params: { engagement: engagementSlug },
    onClick: onNavigate,
    activeProps: { active: true },
  } as const;

  return (
    <NavLink
      label="SLAs"
      leftSection={<IconClockHour4 {...ICON} />}
      opened={opened}
      onChange={setOpened}
      childrenOffset={22}
    >
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
    </NavLink>
  );
}
