import { type PointerEvent, useState } from 'react';
import type { ZonedWeek } from './week-in-zone.ts';

/** Drags snap to half hours from the week's local midnight. */
const SNAP_MS = 30 * 60_000;

export interface DragSelection {
  start: number;
  end: number;
  /** The pointer is up: the span is chosen and waits for a person. */
  done: boolean;
}

interface Drag {
  anchor: number;
  at: number;
  done: boolean;
}

/**
 * Pointer drag across a timeline lane selecting a span of the week, snapped to 30 minutes. The
 * lane captures the pointer, so a drag that leaves it keeps going; elements marked
 * `data-no-drag` (an override's remove button) keep their own clicks.
 */
export function useDragSpan(week: ZonedWeek, enabled: boolean) {
  const [drag, setDrag] = useState<Drag | null>(null);

  function instantAt(event: PointerEvent<HTMLElement>): number {
    const rect = event.currentTarget.getBoundingClientRect();
    const ratio = Math.min(Math.max((event.clientX - rect.left) / rect.width, 0), 1);
    const raw = week.start + ratio * (week.end - week.start);
    const snapped = week.start + Math.round((raw - week.start) / SNAP_MS) * SNAP_MS;
    return Math.min(Math.max(snapped, week.start), week.end);
  }

  const handlers = {
    onPointerDown(event: PointerEvent<HTMLElement>) {
      if (!enabled || event.button !== 0) return;
      // React bubbles events from portals (the popover) through the component tree: only the lane's own count.
      if (!event.currentTarget.contains(event.target as Node)) return;
      if ((event.target as HTMLElement).closest('[data-no-drag]')) return;
      event.currentTarget.setPointerCapture(event.pointerId);
      const at = instantAt(event);
      setDrag({ anchor: at, at, done: false });
    },
    onPointerMove(event: PointerEvent<HTMLElement>) {
      if (!drag || drag.done) return;
      const at = instantAt(event);
      if (at !== drag.at) setDrag({ ...drag, at });
    },
    onPointerUp(event: PointerEvent<HTMLElement>) {
      if (!drag || drag.done || !event.currentTarget.contains(event.target as Node)) return;
      const at = instantAt(event);
      // A click without a drag selects nothing.
      setDrag(at === drag.anchor ? null : { ...drag, at, done: true });
    },
    onPointerCancel() {
      if (drag && !drag.done) setDrag(null);
    },
  };

  const selection: DragSelection | null = drag
    ? { start: Math.min(drag.anchor, drag.at), end: Math.max(drag.anchor, drag.at), done: drag.done }
    : null;
  return { selection, handlers, clear: () => setDrag(null) };
}
