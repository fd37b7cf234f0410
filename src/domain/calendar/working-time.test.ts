import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statutoryDay } from './statutory-days.js';
import {
  DEFAULT_BUSINESS_PERIODS,
  addWorkingDays,
  addWorkingMinutes,
  checkOverrides,
  checkPeriods,
  makeWorkingCalendar,
  workingDaysBetween,
  workingMinutesBetween,
  type BusinessPeriod,
  type CalendarOverride,
  type Interval,
} from './working-time.js';
import { referenceAddWorkingMinutes, referenceWorkingMinutesBetween } from './working-time-reference.js';

/** Shanghai local time → Date. */
const sh = (s: string) => new Date(`${s}+08:00`);
const iso = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const cal = makeWorkingCalendar({ periods: [...DEFAULT_BUSINESS_PERIODS] });

describe('statutory days (chinese-days)', () => {
  it('reads the same day in a time zone west of UTC', () => {
    const tz = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      // Uncached dates: a Saturday, a make-up Sunday, a holiday.
      expect(statutoryDay('2024-03-02')).toMatchObject({ workday: false, kind: 'weekend' });
      expect(statutoryDay('2024-02-04')).toMatchObject({ workday: true, kind: 'makeup', nameZh: '春节' });
      expect(statutoryDay('2024-10-01')).toMatchObject({ workday: false, kind: 'holiday', nameZh: '国庆节' });
    } finally {
      process.env.TZ = tz;
    }
  });

  it('knows 国庆 2025 with its make-up Sunday and Saturday', () => {
    for (let d = 1; d <= 8; d++) expect(cal.isWorkday(`2025-10-0${d}`)).toBe(false);
    expect(statutoryDay('2025-09-28')).toMatchObject({ workday: true, kind: 'makeup', nameEn: 'National Day' });
    expect(cal.isWorkday('2025-10-11')).toBe(true); // Saturday, make-up
    expect(cal.isWorkday('2025-10-12')).toBe(false);
  });

  it('knows 春节 2025 and 2026 with their make-up days', () => {
    expect(cal.isWorkday('2025-01-26')).toBe(true); // Sunday, make-up
    for (const d of ['2025-01-28', '2025-01-31', '2025-02-04']) expect(cal.isWorkday(d)).toBe(false);
    expect(cal.isWorkday('2025-02-08')).toBe(true); // Saturday, make-up
    expect(cal.isWorkday('2026-02-14')).toBe(true);
    for (const d of ['2026-02-15', '2026-02-20', '2026-02-23']) expect(cal.isWorkday(d)).toBe(false);
    expect(cal.isWorkday('2026-02-28')).toBe(true);
    expect(statutoryDay('2026-09-20')).toMatchObject({ kind: 'makeup' }); // Sunday before 国庆 2026
  });

  it('falls back to Monday–Friday after its data ends', () => {
    expect(statutoryDay('2027-02-06')).toMatchObject({ workday: false, kind: 'weekend', nameZh: null });
    expect(statutoryDay('2027-02-08')).toMatchObject({ workday: true, kind: 'workday' });
  });
});

