import { Badge, type BadgeProps } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import type { TicketPriority } from '../../../lib/api-types.ts';
import { type AlertSeverity, type IncidentTrack, SEVERITY_COLORS } from '../api/incident-types.ts';
import { type IncidentState, STATE_COLORS, STATE_LABELS } from './incident-state.ts';

export function StateBadge({ state, ...props }: { state: IncidentState } & BadgeProps) {
  return (
    <Badge
      color={STATE_COLORS[state]}
      variant={state === 'triggered' ? 'filled' : 'light'}
      radius="sm"
      size="sm"
      data-testid="incident-state"
      data-state={state}
      {...props}
    >
      {STATE_LABELS[state]}
    </Badge>
  );
}

/** Security incidents go to the SOC's track, never the on-call rota: say so in red. */
export function TrackBadge({ track, ...props }: { track: IncidentTrack } & BadgeProps) {
  return track === 'security' ? (
    <Badge
      color="red"
      variant="outline"
      radius="sm"
      size="sm"
      leftSection={<IconShieldLock size={10} />}
      data-testid="security-badge"
      {...props}
    >
      Security
    </Badge>
  ) : (
    <Badge color="blue" variant="outline" radius="sm" size="sm" {...props}>
      Operations
    </Badge>
  );
}

export function SeverityBadge({ severity, ...props }: { severity: AlertSeverity } & BadgeProps) {
  return (
    <Badge color={SEVERITY_COLORS[severity]} variant="light" radius="sm" size="sm" {...props}>
      {severity}
    </Badge>
  );
}

const PRIORITY_COLORS: Record<TicketPriority, string> = { P1: 'red', P2: 'orange', P3: 'blue', P4: 'gray' };

export function PriorityBadge({ priority, ...props }: { priority: TicketPriority } & BadgeProps) {
  return (
    <Badge
      color={PRIORITY_COLORS[priority]}
      variant={priority === 'P1' ? 'filled' : 'light'}
      radius="sm"
      size="sm"
      {...props}
    >
      {priority}
    </Badge>
  );
}
