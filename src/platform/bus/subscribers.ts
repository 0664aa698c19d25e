import type { Logger } from '../log/logger.ts';
import type { BusEvent } from './event.ts';

export type BusListener = (event: BusEvent) => void;

/** This process's listeners, by engagement. */
export class Subscribers {
  readonly #byEngagement = new Map<string, Set<BusListener>>();

  constructor(private readonly log: Logger) {}

  /** Adds a listener; the returned function removes it. */
  add(engagementId: string, listener: BusListener): () => void {
    let listeners = this.#byEngagement.get(engagementId);
    if (!listeners) {
      listeners = new Set();
      this.#byEngagement.set(engagementId, listeners);
    }
    // Each subscription is its own entry, so subscribing one function twice delivers twice
    // and each unsubscribe removes exactly its own.
    const entry: BusListener = (event) => listener(event);
    listeners.add(entry);
    return () => {
      listeners.delete(entry);
      if (listeners.size === 0 && this.#byEngagement.get(engagementId) === listeners) {
        this.#byEngagement.delete(engagementId);
      }
    };
  }

  /** Calls each listener of the event's engagement; one that throws does not stop the rest. */
  deliver(event: BusEvent): void {
    const listeners = this.#byEngagement.get(event.engagementId);
    if (!listeners) return;
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.log.error({ err: error, type: event.type }, 'An event bus listener threw');
      }
    }
  }

  /** Engagements with at least one listener. */
  engagementIds(): string[] {
    return [...this.#byEngagement.keys()];
  }

  clear(): void {
    this.#byEngagement.clear();
  }
}
