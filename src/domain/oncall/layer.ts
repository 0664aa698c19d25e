/**
 * One layer, compiled: its rotation, its active time (restrictions and days off) and the
 * schedule's time off, combined into "who does this layer put on call at t" and into the
 * layer's own shifts. A layer puts its current user on call only when all three agree: the
 * rotation has started, the layer is active, and that user is not away.
 */
import { activeTimeOf } from './restrictions.ts';
import { type Rotation, rotationOf } from './rotation.ts';
import type { Layer } from './schedule.ts';
import { appendShift, type ShiftMs } from './shift-lists.ts';
import type { Absences } from './time-off.ts';
import { parseLocalDateTime } from './wall-time.ts';

export interface CompiledLayer {
  readonly layer: Layer;
  userAt(instant: number): string | undefined;
  /** The layer's own shifts within [from, to). */
  shiftsWithin(from: number, to: number): ShiftMs[];
}

/** `holidays` are the schedule's, as local day numbers; a spec already checked is assumed. */
export function compileLayer(
  layer: Layer,
  scheduleZone: string,
  holidays: ReadonlySet<number>,
  absences: Absences,
): CompiledLayer {
  const zone = layer.timeZone ?? scheduleZone;
  const rotation = rotationOf(layer, zone, parseLocalDateTime(layer.start)!);
  const active = activeTimeOf(zone, layer.restrictions, layer.offOnHolidays ? holidays : new Set());
  return {
    layer,
    userAt(instant) {
      // The cheap tests first: before the first handoff nothing else needs building.
      if (instant < rotation.firstHandoff) return undefined;
      if (active && !active.isActive(instant)) return undefined;
      const userId = rotation.userOf(rotation.turnAt(instant));
      return absences.isAway(userId, instant) ? undefined : userId;
    },
    shiftsWithin(from, to) {
      const start = Math.max(from, rotation.firstHandoff);
      if (start >= to) return [];
      const windows = active ? active.spansWithin(start, to) : [start, to];
      const shifts: ShiftMs[] = [];
      for (let k = 0; k < windows.length; k += 2) {
        turnsWithin(rotation, absences, windows[k]!, windows[k + 1]!, shifts);
      }
      return shifts;
    },
  };
}

/** Appends the turns that fall within one active window, less each user's time off. */
function turnsWithin(rotation: Rotation, absences: Absences, from: number, to: number, shifts: ShiftMs[]) {
  let turn = rotation.turnAt(from);
  for (let start = from; start < to; turn += 1) {
    const end = Math.min(to, rotation.handoff(turn + 1));
    const userId = rotation.userOf(turn);
    const present = absences.presentWithin(userId, start, end);
    for (let k = 0; k < present.length; k += 2) appendShift(shifts, userId, present[k]!, present[k + 1]!);
    start = end;
  }
}
