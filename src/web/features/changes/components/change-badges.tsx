import { Badge, type BadgeProps } from '@mantine/core';
import type { ChangeLevel, ChangeState, ChangeType } from '../api/change-types.ts';
import { LEVEL_COLORS, LEVEL_LABELS, STATE_COLORS, STATE_LABELS, TYPE_LABELS } from './change-labels.ts';

export function ChangeStateBadge({ state, ...props }: { state: ChangeState } & BadgeProps) {
  return (
    <Badge
      color={STATE_COLORS[state]}
      variant="light"
      radius="sm"
      size="sm"
      data-testid="change-state"
      {...props}
    >
      {STATE_LABELS[state]}
    </Badge>
  );
}

export function ChangeTypeBadge({ type, ...props }: { type: ChangeType } & BadgeProps) {
  return (
    <Badge
      color={type === 'emergency' ? 'red' : 'gray'}
      variant={type === 'emergency' ? 'filled' : 'outline'}
      radius="sm"
      size="sm"
      {...props}
    >
      {TYPE_LABELS[type]}
    </Badge>
  );
}

/** A risk or impact level; `label` prefixes it where no column heading names it ("Risk high"). */
export function LevelBadge({ level, label, ...props }: { level: ChangeLevel; label?: string } & BadgeProps) {
  return (
    <Badge
      color={LEVEL_COLORS[level]}
      variant="dot"
      radius="sm"
      size="sm"
      style={{ flexShrink: 0 }}
      {...props}
    >
      {label ? `${label} ${LEVEL_LABELS[level].toLowerCase()}` : LEVEL_LABELS[level]}
    </Badge>
  );
}
