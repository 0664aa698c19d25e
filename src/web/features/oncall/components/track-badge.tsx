import { Badge, type BadgeProps } from '@mantine/core';
import { TRACK_COLORS, type Track } from '../api/schedule-types.ts';

const SHORT: Record<Track, string> = { security: 'Security', operations: 'Operations' };

/** The track a schedule pages for, in one colour per track. */
export function TrackBadge({ track, ...props }: { track: Track } & BadgeProps) {
  return (
    <Badge variant="outline" color={TRACK_COLORS[track]} radius="sm" {...props}>
      {SHORT[track]}
    </Badge>
  );
}
