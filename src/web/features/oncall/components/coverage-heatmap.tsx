import { Tooltip } from '@mantine/core';
import { type CSSProperties, Fragment, type MouseEvent, useState } from 'react';
import { PARTY_COLORS } from '../../../components/party-badge.tsx';
import { PARTY_LABELS } from '../../../lib/api-types.ts';
import type { CoverageLine } from '../api/schedule-types.ts';
import classes from './coverage.module.css';
import { cellsOf, HOUR_MS, type HourCell, hoursOf } from './coverage-cells.ts';
import { dayLabel, formatClock, formatShort, type ZonedWeek } from './week-in-zone.ts';

interface CoverageHeatmapProps {
  week: ZonedWeek;
  /** The lines of one track. */
  lines: CoverageLine[];
}

/** The party colours of the app (teal internal, grape provider), as the cells' CSS reads them. */
export const PARTY_SHADES = {
  '--party-internal': `var(--mantine-color-${PARTY_COLORS.internal}-5)`,
  '--party-provider': `var(--mantine-color-${PARTY_COLORS.provider}-5)`,
} as CSSProperties;

/**
 * Hours × functions of one track for a week: each hour coloured by the party on call, red where
 * nobody is. One floating tooltip serves every cell (a tooltip per cell would be 2,000 of them).
 */
export function CoverageHeatmap({ week, lines }: CoverageHeatmapProps) {
  const hours = hoursOf(week);
  const [hovered, setHovered] = useState<string | null>(null);
  const dayStarts = new Set(week.boundaries);
  const hourFormat = new Intl.DateTimeFormat('en-GB', {
    timeZone: week.zone,
    hour: '2-digit',
    hourCycle: 'h23',
  });
  const hourOfDay = (hour: number) => Number(hourFormat.format(hour));
  const daySpans = week.boundaries.slice(0, 7).map((start, day) => ({
    day,
    hours: Math.round(((week.boundaries[day + 1] ?? start) - start) / HOUR_MS),
  }));
  const onOver = (event: MouseEvent<HTMLElement>) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-testid="coverage-cell"]');
    setHovered(cell?.dataset.label ?? null);
  };

  return (
    <Tooltip.Floating label={hovered ?? ''} disabled={!hovered} multiline w={300}>
      {/* biome-ignore lint/a11y/useKeyWithMouseEvents: hovering only shows a cell's tooltip; the gap and single-point lists below say the same in text, and 2,000 cells are no keyboard stops */}
      <figure
        className={classes.scroller}
        onMouseOver={onOver}
        onMouseLeave={() => setHovered(null)}
        aria-label={`Coverage by hour in ${week.zone}`}
        style={{ margin: 0 }}
      >
        <div className={classes.grid} style={{ '--hours': hours.length, ...PARTY_SHADES } as CSSProperties}>
          <div className={classes.corner} />
          {daySpans.map(({ day, hours: count }) => (
            <div key={day} className={classes.day} style={{ gridColumn: `span ${count}` }}>
              {dayLabel(week, day)}
            </div>
          ))}
          <div className={classes.corner} />
          {hours.map((hour) => {
            const h = hourOfDay(hour);
            return (
              <div
                key={hour}
                className={classes.tick}
                data-day-start={dayStarts.has(hour) || undefined}
                aria-hidden
              >
                {h % 6 === 0 ? h : ''}
              </div>
            );
          })}
          {lines.map((line) => (
            <Fragment key={`${line.functionKey}-${line.track}`}>
              <div className={classes.fn} title={line.functionName}>
                {line.functionName}
              </div>
              {cellsOf(line, hours).map((cell) => (
                <div
                  key={cell.hour}
                  className={classes.cell}
                  data-testid="coverage-cell"
                  data-function={line.functionKey}
                  data-track={line.track}
                  data-hour={new Date(cell.hour).toISOString()}
                  data-state={cell.state}
                  data-party={cell.party ?? undefined}
                  data-day-start={dayStarts.has(cell.hour) || undefined}
                  data-label={cellLabel(line.functionName, cell, week.zone)}
                />
              ))}
            </Fragment>
          ))}
        </div>
      </figure>
    </Tooltip.Floating>
  );
}

/** "Network · Tue 14:00–15:00 · Provider: Jordan Blake", or where and whose the gap is. */
function cellLabel(functionName: string, cell: HourCell, zone: string): string {
  const when = `${formatShort(cell.hour, zone)}–${formatClock(cell.hour + HOUR_MS, zone)}`;
  const who = cell.party
    ? `${PARTY_LABELS[cell.party]}: ${cell.users.map((user) => user.name).join(', ') || 'on call'}`
    : '';
  if (!cell.gap) return `${functionName} · ${when} · ${who}`;
  const owner = cell.gap.party
    ? ` (${PARTY_LABELS[cell.gap.party].toLowerCase()}'s on paper)`
    : ' (no cell in effect)';
  const gapWhen =
    cell.gap.start === cell.hour && cell.gap.end === cell.hour + HOUR_MS
      ? 'nobody on call'
      : `nobody on call ${formatClock(cell.gap.start, zone)}–${formatClock(cell.gap.end, zone)}`;
  return `${functionName} · ${when} · Gap: ${gapWhen}${owner}${who ? ` · ${who}` : ''}`;
}
