// bench:desk, deadline half — 100,000 random deadline computations
// (addWorkingMinutes with pauses, on two business-hour settings, with a 2027
// holiday table entered as overrides since chinese-days ends with 2026)
// checked against a minute-by-minute reference over 2025–2027. The reference
// here walks every minute like working-time-reference.ts but reads a per-day
// minute mask instead of formatting each minute, so 100,000 checks finish in
// seconds; its first 1,000 answers are checked against the plain reference.
// Last line is JSON.
//
//   npx tsx bench/desk-deadlines.ts [-- --checks 100000 --seed 15]
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import {
  DEFAULT_BUSINESS_PERIODS,
  addWorkingMinutes,
  makeWorkingCalendar,
  type BusinessPeriod,
  type CalendarOverride,
  type Interval,
  type WorkingCalendar,
} from '../src/domain/calendar/working-time.js';
import { referenceAddWorkingMinutes } from '../src/domain/calendar/working-time-reference.js';

const MIN = 60_000;
const DAY = 86_400_000;
const OFFSET = 8 * 3_600_000;
const FROM = Date.UTC(2025, 0, 1) - OFFSET;
const TO = Date.UTC(2027, 11, 1) - OFFSET;

/** A plausible 2027 table (test data, not the State Council's): 元旦, 春节 and 国庆 with make-up days. */
export const OVERRIDES_2027: CalendarOverride[] = [
  { date: '2027-01-01', workday: false, name: '元旦' },
  ...['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'].map((date) => ({ date, workday: false, name: '春节' })),
  { date: '2027-02-14', workday: true, name: '春节调休' },
  { date: '2027-02-20', workday: true, name: '春节调休' },
  ...['2027-10-01', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'].map((date) => ({ date, workday: false, name: '国庆节' })),
  { date: '2027-09-26', workday: true, name: '国庆调休' },
  { date: '2027-10-09', workday: true, name: '国庆调休' },
  // A local correction inside chinese-days' range: a county holiday on a weekday.
  { date: '2025-06-03', workday: false, name: '县庆' },
];

const THREE_PERIODS: BusinessPeriod[] = [
  { start: '08:00', end: '11:30' },
  { start: '13:00', end: '17:00' },
  { start: '18:30', end: '20:00' },
];

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Minute by minute, with a per-day mask of working minutes built from the period text. */
function minuteReference(cal: WorkingCalendar) {
  const mask = new Uint8Array(1440);
  for (let m = 0; m < 1440; m++) {
    const hhmm = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    mask[m] = cal.periods.some((p) => p.start <= hhmm && hhmm < p.end) ? 1 : 0;
  }
  const workday = new Map<number, boolean>();
  const isWork = (dayIdx: number) => {
    let w = workday.get(dayIdx);
    if (w === undefined) {
      w = cal.isWorkday(new Date(dayIdx * DAY).toISOString().slice(0, 10));
      workday.set(dayIdx, w);
    }
    return w;
  };
  return (start: Date, minutes: number, pauses: Interval[]): Date => {
    if (minutes === 0) return start;
    const ps = pauses.map((p) => [p.from.getTime(), p.to.getTime()] as const);
    let t = start.getTime();
    let worked = 0;
    for (;;) {
      const local = t + OFFSET;
      const dayIdx = Math.floor(local / DAY);
      const m = Math.floor((local - dayIdx * DAY) / MIN);
      if (mask[m] && isWork(dayIdx) && !ps.some(([a, b]) => a <= t && t + MIN <= b) && ++worked === minutes) return new Date(t + MIN);
      t += MIN;
    }
  };
}

export type DeadlineBenchResult = { deadline_checks: number; deadline_mismatches: number; deadline_us_per_call: number; reference_cross_checks: number };

export function runDeadlineBench(checks = 100_000, seed = 15): DeadlineBenchResult {
  const rand = mulberry32(seed);
  const cals = [
    makeWorkingCalendar({ periods: [...DEFAULT_BUSINESS_PERIODS], overrides: OVERRIDES_2027 }),
    makeWorkingCalendar({ periods: THREE_PERIODS, overrides: OVERRIDES_2027 }),
  ];
  const refs = cals.map(minuteReference);
  // First contact in hours, replies in a day or two, closing up to five working days.
  const durations = [60, 120, 240, 450, 480, 900, 1350, 2250];
  const cases = Array.from({ length: checks }, () => {
    const c = rand() < 0.5 ? 0 : 1;
    const start = new Date(FROM + Math.floor(rand() * ((TO - FROM) / MIN)) * MIN);
    const minutes = rand() < 0.2 ? Math.floor(rand() * 3000) : durations[Math.floor(rand() * durations.length)];
    const pauses: Interval[] = [];
    const n = rand() < 0.6 ? 0 : 1 + Math.floor(rand() * 2);
    for (let i = 0; i < n; i++) {
      const from = start.getTime() + Math.floor(rand() * 4 * 1440) * MIN;
      pauses.push({ from: new Date(from), to: new Date(from + Math.floor(rand() * 2 * 1440) * MIN) });
    }
    return { c, start, minutes, pauses };
  });

  // Time the function alone.
  const results = new Array<number>(checks);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < checks; i++) {
    const k = cases[i];
    results[i] = addWorkingMinutes(cals[k.c], k.start, k.minutes, k.pauses).getTime();
  }
  const us = Number(process.hrtime.bigint() - t0) / 1000 / checks;

  let mismatches = 0;
  let cross = 0;
  for (let i = 0; i < checks; i++) {
    const k = cases[i];
    const expected = refs[k.c](k.start, k.minutes, k.pauses).getTime();
    if (i < 1000) {
      cross++;
      const plain = referenceAddWorkingMinutes(cals[k.c], k.start, k.minutes, k.pauses).getTime();
      if (plain !== expected) throw new Error(`the two references disagree on case ${i}`);
    }
    if (expected !== results[i]) {
      mismatches++;
      if (mismatches <= 5) console.error('mismatch', { ...k, got: new Date(results[i]).toISOString(), expected: new Date(expected).toISOString() });
    }
  }
  return { deadline_checks: checks, deadline_mismatches: mismatches, deadline_us_per_call: Math.round(us * 100) / 100, reference_cross_checks: cross };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { checks: { type: 'string', default: '100000' }, seed: { type: 'string', default: '15' } } });
  const t = Date.now();
  const r = runDeadlineBench(Number(values.checks), Number(values.seed));
  console.log(`deadline checks ${r.deadline_checks}, mismatches ${r.deadline_mismatches}, ${r.deadline_us_per_call} µs per call, ${((Date.now() - t) / 1000).toFixed(1)} s in all`);
  console.log(JSON.stringify(r));
}
