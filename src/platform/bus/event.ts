import type { Party } from '../access/roles.ts';

/**
 * Something that changed in an engagement, for live views. It says *what* changed (type and
 * id), not the new state: a receiver refetches through the API, which applies access rules.
 */
export interface BusEvent {
  readonly engagementId: string;
  /** `<noun>.<verb>`, e.g. `team.updated`, `ticket.commented`. */
  readonly type: string;
  /** The record that changed, when there is one. */
  readonly id?: string;
  /** Small hints for the receiver; dropped (and `truncated` set) if the event would be too big. */
  readonly data?: unknown;
  /** Who may receive it; default `all`. */
  readonly audience?: Party | 'all';
  /** Set when `data` was dropped to fit the transport; the receiver refetches instead. */
  readonly truncated?: boolean;
}

/**
 * Delivered to every local subscriber after the PostgreSQL listener reconnects: events
 * published while it was down are lost, so live views refetch what they show.
 */
export const BUS_RECONNECTED = 'bus.reconnected';

// PostgreSQL rejects a NOTIFY payload of 8000 bytes or more; the margin keeps us clear of it.
const MAX_EVENT_BYTES = 7900;
const AUDIENCES: ReadonlySet<unknown> = new Set(['all', 'internal', 'provider']);

/** Whether a viewer of `party` may receive the event. */
export function mayReceive(event: BusEvent, party: Party): boolean {
  const audience = event.audience ?? 'all';
  return audience === 'all' || audience === party;
}

/**
 * The event as JSON under the NOTIFY limit. Both buses use it, so an event arrives in the same
 * shape (JSON values, `data` dropped when too big) on SQLite as on PostgreSQL.
 */
export function encodeEvent(event: BusEvent): string {
  const wire = {
    engagementId: event.engagementId,
    type: event.type,
    id: event.id,
    data: event.data,
    audience: event.audience ?? 'all',
  };
  const full = JSON.stringify(wire);
  if (Buffer.byteLength(full) < MAX_EVENT_BYTES) return full;
  const trimmed = JSON.stringify({ ...wire, data: undefined, truncated: true });
  if (Buffer.byteLength(trimmed) < MAX_EVENT_BYTES) return trimmed;
  throw new RangeError(
    `Event ${event.type} is over ${MAX_EVENT_BYTES} bytes even without data; send ids only`,
  );
}

/** Parses an encoded event; undefined when it is not one. */
export function decodeEvent(text: string): BusEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const e = value as Record<string, unknown>;
  if (typeof e.engagementId !== 'string' || typeof e.type !== 'string') return undefined;
  if (e.id !== undefined && typeof e.id !== 'string') return undefined;
  if (!AUDIENCES.has(e.audience)) return undefined;
  return {
    engagementId: e.engagementId,
    type: e.type,
    audience: e.audience as Party | 'all',
    ...(e.id === undefined ? {} : { id: e.id }),
    ...(e.data === undefined ? {} : { data: e.data }),
    ...(e.truncated === true ? { truncated: true } : {}),
  };
}