describe('addWorkingMinutes', () => {
  it('skips lunch, evenings and 国庆 2025', () => {
    expect(iso(addWorkingMinutes(cal, sh('2025-09-30T11:30'), 60))).toBe('2025-09-30 14:00');
    expect(iso(addWorkingMinutes(cal, sh('2025-09-30T16:30'), 120))).toBe('2025-10-09 09:30');
    expect(iso(addWorkingMinutes(cal, sh('2025-09-30T20:00'), 1))).toBe('2025-10-09 08:31');
  });

  it('works on the make-up Sunday before 国庆', () => {
    expect(iso(addWorkingMinutes(cal, sh('2025-09-27T10:00'), 60))).toBe('2025-09-28 09:30');
  });

  it('ends at the end of a period when the time fills it exactly', () => {
    expect(iso(addWorkingMinutes(cal, sh('2025-06-03T08:30'), 210))).toBe('2025-06-03 12:00');
    expect(iso(addWorkingMinutes(cal, sh('2025-06-03T07:00'), 0))).toBe('2025-06-03 07:00');
  });

  it('stops the clock while waiting for the retailer', () => {
    const pauses: Interval[] = [{ from: sh('2025-06-03T09:00'), to: sh('2025-06-04T09:00') }];
    // 30 min before the pause, then from 09:00 the next day.
    expect(iso(addWorkingMinutes(cal, sh('2025-06-03T08:30'), 60, pauses))).toBe('2025-06-04 09:30');
    expect(workingMinutesBetween(cal, sh('2025-06-03T08:30'), sh('2025-06-04T09:30'), pauses)).toBe(60);
  });

  it('refuses negative minutes', () => {
    expect(() => addWorkingMinutes(cal, sh('2025-06-03T08:30'), -1)).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('counts working days after the start day and ends at closing', () => {
    expect(iso(addWorkingDays(cal, sh('2025-06-02T10:00'), 2))).toBe('2025-06-04 17:30'); // Mon → Wed
    expect(iso(addWorkingDays(cal, sh('2025-06-07T10:00'), 2))).toBe('2025-06-10 17:30'); // Sat → Tue
    expect(iso(addWorkingDays(cal, sh('2025-06-07T10:00'), 0))).toBe('2025-06-09 17:30');
  });

  it('crosses 春节 2026 using its make-up Saturdays', () => {
    // Fri 02-13 → Sat 02-14 (make-up) → holidays to 02-23 → Tue 02-24.
    expect(iso(addWorkingDays(cal, sh('2026-02-13T09:00'), 2))).toBe('2026-02-24 17:30');
    expect(workingDaysBetween(cal, sh('2026-02-13T09:00'), sh('2026-02-24T09:00'))).toBe(2);
  });

  it('uses overrides for 2027', () => {
    const c = makeWorkingCalendar({
      periods: [...DEFAULT_BUSINESS_PERIODS],
      overrides: [
        { date: '2027-02-08', workday: false, name: '春节' },
        { date: '2027-02-09', workday: false, name: '春节' },
        { date: '2027-02-07', workday: true, name: '春节调休' },
      ],
    });
    // Fri 02-05 → Sun 02-07 (make-up) → Wed 02-10.
    expect(iso(addWorkingDays(c, sh('2027-02-05T09:00'), 2))).toBe('2027-02-10 17:30');
  });
});

describe('checks', () => {
  it('finds bad, empty, negative and overlapping periods', () => {
    const codes = (p: BusinessPeriod[]) => checkPeriods(p).map((x) => x.code);
    expect(codes([...DEFAULT_BUSINESS_PERIODS])).toEqual([]);
    expect(codes([])).toEqual(['calendar_periods_none']);
    expect(codes([{ start: '8:30', end: '12:00' }])).toEqual(['calendar_period_bad_format']);
    expect(codes([{ start: '12:00', end: '12:00' }])).toEqual(['calendar_period_not_positive']);
    expect(codes([{ start: '13:00', end: '09:00' }])).toEqual(['calendar_period_not_positive']);
    expect(codes([{ start: '08:30', end: '12:00' }, { start: '11:30', end: '17:30' }])).toEqual([
      'calendar_periods_overlap',
    ]);
    expect(codes([{ start: '08:30', end: '12:00' }, { start: '12:00', end: '24:00' }])).toEqual([]);
  });

  it('refuses a make-up day on a statutory holiday, duplicates and bad dates', () => {
    const codes = (o: CalendarOverride[]) => checkOverrides(o).map((x) => x.code);
    expect(codes([{ date: '2027-02-07', workday: true }])).toEqual([]);
    expect(codes([{ date: '2025-10-03', workday: true }])).toEqual(['calendar_override_makeup_on_holiday']);
    expect(checkOverrides([{ date: '2025-10-03', workday: true }])[0].messageZh).toContain('国庆节');
    expect(codes([{ date: '2025-10-03', workday: false }])).toEqual([]); // harmless restatement
    expect(codes([{ date: '2027-02-30', workday: false }])).toEqual(['calendar_override_bad_date']);
    expect(
      codes([
        { date: '2027-01-01', workday: false },
        { date: '2027-01-01', workday: true },
      ]),
    ).toEqual(['calendar_override_duplicate']);
    expect(() => makeWorkingCalendar({ periods: [], overrides: [] })).toThrow();
  });
});

// ---- properties against the minute-by-minute reference ---------------------

const START = Date.UTC(2025, 0, 1) - 8 * 3_600_000;
const END = Date.UTC(2027, 11, 20) - 8 * 3_600_000;
const MIN = 60_000;

const toMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));

