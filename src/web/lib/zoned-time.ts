/**
 * Wall-clock times in a named IANA zone, for inputs that are read in a calendar's zone rather
 * than the browser's. Uses Intl only: the offset of a zone at an instant is all it needs.
 */

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(zone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(zone, format);
  }
  return format;
}

/** The zone's wall clock at an instant, as epoch ms of the same reading in UTC. */
function wallAsUtc(epochMs: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const part of partsFormat(zone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
}

/** Whether the browser knows the zone. */
export function isKnownZone(zone: string): boolean {
  try {
    partsFormat(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * "2026-11-27T16:30" read in `zone` → ISO UTC. In a spring-forward gap the wall time does not
 * exist and comes out an hour earlier; in the autumn overlap the earlier of the two is taken.
 */
export function zonedWallToUtc(local: string, zone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match || !isKnownZone(zone)) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes: the offset at the first guess, then at the corrected instant.
  let utc = wall - (wallAsUtc(wall, zone) - wall);
  utc = wall - (wallAsUtc(utc, zone) - utc);
  return new Date(utc).toISOString();
}

/** ISO instant → "2026-11-27T16:30" on the wall clock of `zone`, for datetime-local inputs. */
export function utcToZonedWall(iso: string, zone: string): string {
  const wall = new Date(wallAsUtc(Date.parse(iso), zone));
  return wall.toISOString().slice(0, 16);
}

/** "Friday 16:30" (or "Fri 27 Nov 16:30" with `withDate`) on the wall clock of `zone`. */
export function formatInZone(iso: string, zone: string, withDate = false): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone: zone,
    weekday: withDate ? 'short' : 'long',
    ...(withDate ? { day: 'numeric', month: 'short' } : {}),
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** The next `weekday` (0 = Sunday … 5 = Friday) at hh:mm on the wall clock of `zone`, as datetime-local text. */
export function nextWeekdayAt(weekday: number, hhmm: string, zone: string, now = Date.now()): string {
  const today = new Date(wallAsUtc(now, zone));
  const ahead = (weekday - today.getUTCDay() + 7) % 7 || 7;
  const day = new Date(today.getTime() + ahead * 86_400_000);
  return `${day.toISOString().slice(0, 10)}T${hhmm}`;
}
