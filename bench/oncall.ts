/**
 * "Who is on call at t" at scale: one schedule of 50 layers and 10,000 overrides.
 *
 *   npm run bench:oncall                  # BENCH_LOOKUPS=20000 for a quicker run
 *
 * The layers mix hour, day and week turns, six zones (three with DST), office-hours, overnight
 * and weekend restrictions and holidays, with 500 spans of time off in 2026. The 10,000
 * overrides, 30 minutes to 4 hours each and some overlapping, are a decade's worth (2021–2030),
 * as a schedule accumulates them; crammed into one year they would cover nearly all of it and
 * the lookups would never reach the layers. It times, in the same run:
 * - a binary search over the 10,000 override starts, sorted (baseline): the least any lookup
 *   that honours overrides must do, so the ratio is what the 50 layers cost on top;
 * - onCallAt at 200,000 random instants of 2026, after a warm-up pass has built the layers'
 *   local days and handoffs (a compiled schedule is reused, as the service will);
 * - the same where every lookup walks all 50 layers (restrictions that almost never apply);
 * - for scale, a lookup that scans every override, as onCallAt must not (on fewer instants);
 * - finalShifts for the whole year, cold (compile included, every zone lookup paid) and warm.
 * Each figure is the median of three passes; the machine is shared, so only ratios travel.
 * The checksums keep the work from being optimised away, and onCallAt is checked against the
 * year's final shifts at 10,000 of the instants.
 */
import os from 'node:os';
import {
  type CompiledSchedule,
  compileSchedule,
  finalShifts,
  type Layer,
  type Override,
  onCallAt,
  type Restriction,
  type ScheduleSpec,
  type TimeOff,
} from '../src/domain/oncall/schedule.ts';

const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 200_000);
const SCANNED_LOOKUPS = 2_000;
const PASSES = 3;
const YEAR_START = Date.UTC(2026, 0, 1);
const YEAR_END = Date.UTC(2027, 0, 1);
const HOUR_MS = 3_600_000;

// A fixed seed (mulberry32): every run builds the same schedule and asks the same questions.
let seed = 7;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const person = () => `user-${Math.floor(random() * 200)}`;
const instantIn2026 = () => YEAR_START + Math.floor(random() * (YEAR_END - YEAR_START));
const instantInDecade = () => Date.UTC(2021, 0, 1) + Math.floor(random() * 10 * 365.25 * 24 * HOUR_MS);

const ZONES = ['America/New_York', 'Europe/London', 'Asia/Manila', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'];
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const RESTRICTIONS: readonly (readonly Restriction[] | undefined)[] = [
  [{ days: WEEKDAYS, from: '09:00', to: '17:00' }],
  [{ days: WEEKDAYS, from: '17:00', to: '09:00' }],
  [
    { days: ['fri', 'sat', 'sun'], from: '17:00', to: '09:00' },
    { days: ['sat', 'sun'], from: '09:00', to: '17:00' },
  ],
  [
    { days: WEEKDAYS, from: '08:00', to: '12:00' },
    { days: WEEKDAYS, from: '13:00', to: '18:00' },
  ],
  [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '22:00', to: '06:00' }],
];
const TURNS: readonly Layer['turn'][] = [
  { unit: 'hours', length: 8 },
  { unit: 'hours', length: 12 },
  { unit: 'days', length: 1 },
  { unit: 'days', length: 2 },
  { unit: 'weeks', length: 1 },
  { unit: 'weeks', length: 2 },
];

function makeSpec(): ScheduleSpec {
  const layers: Layer[] = Array.from({ length: 50 }, (_, i) => ({
    name: `layer-${i}`,
    timeZone: ZONES[i % ZONES.length],
    start: `2025-12-${String(1 + (i % 28)).padStart(2, '0')}T${pick(['00:00', '08:00', '09:00', '17:00'])}`,
    turn: TURNS[i % TURNS.length]!,
    users: Array.from({ length: 2 + Math.floor(random() * 7) }, person),
    // The bottom two layers are round the clock, so the schedule has few gaps.
    restrictions: i < 2 ? undefined : RESTRICTIONS[i % RESTRICTIONS.length],
    offOnHolidays: i % 3 === 0,
  }));
  const overrides: Override[] = Array.from({ length: 10_000 }, () => {
    const start = instantInDecade();
    return {
      userId: person(),
      start: new Date(start),
      end: new Date(start + (0.5 + random() * 3.5) * HOUR_MS),
    };
  });
  const timeOff: TimeOff[] = Array.from({ length: 500 }, () => {
    const start = instantIn2026();
    return {
      userId: person(),
      start: new Date(start),
      end: new Date(start + (1 + random() * 9) * 24 * HOUR_MS),
    };
  });
  const holidays = [
    '2026-01-01',
    '2026-01-19',
    '2026-05-25',
    '2026-07-03',
    '2026-09-07',
    '2026-11-26',
    '2026-12-25',
  ];
  return { timeZone: 'UTC', layers, overrides, timeOff, holidays };
}

const spec = makeSpec();
// The worst case for the walk: every restricted layer is on only one early-Sunday hour, so
// nearly every lookup outside an override asks all 50 layers before the bottom one answers.
const deepSpec: ScheduleSpec = {
  ...spec,
  layers: spec.layers.map((layer) =>
    layer.restrictions ? { ...layer, restrictions: [{ days: ['sun'], from: '03:00', to: '04:00' }] } : layer,
  ),
};
const instants = Float64Array.from({ length: LOOKUPS }, instantIn2026);
const overrideStarts = Float64Array.from(spec.overrides, (o) => o.start.getTime()).sort();

