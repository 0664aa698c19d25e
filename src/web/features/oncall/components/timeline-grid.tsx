import { ActionIcon, Popover } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Override, Shift, Span } from '../api/schedule-types.ts';
import { barStyle } from './person-colors.ts';
import classes from './timeline.module.css';
import { type DragSelection, useDragSpan } from './use-drag-span.ts';
import { dayLabel, formatShort, percentOf, type ZonedWeek } from './week-in-zone.ts';

interface TimelineGridProps {
  week: ZonedWeek;
  now: number;
  layers: { name: string; shifts: Shift[] }[];
  final: Shift[];
  gaps: Span[];
  overrides: Override[];
  nameOf: (userId: string) => string;
  colorOf: (userId: string) => string;
  /** May drag out overrides and remove them. */
  canOverride: boolean;
  onRemoveOverride: (override: Override) => void;
  /** What the popover of a finished drag holds; `close` clears the selection. */
  renderSelection: (selection: DragSelection, close: () => void) => ReactNode;
}

/**
 * One week of a schedule on its own wall clock: a row per layer and the final "On call" row, whose
 * gaps are striped red and whose overrides sit on top. Dragging across the final row selects a
 * span for a new override.
 */
export function TimelineGrid(props: TimelineGridProps) {
  const { week, now, layers, final, gaps, overrides, nameOf, colorOf, canOverride } = props;
  const drag = useDragSpan(week, canOverride);
  const place = (start: number, end: number) => {
    const left = percentOf(week, start);
    return { left: `${left}%`, width: `${Math.max(percentOf(week, end) - left, 0)}%` };
  };
  const spanTitle = (start: string, end: string) =>
    `${formatShort(start, week.zone)} – ${formatShort(end, week.zone)}`;
  const showNow = now >= week.start && now < week.end;

  return (
    <div className={classes.timeline} data-testid="schedule-timeline">
      <div />
      <div className={classes.head} aria-hidden>
        {week.boundaries.slice(0, 7).map((start, day) => (
          <div
            key={start}
            className={classes.dayLabel}
            data-today={(now >= start && now < (week.boundaries[day + 1] ?? start)) || undefined}
            style={place(start, week.boundaries[day + 1] ?? start)}
          >
            {dayLabel(week, day)}
          </div>
        ))}
      </div>
      {layers.map((layer, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: layers may share a name; their place is their identity
        <Row key={`${index}-${layer.name}`} label={layer.name} week={week} now={showNow ? now : null}>
          {layer.shifts.map((shift) => (
            <div
              key={`${shift.userId}-${shift.start}`}
              className={classes.bar}
              style={{
                ...place(Date.parse(shift.start), Date.parse(shift.end)),
                ...barStyle(colorOf(shift.userId)),
              }}
              title={`${nameOf(shift.userId)} · ${spanTitle(shift.start, shift.end)}`}
            >
              {nameOf(shift.userId)}
            </div>
          ))}
        </Row>
      ))}
      <Row
        label="On call"
        final
        week={week}
        now={showNow ? now : null}
        laneProps={{
          ...drag.handlers,
          'data-testid': 'final-row',
          'aria-label': canOverride ? 'On call — drag across to add an override' : 'On call',
        }}
      >
        {final.map((shift) => (
          <div
            key={`${shift.userId}-${shift.start}`}
            className={classes.bar}
            style={{
              ...place(Date.parse(shift.start), Date.parse(shift.end)),
              ...barStyle(colorOf(shift.userId)),
            }}
            title={`${nameOf(shift.userId)} · ${spanTitle(shift.start, shift.end)}`}
            data-testid="shift-bar"
            data-user={nameOf(shift.userId)}
            data-start={shift.start}
            data-end={shift.end}
          >
            {nameOf(shift.userId)}
          </div>
        ))}
        {gaps.map((gap) => (
          <div
            key={gap.start}
            className={classes.gap}
            style={place(Date.parse(gap.start), Date.parse(gap.end))}
            title={`Nobody on call · ${spanTitle(gap.start, gap.end)}`}
            data-testid="gap"
          />
        ))}
        {overrides.map((override) => (
          <div
            key={override.id}
            className={classes.override}
            style={{
              ...place(Date.parse(override.start), Date.parse(override.end)),
              ...barStyle(colorOf(override.userId)),
            }}
            title={`Override: ${override.userName} · ${spanTitle(override.start, override.end)}`}
            data-testid="override-bar"
            data-user={override.userName}
          >
            <span>⇄ {override.userName}</span>
            {canOverride && (
              <ActionIcon
                data-no-drag
                size="xs"
                variant="subtle"
                color="gray"
                aria-label={`Remove the override by ${override.userName}, ${spanTitle(override.start, override.end)}`}
                onClick={() => props.onRemoveOverride(override)}
              >
                <IconX size={12} />
              </ActionIcon>
            )}
          </div>
        ))}
        {drag.selection && (
          <Popover
            opened={drag.selection.done}
            onDismiss={drag.clear}
            position="bottom"
            width={460}
            withArrow
            trapFocus
            shadow="md"
          >
            <Popover.Target>
              <div
                className={classes.selection}
                style={place(drag.selection.start, drag.selection.end)}
                data-testid="drag-selection"
              />
            </Popover.Target>
            <Popover.Dropdown>{props.renderSelection(drag.selection, drag.clear)}</Popover.Dropdown>
          </Popover>
        )}
      </Row>
    </div>
  );
}

interface RowProps {
  label: string;
  week: ZonedWeek;
  now: number | null;
  final?: boolean;
  laneProps?: Record<string, unknown>;
  children: ReactNode;
}

function Row({ label, week, now, final, laneProps, children }: RowProps) {
  const left = (instant: number) => `${percentOf(week, instant)}%`;
  return (
    <>
      <div className={classes.label} data-final={final || undefined}>
        {label}
      </div>
      <div className={classes.lane} data-final={final || undefined} {...laneProps}>
        {week.boundaries.slice(1, 7).map((boundary) => (
          <div key={boundary} className={classes.dayLine} style={{ left: left(boundary) }} />
        ))}
        {children}
        {now !== null && <div className={classes.now} style={{ left: left(now) }} data-testid="now-line" />}
      </div>
    </>
  );
}
