import { Tooltip } from '@mantine/core';
import type { CSSProperties } from 'react';
import { PARTY_LABELS } from '../lib/api-types.ts';
import { CLOCK_KIND_LABELS, CLOCK_KIND_SHORT, clockName, readClock, TONE_COLORS } from '../lib/sla-clock.ts';
import type { SlaClock } from '../lib/sla-types.ts';
import { useNow } from '../lib/use-now.ts';
import { PARTY_COLORS } from './party-badge.tsx';
import classes from './sla-badge.module.css';

interface SlaBadgeProps {
  clock: SlaClock;
  /** Leave out what the clock measures where a column or heading already says it. */
  hideKind?: boolean;
  /** Shorter words for a table cell: "Resolve · Due 3 Dec". The spoken label stays whole. */
  compact?: boolean;
}

/**
 * One SLA clock at a glance: whose it is, what it measures and how long is left, ticking every
 * 30 s from the server's `dueAt` without refetching. Screen readers hear the whole sentence:
 * "Provider resolution clock: 2 hours 14 minutes left, due 25 Nov 16:30".
 */
export function SlaBadge({ clock, hideKind = false, compact = false }: SlaBadgeProps) {
  // The shared tick re-renders every 30 s; reading the time itself means a badge redrawn by
  // fresh data (a live warning, say) shows the state of this moment, not of the last tick.
  const now = Math.max(useNow(), Date.now());
  const reading = readClock(clock, now, compact);
  const kind = (compact ? CLOCK_KIND_SHORT : CLOCK_KIND_LABELS)[clock.kind];
  const label = `${clockName(clock)}: ${reading.spoken}`;
  const tone = TONE_COLORS[reading.tone];
  const style = {
    '--party-bg': `var(--mantine-color-${PARTY_COLORS[clock.party]}-light)`,
    '--party-fg': `var(--mantine-color-${PARTY_COLORS[clock.party]}-light-color)`,
    '--tone-bg': `var(--mantine-color-${tone}-light)`,
    '--tone-fg': `var(--mantine-color-${tone}-light-color)`,
  } as CSSProperties;
  return (
    <Tooltip label={`${label} · ${clock.calendarName} calendar`} openDelay={300} multiline maw={320}>
      <span
        className={classes.clock}
        style={style}
        role="img"
        aria-label={label}
        data-testid="sla-badge"
        data-party={clock.party}
        data-kind={clock.kind}
        data-tone={reading.tone}
      >
        <span className={classes.party}>{PARTY_LABELS[clock.party]}</span>
        <span className={classes.state}>{hideKind ? reading.text : `${kind} · ${reading.text}`}</span>
      </span>
    </Tooltip>
  );
}
