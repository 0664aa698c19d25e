/**
 * A layer's rotation: when each turn starts and whose it is. Turn k starts at handoff k and
 * belongs to user k mod n. Hour turns are fixed elapsed time, so their handoffs are a division
 * away. Day and week turns keep the local handoff time, so their handoffs drift against elapsed
 * time by the zone's DST shifts; the turn at an instant is still estimated by division, then
 * settled against the (memoised) handoffs either side, which are never more than a few hours
 * from the estimate while turns are at least a day long.
 */
import type { Layer } from './schedule.ts';
import { type LocalDateTime, wallTimeEachDay } from './wall-time.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface Rotation {
  /** The first handoff: before it the layer has nobody. */
  readonly firstHandoff: number;
  /** The turn running at `instant` (at or after the first handoff). */
  turnAt(instant: number): number;
  /** When turn `turn` begins. */
  handoff(turn: number): number;
  /** Whose turn `turn` is. */
  userOf(turn: number): string;
}

export function rotationOf(layer: Layer, zoneName: string, start: LocalDateTime): Rotation {
  const users = layer.users;
  const userOf = (turn: number) => users[turn % users.length]!;
  const { unit, length } = layer.turn;
  const handoffOnDay = wallTimeEachDay(zoneName, start.minute);
  const firstHandoff = handoffOnDay(start.day);
  if (unit === 'hours') {
    const turnMs = length * HOUR_MS;
    return {
      firstHandoff,
      turnAt: (instant) => Math.floor((instant - firstHandoff) / turnMs),
      handoff: (turn) => firstHandoff + turn * turnMs,
      userOf,
    };
  }
  const turnDays = unit === 'weeks' ? 7 * length : length;
  const handoffs = new Map<number, number>();
  const handoff = (turn: number) => {
    let at = handoffs.get(turn);
    if (at === undefined) {
      at = turn === 0 ? firstHandoff : handoffOnDay(start.day + turn * turnDays);
      handoffs.set(turn, at);
    }
    return at;
  };
  return {
    firstHandoff,
    turnAt(instant) {
      let turn = Math.floor((instant - firstHandoff) / (turnDays * DAY_MS));
      while (turn > 0 && handoff(turn) > instant) turn -= 1;
      while (handoff(turn + 1) <= instant) turn += 1;
      return turn;
    },
    handoff,
    userOf,
  };
}
