import {
  IconAlertTriangle,
  IconLayoutBoard,
  IconPlugConnected,
  IconStack2,
  IconStairsUp,
} from '@tabler/icons-react';
import { NavGroup } from './nav-group.tsx';
import { NavItem } from './nav-item.tsx';

const ICON = { size: 18, stroke: 1.6 } as const;

interface IncidentsNavProps {
  engagementSlug: string;
  onNavigate: () => void;
  allowedActions: readonly string[];
  /** Provider staff also get the board across all their engagements. */
  showAll: boolean;
}

/** The incidents area: the live board, the board across engagements, policies and integrations. */
export function IncidentsNav({ engagementSlug, onNavigate, allowedActions, showAll }: IncidentsNavProps) {
  const common = {
    params: { engagement: engagementSlug },
    onClick: onNavigate,
    activeProps: { active: true },
  } as const;

  return (
    <NavGroup
      label="Incidents"
      icon={<IconAlertTriangle {...ICON} />}
      area={/\/(incidents|escalation-policies|integrations)(\/|$)/}
    >
      <NavItem
        to="/e/$engagement/incidents"
        activeOptions={{ exact: true }}
        label="Board"
        leftSection={<IconLayoutBoard {...ICON} />}
        {...common}
      />
      {showAll && (
        <NavItem
          to="/e/$engagement/incidents/all"
          label="Across engagements"
          leftSection={<IconStack2 {...ICON} />}
          {...common}
        />
      )}
      {allowedActions.includes('escalation.read') && (
        <NavItem
          to="/e/$engagement/escalation-policies"
          label="Escalation policies"
          leftSection={<IconStairsUp {...ICON} />}
          {...common}
        />
      )}
      {allowedActions.includes('integration.read') && (
        <NavItem
          to="/e/$engagement/integrations"
          label="Integrations"
          leftSection={<IconPlugConnected {...ICON} />}
          {...common}
        />
      )}
    </NavGroup>
  );
}
