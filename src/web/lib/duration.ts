/**
 * "2h 14m", "40h", "45m", "<1m": a span of minutes, short, for badges and grids. No days: SLA
 * spans are business time, where a "day" could mean 8 or 24 hours; hours say it plainly.
 */
export function formatMinutes(total: number): string {
  const minutes = Math.max(0, Math.round(total));
  if (minutes < 1) return '<1m';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours > 0) return rest ? `${hours}h ${rest}m` : `${hours}h`;
  return `${rest}m`;
}

/** "2 hours 14 minutes": the same span, spelled out for screen readers. */
export function spellMinutes(total: number): string {
  const minutes = Math.max(0, Math.round(total));
  if (minutes < 1) return 'less than a minute';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (hours) parts.push(plural(hours, 'hour'));
  if (rest) parts.push(plural(rest, 'minute'));
  return parts.join(' ');
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

const UNIT_MINUTES: Record<string, number> = { d: 1440, h: 60, m: 1 };

/**
 * Minutes from "4h", "90m", "2d", "1h 30m" or a bare number of minutes; null when it is none
 * of these. A day is 24 hours of counted time (shown back as "48h"), so "8h" is the way to say
 * one working day of 09:00–17:00.
 */
export function parseMinutes(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '') return null;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const pattern = /(\d+(?:\.\d+)?)\s*([dhm])/g;
  let total = 0;
  let consumed = '';
  for (const match of trimmed.matchAll(pattern)) {
    total += Number(match[1]) * (UNIT_MINUTES[match[2] ?? 'm'] ?? 1);
    consumed += match[0];
  }
  if (consumed.replace(/\s/g, '') !== trimmed.replace(/\s/g, '')) return null;
  return Math.round(total);
}
