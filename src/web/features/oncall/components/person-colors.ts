import type { CSSProperties } from 'react';
import type { Schedule } from '../api/schedule-types.ts';

/** Person colours: none of them red (gaps) or the party colours teal and grape. */
const PALETTE = ['blue', 'orange', 'cyan', 'lime', 'violet', 'yellow', 'indigo', 'pink', 'green'] as const;

/**
 * A colour per person on a schedule, stable from week to week: the people of its layers in
 * rotation order first, anyone else (an override by someone outside the rotation) after them.
 */
export function personColors(schedule: Schedule, others: readonly string[] = []): (userId: string) => string {
  const order = [...new Set([...schedule.layers.flatMap((layer) => layer.users), ...[...others].sort()])];
  return (userId) => {
    const index = order.indexOf(userId);
    return PALETTE[(index < 0 ? order.length : index) % PALETTE.length] as string;
  };
}

/** The bar style of one person's colour (see timeline.module.css). */
export function barStyle(color: string): CSSProperties {
  return {
    '--bar-bg': `var(--mantine-color-${color}-light)`,
    '--bar-color': `var(--mantine-color-${color}-light-color)`,
    '--bar-border': `var(--mantine-color-${color}-filled)`,
  } as CSSProperties;
}