function baseline(count: number): number {
  let checksum = 0;
  for (let i = 0; i < count; i++) {
    const t = instants[i]!;
    let lo = 0;
    let hi = overrideStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (overrideStarts[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    checksum += lo;
  }
  return checksum;
}

function lookUp(schedule: CompiledSchedule, count: number): number {
  let checksum = 0;
  for (let i = 0; i < count; i++) checksum += onCallAt(schedule, new Date(instants[i]!))[0]?.length ?? 0;
  return checksum;
}

function scanEveryOverride(count: number): number {
  let checksum = 0;
  for (let i = 0; i < count; i++) {
    const t = instants[i]!;
    let latest = -Infinity;
    for (const o of spec.overrides) {
      const start = o.start.getTime();
      if (start <= t && t < o.end.getTime() && start >= latest) latest = start;
    }
    checksum += latest > 0 ? 1 : 0;
  }
  return checksum;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const timed = (run: () => number) => {
  const t0 = performance.now();
  const checksum = run();
  return { ms: performance.now() - t0, checksum };
};

let started = performance.now();
const schedule = compileSchedule(spec);
const deep = compileSchedule(deepSpec);
console.log(
  `Compiled 50 layers, 10,000 overrides, 500 time off in ${(performance.now() - started).toFixed(1)} ms`,
);
started = performance.now();
lookUp(schedule, LOOKUPS);
lookUp(deep, LOOKUPS);
baseline(LOOKUPS);
console.log(
  `  warm-up (builds each layer's days and handoffs for 2026) in ${(performance.now() - started).toFixed(0)} ms`,
);

const lookups: [string, number, () => number][] = [
  ['binary search, 10,000 starts (baseline)', LOOKUPS, () => baseline(LOOKUPS)],
  ['onCallAt, 50 layers + 10,000 overrides', LOOKUPS, () => lookUp(schedule, LOOKUPS)],
  ['onCallAt, worst case: walks all 50 layers', LOOKUPS, () => lookUp(deep, LOOKUPS)],
  ['scan of every override (what to avoid)', SCANNED_LOOKUPS, () => scanEveryOverride(SCANNED_LOOKUPS)],
];
const year: [string, () => number][] = [
  [
    'finalShifts for 2026, cold (compile included)',
    () => finalShifts(compileSchedule(spec), ...yearRange()).length,
  ],
  ['finalShifts for 2026, warm', () => finalShifts(schedule, ...yearRange()).length],
];
function yearRange(): [Date, Date] {
  return [new Date(YEAR_START), new Date(YEAR_END)];
}

const lookupTimes = lookups.map(([, count, run]) => {
  const passes = Array.from({ length: PASSES }, () => timed(run));
  return { ns: (median(passes.map((p) => p.ms)) * 1e6) / count, checksum: passes[0]!.checksum };
});
const yearTimes = year.map(([, run]) => {
  const passes = Array.from({ length: PASSES }, () => timed(run));
  return { ms: median(passes.map((p) => p.ms)), shifts: passes[0]!.checksum };
});

console.log(
  `\nTandem on-call lookups, ${LOOKUPS.toLocaleString('en')} instants in 2026, median of ${PASSES} passes (Node ${process.version}, ${os.cpus().length} cores)`,
);
const base = lookupTimes[0]!.ns;
lookups.forEach(([name, count], i) => {
  const { ns, checksum } = lookupTimes[i]!;
  const ratio = i === 0 ? '' : `${(ns / base).toFixed(1).padStart(8)}× baseline`;
  const note = count === LOOKUPS ? '' : ` (${count.toLocaleString('en')} instants)`;
  console.log(
    `${name.padEnd(44)} ${ns.toFixed(0).padStart(9)} ns/lookup${ratio.padEnd(20)}  checksum ${checksum}${note}`,
  );
});
year.forEach(([name], i) => {
  const { ms, shifts } = yearTimes[i]!;
  console.log(
    `${name.padEnd(44)} ${ms.toFixed(0).padStart(9)} ms         ${String(shifts).padStart(7)} shifts`,
  );
});

// The two answers come from the same parts; a disagreement here would be a bug, not noise.
const shifts = finalShifts(schedule, ...yearRange());
const shiftStarts = shifts.map((s) => s.start.getTime());
let disagreements = 0;
let gapHours = YEAR_END - YEAR_START;
for (const s of shifts) gapHours -= s.end.getTime() - s.start.getTime();
for (let i = 0; i < Math.min(LOOKUPS, 10_000); i++) {
  const t = instants[i]!;
  let lo = 0;
  let hi = shiftStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (shiftStarts[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  const shift = shifts[lo - 1];
  const expected = shift && t < shift.end.getTime() ? shift.userId : undefined;
  if (onCallAt(schedule, new Date(t))[0] !== expected) disagreements += 1;
}
// How much of the work is the layer walk: the share of lookups an override answers, and how
// many layers the rest consult from the top before one has someone.
let overridden = 0;
let consulted = 0;
for (let i = 0; i < Math.min(LOOKUPS, 10_000); i++) {
  const t = instants[i]!;
  if (schedule.overrides.userAt(t) !== undefined) {
    overridden += 1;
    continue;
  }
  let layer = schedule.layers.length - 1;
  while (layer >= 0 && schedule.layers[layer]!.userAt(t) === undefined) layer -= 1;
  consulted += schedule.layers.length - Math.max(layer, 0);
}
const sampled = Math.min(LOOKUPS, 10_000);
console.log(
  `  ${((100 * overridden) / sampled).toFixed(0)}% of lookups fall in an override; the others consult ${(consulted / (sampled - overridden)).toFixed(1)} layers on average`,
);
console.log(
  `  onCallAt vs finalShifts at 10,000 instants: ${disagreements} disagreements; ${(gapHours / HOUR_MS).toFixed(1)} h of 2026 with nobody on call`,
);
