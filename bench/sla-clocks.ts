/**
 * SLA clock evaluation at scale: one reading of each of 1,000,000 stored clock rows.
 *
 *   npm run bench:sla                     # BENCH_CLOCKS=100000 for a quicker run
 *
 * Builds the rows in memory as the database hands them over (ISO text instants, a mix of running
 * and paused clocks started within the last 30 days, targets of 60–2880 minutes), then times, over
 * the same rows in the same run: a plain loop doing the least per-row work (parse the instants and
 * subtract: wall-clock elapsed), readClock on a 9–17 Monday–Friday New York calendar with
 * holidays (compiled once), and readClock on 24/7. Each figure is the median of three passes
 * after a warm-up; the machine is shared, so only ratios travel. The checksums keep the work from
 * being optimised away, and the baseline and 24/7 elapsed sums must agree.
 */
import os from 'node:os';
import {
  type BusinessCalendar,
  compileCalendar,
  TWENTY_FOUR_SEVEN,
} from '../src/domain/calendars/calendar.ts';
import { type Clock, readClock } from '../src/domain/sla/clock.ts';
import type { SlaClockRow } from '../src/modules/sla/tables.ts';

const CLOCKS = Number(process.env.BENCH_CLOCKS ?? 1_000_000);
const PASSES = 3;
// A fixed "now", ten days after the spring DST change, so the rows' 30 days straddle it.
const NOW = new Date('2025-03-20T14:00:00Z');
const DAY_MS = 86_400_000;

// A fixed seed (mulberry32): every run reads the same clocks.
let seed = 42;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
}
const KINDS = ['first_response', 'resolution', 'update', 'info_request_response'] as const;

function makeRows(count: number): SlaClockRow[] {
  const rows: SlaClockRow[] = new Array(count);
  const updatedAt = NOW.toISOString();
  for (let i = 0; i < count; i++) {
    const started = NOW.getTime() - Math.floor(random() * 30 * DAY_MS);
    const running = random() < 0.7;
    const targetMinutes = 60 + Math.floor(random() * (2880 - 60 + 1));
    // The open segment began somewhere between the start and now; the closed ones used up to
    // one and a half targets' worth, so some clocks are breached already.
    const since = started + Math.floor(random() * (NOW.getTime() - started));
    const elapsed = Math.floor(random() * Math.min(since - started, targetMinutes * 90_000));
    rows[i] = {
      engagement_id: 'engagement',
      id: `clock-${i}`,
      ticket_id: `ticket-${i}`,
      party: random() < 0.6 ? 'provider' : 'internal',
      kind: KINDS[i % KINDS.length]!,
      calendar_id: 'calendar',
      target_minutes: targetMinutes,
      warn_percent: 75,
      state: running ? 'running' : 'paused',
      outcome: null,
      started_at: new Date(started).toISOString(),
      running_since: running ? new Date(since).toISOString() : null,
      elapsed_ms: elapsed,
      due_at: null,
      warned_at: null,
      breached_at: null,
      stopped_at: null,
      updated_at: updatedAt,
    };
  }
  return rows;
}

/** The row as the SLA service maps it to a domain clock. */
function toClock(row: SlaClockRow): Clock {
  return {
    targetMinutes: row.target_minutes,
    warnPercent: row.warn_percent,
    startedAt: new Date(row.started_at),
    runningSince: row.running_since === null ? null : new Date(row.running_since),
    elapsedMs: row.elapsed_ms,
    stoppedAt: row.stopped_at === null ? null : new Date(row.stopped_at),
    outcome: row.outcome,
  };
}

interface Pass {
  /** Sum of elapsed time, in hours. */
  elapsedHours: number;
  /** Breached clocks plus due instants, folded. */
  checksum: number;
}

function baseline(rows: readonly SlaClockRow[], count: number): Pass {
  const now = NOW.getTime();
  let elapsedMs = 0;
  let checksum = 0;
  for (let i = 0; i < count; i++) {
    const row = rows[i]!;
    const started = Date.parse(row.started_at);
    const since = row.running_since === null ? now : Date.parse(row.running_since);
    const elapsed = row.elapsed_ms + (now - since);
    elapsedMs += elapsed;
    checksum += (elapsed >= row.target_minutes * 60_000 ? 1 : 0) + ((now - started) % 1024);
  }
  return { elapsedHours: elapsedMs / 3_600_000, checksum };
}

function readAll(calendar: BusinessCalendar, rows: readonly SlaClockRow[], count: number): Pass {
  let elapsedMs = 0;
  let checksum = 0;
  for (let i = 0; i < count; i++) {
    const reading = readClock(toClock(rows[i]!), calendar, NOW);
    elapsedMs += reading.elapsedMs;
    checksum += (reading.breached ? 1 : 0) + (reading.dueAt ? reading.dueAt.getTime() % 1024 : 0);
  }
  return { elapsedHours: elapsedMs / 3_600_000, checksum };
}

const weekdays: readonly (readonly [string, string])[] = [['09:00', '17:00']];
const office = compileCalendar({
  timeZone: 'America/New_York',
  hours: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays, sat: [], sun: [] },
  holidays: ['2025-01-01', '2025-01-20', '2025-02-17', '2025-05-26', '2025-07-04', '2025-12-25'],
});
const always = compileCalendar(TWENTY_FOUR_SEVEN);
const cases: [string, (count: number) => Pass][] = [
  ['plain loop: parse + subtract (baseline)', (n) => baseline(rows, n)],
  ['readClock, 9–17 Mon–Fri New York', (n) => readAll(office, rows, n)],
  ['readClock, 24/7', (n) => readAll(always, rows, n)],
];

let started = performance.now();
const rows = makeRows(CLOCKS);
const running = rows.filter((r) => r.running_since !== null).length;
console.log(
  `Made ${CLOCKS.toLocaleString('en')} clock rows (${running.toLocaleString('en')} running) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

started = performance.now();
for (const [, run] of cases) run(Math.min(CLOCKS, 100_000));
console.log(`  warm-up in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const timings = cases.map((): number[] => []);
const results: Pass[] = [];
for (let pass = 0; pass < PASSES; pass++) {
  cases.forEach(([, run], c) => {
    const t0 = performance.now();
    results[c] = run(CLOCKS);
    timings[c]!.push(((performance.now() - t0) * 1e6) / CLOCKS);
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(
  `\nTandem SLA clock readings, ${CLOCKS.toLocaleString('en')} clocks, median of ${PASSES} passes (Node ${process.version}, ${os.cpus().length} cores)`,
);
const base = median(timings[0]!);
cases.forEach(([name], c) => {
  const ns = median(timings[c]!);
  const ratio = c === 0 ? '' : `  ${(ns / base).toFixed(1).padStart(6)}× baseline`;
  const { elapsedHours, checksum } = results[c]!;
  console.log(
    `${name.padEnd(42)} ${ns.toFixed(0).padStart(6)} ns/ticket${ratio.padEnd(20)}  elapsed ${Math.round(elapsedHours).toLocaleString('en')} h, checksum ${checksum}`,
  );
});
if (Math.round(results[0]!.elapsedHours * 1000) !== Math.round(results[2]!.elapsedHours * 1000)) {
  console.log('  (!) the baseline and 24/7 elapsed sums differ');
}
