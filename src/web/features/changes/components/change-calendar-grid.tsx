import { Group, Text } from '@mantine/core';
import type { CSSProperties, MouseEvent } from 'react';
import type { Change, FreezeWindow } from '../api/change-types.ts';
import classes from './change-calendar.module.css';
import { STATE_COLORS, STATE_LABELS } from './change-labels.ts';
import { dayKey, formatTime, overlapsDay } from './local-time.ts';

interface ChangeCalendarGridProps {
  days: Date[];
  span: 'month' | 'week';
  /** The month being shown; other days are greyed. */
  month: number;
  changes: Change[];
  freezeWindows: FreezeWindow[];
  hrefOf: (change: Change) => string;
  onOpen: (change: Change) => void;
}

const weekdayName = new Intl.DateTimeFormat(undefined, { weekday: 'short' });
const longDay = new Intl.DateTimeFormat(undefined, { dateStyle: 'full' });

/** Days in rows of seven; each day lists the changes whose window touches it, in the viewer's zone. */
export function ChangeCalendarGrid({
  days,
  span,
  month,
  changes,
  freezeWindows,
  hrefOf,
  onOpen,
}: ChangeCalendarGridProps) {
  const today = dayKey(new Date());
  const windowed = changes
    .filter((change) => change.windowStart && change.windowEnd)
    .sort((a, b) => (a.windowStart ?? '').localeCompare(b.windowStart ?? ''));

  function open(event: MouseEvent, change: Change) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onOpen(change);
  }

  return (
    <div className={`${classes.grid} ${span === 'week' ? classes.week : ''}`}>
      {days.slice(0, 7).map((day) => (
        <div key={`head-${dayKey(day)}`} className={classes.weekday} aria-hidden>
          {weekdayName.format(day)}
        </div>
      ))}
      {days.map((day, index) => {
        const key = dayKey(day);
        const frozen = freezeWindows.filter((window) => overlapsDay(window.startsAt, window.endsAt, day));
        const onDay = windowed.filter((change) =>
          overlapsDay(change.windowStart ?? '', change.windowEnd ?? '', day),
        );
        return (
          <section
            key={key}
            className={classes.day}
            data-day={key}
            data-testid="calendar-day"
            data-today={key === today || undefined}
            data-outside={(span === 'month' && day.getMonth() !== month) || undefined}
            data-frozen={frozen.length > 0 || undefined}
            aria-label={longDay.format(day)}
          >
            <span className={classes.dayNumber}>{day.getDate()}</span>
            {frozen
              // Name the freeze where it starts and at the start of each row, not on every day.
              .filter((window) => index % 7 === 0 || dayKey(new Date(window.startsAt)) === key)
              .map((window) => (
                <span key={window.id} className={classes.freeze} title={window.reason || window.name}>
                  ❄ {window.name}
                </span>
              ))}
            {onDay.map((change) => (
              <a
                key={change.id}
                href={hrefOf(change)}
                onClick={(event) => open(event, change)}
                className={classes.chip}
                style={chipStyle(change)}
                title={`${change.number} · ${change.title} · ${STATE_LABELS[change.state]}`}
                data-change-number={change.number}
              >
                {chipTime(change, day, span)} {change.title}
              </a>
            ))}
          </section>
        );
      })}
    </div>
  );
}

function chipStyle(change: Change): CSSProperties {
  const color = STATE_COLORS[change.state];
  return {
    '--chip-bg': `var(--mantine-color-${color}-light)`,
    '--chip-color': `var(--mantine-color-${color}-light-color)`,
    '--chip-border': `var(--mantine-color-${color}-filled)`,
  } as CSSProperties;
}

/** The start time on the first day; "…" on the days a long window runs on into. */
function chipTime(change: Change, day: Date, span: 'month' | 'week'): string {
  const start = change.windowStart ?? '';
  const end = change.windowEnd ?? '';
  const startsToday = dayKey(new Date(start)) === dayKey(day);
  if (span === 'week') return `${startsToday ? formatTime(start) : '…'}–${formatTime(end)}`;
  return startsToday ? formatTime(start) : '…';
}

/** The colours of the states that can sit on a calendar, and the freeze stripes. */
export function CalendarLegend() {
  const states = ['submitted', 'approved', 'scheduled', 'in_progress', 'completed', 'failed'] as const;
  return (
    <Group gap="md">
      {states.map((state) => (
        <Group key={state} gap={4}>
          <span className={classes.chip} style={{ ...chipStyle({ state } as Change), width: 14, padding: 0 }}>
            &nbsp;
          </span>
          <Text size="xs" c="dimmed">
            {STATE_LABELS[state]}
          </Text>
        </Group>
      ))}
      <Group gap={4}>
        <span
          className={classes.day}
          data-frozen
          style={{ minHeight: 14, width: 22, padding: 0, border: 0 }}
        />
        <Text size="xs" c="dimmed">
          Freeze window
        </Text>
      </Group>
    </Group>
  );
}
