/**
 * The clock the demo writes history by: tickets are opened, worked and handed between the
 * parties over the past days, so SLA clocks, timelines and "updated" orders look lived-in — some
 * clocks met, some at risk, some breached. It never runs ahead of real time.
 */
export interface DemoClock {
  readonly now: () => Date;
  /** Sets the clock back to `at` (or forward; never past real time). */
  set(at: Date): void;
  /** Moves the clock on by `ms`, stopping at real time. */
  advance(ms: number): void;
  /** From now on the clock is real time. */
  release(): void;
}

export function createDemoClock(realNow: () => Date = () => new Date()): DemoClock {
  let at: number | null = null;
  const capped = (ms: number) => Math.min(ms, realNow().getTime());
  return {
    now: () => (at === null ? realNow() : new Date(capped(at))),
    set(to) {
      at = capped(to.getTime());
    },
    advance(ms) {
      if (at !== null) at = capped(at + ms);
    },
    release() {
      at = null;
    },
  };
}
