import { useEffect, useRef } from 'react';

/** One live event: what changed (`type`, `id`) and small hints; never the record itself. */
export interface EngagementEvent {
  type: string;
  id: string | null;
  data: unknown;
}

type Listener = (event: EngagementEvent) => void;

/**
 * Not sent by the server: the stream came back after a drop (EventSource reconnects by itself).
 * Whatever was published in between is lost, so a listener refetches what it shows.
 */
export const STREAM_REOPENED = 'stream.reopened';

interface Stream {
  source: EventSource;
  /** Listeners by event type; the source gets one dispatcher per type. */
  listeners: Map<string, Set<Listener>>;
}

const streams = new Map<string, Stream>();

function parse(type: string, text: string): EngagementEvent {
  try {
    const parsed = JSON.parse(text) as { id?: unknown; data?: unknown };
    return { type, id: typeof parsed.id === 'string' ? parsed.id : null, data: parsed.data ?? null };
  } catch {
    return { type, id: null, data: null };
  }
}

/**
 * Listens to one engagement's event stream. Every feature that follows live changes subscribes
 * here, so a tab holds one EventSource per engagement however many features listen: browsers
 * allow only six connections per host over HTTP/1.1, and each stream holds one open.
 */
export function subscribeEngagementEvents(
  engagementId: string,
  types: readonly string[],
  listener: Listener,
): () => void {
  let stream = streams.get(engagementId);
  if (!stream) {
    const source = new EventSource(`/api/v1/engagements/${encodeURIComponent(engagementId)}/events`, {
      withCredentials: true,
    });
    const created: Stream = { source, listeners: new Map() };
    let openedBefore = false;
    source.addEventListener('open', () => {
      if (openedBefore) {
        const event = { type: STREAM_REOPENED, id: null, data: null };
        for (const each of [...(created.listeners.get(STREAM_REOPENED) ?? [])]) each(event);
      }
      openedBefore = true;
    });
    stream = created;
    streams.set(engagementId, stream);
  }
  const { source, listeners } = stream;
  for (const type of types) {
    let set = listeners.get(type);
    if (!set) {
      const created = new Set<Listener>();
      set = created;
      listeners.set(type, created);
      source.addEventListener(type, (message) => {
        const event = parse(type, (message as MessageEvent<string>).data);
        for (const each of [...created]) each(event);
      });
    }
    set.add(listener);
  }
  return () => {
    for (const type of types) listeners.get(type)?.delete(listener);
    if ([...listeners.values()].every((set) => set.size === 0)) {
      source.close();
      streams.delete(engagementId);
    }
  };
}

/** Calls `onEvent` for these event types in these engagements while the component is mounted. */
export function useEngagementEvents(
  engagementIds: readonly string[],
  types: readonly string[],
  onEvent: (engagementId: string, event: EngagementEvent) => void,
) {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const key = engagementIds.join(',');
  const typeKey = types.join(',');

  useEffect(() => {
    if (!key || typeof EventSource === 'undefined') return;
    const unsubscribes = key
      .split(',')
      .map((engagementId) =>
        subscribeEngagementEvents(engagementId, typeKey.split(','), (event) =>
          handler.current(engagementId, event),
        ),
      );
    return () => {
      for (const unsubscribe of unsubscribes) unsubscribe();
    };
  }, [key, typeKey]);
}
