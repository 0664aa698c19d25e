/**
 * Schedule resolution: compile a spec once, then ask who is on call at an instant or list the
 * shifts over a range. Both answers come from the same parts (override timeline, compiled layers,
 * absences), so a point lookup and a shift list never disagree. The rules are in schedule.ts.
 */
import { dayNumberOfDate } from '../calendars/spec.ts';
import { checkSchedule } from './check.ts';
import { type CompiledLayer, compileLayer } from './layer.ts';
import { type OverrideTimeline, overrideTimelineOf } from './overrides.ts';
import type { ScheduleSpec, Shift } from './schedule.ts';
import { gapsBetween, overlay, type ShiftMs } from './shift-lists.ts';
import { absencesOf } from './time-off.ts';

/** Listing shifts is bounded so that one careless range cannot build decades of days. */
const RANGE_LIMIT_MS = 3661 * 86_400_000;

export interface CompiledSchedule {
  readonly spec: ScheduleSpec;
  /** Bottom first, as in the spec. */
  readonly layers: readonly CompiledLayer[];
  readonly overrides: OverrideTimeline;
}

/** Validates (throws RangeError naming the first problem) and indexes a spec; compile once, reuse. */
export function compileSchedule(spec: ScheduleSpec): CompiledSchedule {
  const [problem] = checkSchedule(spec);
  if (problem) throw new RangeError(`Invalid schedule: ${problem.path} ${problem.message}.`);
  const holidays = new Set(spec.holidays.map((date) => dayNumberOfDate(date)!));
  const absences = absencesOf(spec.timeOff);
  return {
    spec,
    layers: spec.layers.map((layer) => compileLayer(layer, spec.timeZone, holidays, absences)),
    overrides: overrideTimelineOf(spec.overrides),
  };
}

/** Who is on call at `at`: [] when nobody, else the one person (an override's, or the top-most layer's). */
export function onCallAt(schedule: CompiledSchedule, at: Date): string[] {
  const instant = instantOf(at, 'at');
  const overriding = schedule.overrides.userAt(instant);
  if (overriding !== undefined) return [overriding];
  for (let i = schedule.layers.length - 1; i >= 0; i -= 1) {
    const userId = schedule.layers[i]!.userAt(instant);
    if (userId !== undefined) return [userId];
  }
  return [];
}

/** The final schedule over [from, to): sorted, non-overlapping, a person's continuing time as one shift. */
export function finalShifts(schedule: CompiledSchedule, from: Date, to: Date): Shift[] {
  return toShifts(finalShiftsMs(schedule, ...rangeOf(from, to)));
}

/** One layer's own shifts over [from, to), after restrictions, holidays and time off. */
export function layerShifts(schedule: CompiledSchedule, layerIndex: number, from: Date, to: Date): Shift[] {
  const layer = schedule.layers[layerIndex];
  if (!layer) throw new RangeError(`The schedule has no layer ${layerIndex}.`);
  const [start, end] = rangeOf(from, to);
  return toShifts(start < end ? layer.shiftsWithin(start, end) : []);
}

/** A person's own shifts in the final schedule over [from, to). */
export function personalShifts(schedule: CompiledSchedule, userId: string, from: Date, to: Date): Shift[] {
  return finalShifts(schedule, from, to).filter((shift) => shift.userId === userId);
}

/** The spans of [from, to) with nobody on call, in order. */
export function gapsIn(schedule: CompiledSchedule, from: Date, to: Date): { start: Date; end: Date }[] {
  const [start, end] = rangeOf(from, to);
  return gapsBetween(finalShiftsMs(schedule, start, end), start, end).map(([gapStart, gapEnd]) => ({
    start: new Date(gapStart),
    end: new Date(gapEnd),
  }));
}

function finalShiftsMs(schedule: CompiledSchedule, from: number, to: number): ShiftMs[] {
  if (from >= to) return [];
  let shifts: ShiftMs[] = [];
  for (const layer of schedule.layers) shifts = overlay(shifts, layer.shiftsWithin(from, to));
  return overlay(shifts, schedule.overrides.shiftsWithin(from, to));
}

function rangeOf(from: Date, to: Date): [number, number] {
  const start = instantOf(from, 'from');
  const end = instantOf(to, 'to');
  if (end - start > RANGE_LIMIT_MS)
    throw new RangeError('Shifts are listed for at most ten years at a time.');
  return [start, end];
}

function instantOf(date: Date, name: string): number {
  const instant = date.getTime();
  if (Number.isNaN(instant)) throw new RangeError(`${name} must be a valid date.`);
  return instant;
}

function toShifts(shifts: readonly ShiftMs[]): Shift[] {
  return shifts.map(({ userId, start, end }) => ({ userId, start: new Date(start), end: new Date(end) }));
}
