const MINUTE = 60_000;
/** Re-triggers after a resolve within the window that make a key flap. */
export const FLAP_REOPENINGS = 3;
export const FLAP_WINDOW_MINUTES = 30;

/** An earlier alert of the same (integration, dedup key), newest first in the history. */
export interface PastAlert {
  readonly firstAt: Date;
  readonly lastAt: Date;
  readonly flapping: boolean;
  readonly incidentId: string | null;
}

/**
 * Whether a new alert of a key is flapping: the key resolved and re-triggered at least three
 * times within 30 minutes (this alert included), or it was already flapping and has not been
 * quiet for 30 minutes since. A flapping alert is recorded but pages nobody: it joins the
 * key's latest incident instead of opening one.
 */
export function isFlapping(history: readonly PastAlert[], now: Date): boolean {
  const latest = history[0];
  if (!latest) return false;
  const windowStart = now.getTime() - FLAP_WINDOW_MINUTES * MINUTE;
  if (latest.flapping && latest.lastAt.getTime() > windowStart) return true;
  // Every alert but the key's first re-triggered after a resolve; the new alert is one too.
  const reopenings = history.filter(
    (a, i) => i < history.length - 1 && a.firstAt.getTime() > windowStart,
  ).length;
  return reopenings + 1 >= FLAP_REOPENINGS;
}

/** How far back the service must read a key's alerts for isFlapping to decide correctly. */
export const FLAP_HISTORY = FLAP_REOPENINGS + 1;
