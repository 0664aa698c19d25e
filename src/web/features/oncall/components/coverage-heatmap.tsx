import { Tooltip } from '@mantine/core';
import { type CSSProperties, Fragment, type MouseEvent, useState } from 'react';
import { PARTY_COLORS } from '../../../components/party-badge.tsx';
import { PARTY_LABELS } from '../../../lib/api-types.ts';
import type { CoverageLine, PageGap } from '../api/schedule-types.ts';
import classes from './coverage.module.css';
import { cellsOf, HOUR_MS, type HourCell, hoursOf } from './coverage-cells.ts';
import { dayLabel, formatClock, formatShort, type ZonedWeek } from './week-in-zone.ts';

interface CoverageHeatmapProps {
  week: ZonedWeek;
  /** The lines of one track. */
  lines: CoverageLine[];
  /** Real pages of this track that reached nobody, marked at their hour. */
  pageGaps?: readonly PageGap[];
  /** Incident numbers by ticket id, as far as they are known yet. */
  numbers?: ReadonlyMap<string, string | undefined>;
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
export function CoverageHeatmap({ week, lines, pageGaps = [], numbers = new Map() }: CoverageHeatmapProps) {
  const hours = hoursOf(week);
  const pagesByHour = pagesPerHour(pageGaps, hours);
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
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-label]');
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
          {lines.map((line) => {
            const schedules = new Set(line.spans.map((span) => span.scheduleId));
            const pagedHere = (hour: number) =>
              (pagesByHour.get(hour) ?? []).filter(
                (page) => page.target.type === 'schedule' && schedules.has(page.target.id),
              );
            return (
              <Fragment key={`${line.functionKey}-${line.track}`}>
                <div className={classes.fn} title={line.functionName}>
                  {line.functionName}
                </div>
                {cellsOf(line, hours).map((cell) => {
                  const paged = pagedHere(cell.hour);
                  const label = cellLabel(line.functionName, cell, week.zone);
                  return (
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
                      data-page-gap={paged.length > 0 || undefined}
                      data-label={
                        paged.length > 0
                          ? `${label} · ${paged.map((page) => pageLabel(page, week.zone, numbers)).join(' · ')}`
                          : label
                      }
                    />
                  );
                })}
              </Fragment>
            );
          })}
          {pagesByHour.size > 0 && (
            <>
              <div className={classes.fn} title="Real incident pages that reached nobody on call">
                Pages that hit a gap
              </div>
              {hours.map((hour) => {
                const pages = pagesByHour.get(hour);
                return (
                  <div
                    key={hour}
                    className={classes.pageSlot}
                    data-testid={pages ? 'coverage-page-gap' : undefined}
                    data-hour={pages ? new Date(hour).toISOString() : undefined}
                    data-day-start={dayStarts.has(hour) || undefined}
                    data-label={pages?.map((page) => pageLabel(page, week.zone, numbers)).join(' · ')}
                  />
                );
              })}
            </>
          )}
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

/** The pages that fell into each hour of the week (hours are consecutive, HOUR_MS apart). */
function pagesPerHour(pageGaps: readonly PageGap[], hours: readonly number[]): Map<number, PageGap[]> {
  const byHour = new Map<number, PageGap[]>();
  const first = hours[0];
  if (first === undefined) return byHour;
  for (const page of pageGaps) {
    const hour = hours[Math.floor((Date.parse(page.at) - first) / HOUR_MS)];
    if (hour === undefined) continue;
    byHour.set(hour, [...(byHour.get(hour) ?? []), page]);
  }
  return byHour;
}

/** "Page at Tue 02:14: LOGI-42, level 1 — nobody on call in Esc weekend". */
function pageLabel(page: PageGap, zone: string, numbers: ReadonlyMap<string, string | undefined>): string {
  const incident = (page.ticketId && numbers.get(page.ticketId)) || 'an incident';
  return `Page at ${formatShort(page.at, zone)}: ${incident}, level ${page.level} — nobody on call in ${page.target.name}`;
}