/** 1–3 non-overlapping periods on whole minutes. */
const periodsArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 1440 }), { minLength: 2, maxLength: 6 })
  .filter((xs) => xs.length % 2 === 0)
  .map((xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const out: BusinessPeriod[] = [];
    for (let i = 0; i < s.length; i += 2) out.push({ start: hhmm(s[i]), end: hhmm(s[i + 1]) });
    return out;
  })
  // Keeps the minute-by-minute reference quick: at least two hours a day.
  .filter((ps) => ps.reduce((n, p) => n + toMin(p.end) - toMin(p.start), 0) >= 120);

const dayArb = fc.integer({ min: 0, max: (END - START) / 86_400_000 });
const overridesArb = fc
  .array(fc.tuple(dayArb, fc.boolean()), { maxLength: 25 })
  .map((xs) =>
    xs
      .map(([d, workday]): CalendarOverride => ({
        date: new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10),
        workday,
      }))
      .filter((o, i, all) => all.findIndex((x) => x.date === o.date) === i)
      .filter((o) => checkOverrides([o]).length === 0),
  );

const instantArb = fc.integer({ min: 0, max: (END - START) / MIN }).map((m) => START + m * MIN);
const pausesArb = (start: number) =>
  fc
    .array(fc.tuple(fc.integer({ min: -2000, max: 20000 }), fc.integer({ min: 0, max: 3000 })), { maxLength: 3 })
    .map((xs) => xs.map(([off, len]): Interval => ({ from: new Date(start + off * MIN), to: new Date(start + (off + len) * MIN) })));

const caseArb = fc
  .record({ periods: periodsArb, overrides: overridesArb, start: instantArb, minutes: fc.integer({ min: 0, max: 1200 }) })
  .chain((c) => pausesArb(c.start).map((pauses) => ({ ...c, pauses })));

describe('properties against the minute-by-minute reference (2025–2027, overrides, pauses)', () => {
  it('addWorkingMinutes and workingMinutesBetween agree with it', () => {
    fc.assert(
      fc.property(caseArb, ({ periods, overrides, start, minutes, pauses }) => {
        const c = makeWorkingCalendar({ periods, overrides });
        const from = new Date(start);
        const due = addWorkingMinutes(c, from, minutes, pauses);
        expect(due.getTime()).toBe(referenceAddWorkingMinutes(c, from, minutes, pauses).getTime());
        expect(workingMinutesBetween(c, from, due, pauses)).toBe(minutes);
        // A second, unrelated end point: an arbitrary later instant.
        const to = new Date(start + ((minutes * 7919) % 8000) * MIN);
        expect(workingMinutesBetween(c, from, to, pauses)).toBe(referenceWorkingMinutesBetween(c, from, to, pauses));
      }),
      { numRuns: 150, seed: 20261202 },
    );
  });

  it('addWorkingDays lands on the closing time of the Nth working day', () => {
    fc.assert(
      fc.property(periodsArb, overridesArb, instantArb, fc.integer({ min: 1, max: 15 }), (periods, overrides, start, days) => {
        const c = makeWorkingCalendar({ periods, overrides });
        const due = addWorkingDays(c, new Date(start), days);
        const lastMinute = new Date(due.getTime() - MIN); // 24:00 closing is the next day's 00:00
        expect(c.isWorkday(iso(lastMinute).slice(0, 10))).toBe(true);
        expect(workingDaysBetween(c, new Date(start), lastMinute)).toBe(days);
        const close = periods.map((p) => p.end).sort().at(-1)!;
        expect(iso(due).slice(11)).toBe(close === '24:00' ? '00:00' : close);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
