import { Badge, type BadgeProps, Group, Text } from '@mantine/core';
import type { Party, TicketPriority, TicketStatus, WhoseMove } from '../../../lib/api-types.ts';
import {
  moveColor,
  moveLabel,
  PRIORITY_COLORS,
  PRIORITY_LABELS,
  STATUS_COLORS,
  STATUS_LABELS,
} from './ticket-labels.ts';

export function PriorityBadge({ priority, ...props }: { priority: TicketPriority } & BadgeProps) {
  return (
    <Badge
      color={PRIORITY_COLORS[priority]}
      variant={priority === 'P1' ? 'filled' : 'light'}
      radius="sm"
      size="sm"
      title={PRIORITY_LABELS[priority]}
      {...props}
    >
      {priority}
    </Badge>
  );
}

export function StatusBadge({ status, ...props }: { status: TicketStatus } & BadgeProps) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" radius="sm" size="sm" {...props}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}

/** Whose move it is, relative to the viewer: the question every row of the queue answers. */
export function MoveIndicator({ move, viewerParty }: { move: WhoseMove; viewerParty: Party }) {
  const label = moveLabel(move, viewerParty);
  if (!label) return null;
  return (
    <Badge color={moveColor(move, viewerParty)} variant="dot" radius="sm" size="sm" data-testid="whose-move">
      {label}
    </Badge>
  );
}

export function StatusWithMove({
  status,
  move,
  viewerParty,
}: {
  status: TicketStatus;
  move: WhoseMove;
  viewerParty: Party | null;
}) {
  return (
    <Group gap={6} wrap="nowrap">
      <StatusBadge status={status} />
      {viewerParty && <MoveIndicator move={move} viewerParty={viewerParty} />}
    </Group>
  );
}

export function Dash() {
  return (
    <Text size="sm" c="dimmed" component="span">
      —
    </Text>
  );
}
