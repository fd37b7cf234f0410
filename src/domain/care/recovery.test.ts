import { describe, expect, it } from 'vitest';
import { addDays, areaCurve, baselineWeeks, curveWeeks, isRecovered, mondayOf, recoveredWeek, recoveryCurve } from './recovery.js';

const weeks = (from: string, qtys: number[]) => qtys.map((qty, i) => ({ week: addDays(from, 7 * i), qty }));

describe('recovery curve', () => {
  it('takes the Monday of the event week and the eight weeks before it', () => {
    expect(mondayOf('2026-09-20')).toBe('2026-09-14'); // a Sunday
    expect(mondayOf('2026-09-14')).toBe('2026-09-14');
    expect(baselineWeeks('2026-09-20')).toEqual(['2026-07-20', '2026-07-27', '2026-08-03', '2026-08-10', '2026-08-17', '2026-08-24', '2026-08-31', '2026-09-07']);
  });

  it('shows only complete weeks from the event week', () => {
    expect(curveWeeks('2026-09-20', '2026-09-27')).toEqual(['2026-09-14']);
    expect(curveWeeks('2026-09-20', '2026-09-28')).toEqual(['2026-09-14', '2026-09-21']);
    expect(curveWeeks('2026-09-20', '2026-09-20')).toEqual([]);
  });

  it('divides each week by the average of the eight before; missing weeks are zero', () => {
    const data = [...weeks('2026-07-20', [10, 10, 10, 10, 10, 10, 10, 10]), ...weeks('2026-09-14', [0, 2, 5]), { week: '2026-10-05', qty: 9 }];
    const c = recoveryCurve(data, '2026-09-20', '2026-10-13');
    expect(c.baseline).toBe(10);
    expect(c.points).toEqual([
      { week: '2026-09-14', share: 0 },
      { week: '2026-09-21', share: 0.2 },
      { week: '2026-09-28', share: 0.5 },
      { week: '2026-10-05', share: 0.9 },
    ]);
    expect(recoveredWeek(c.points, 0.8)).toBe('2026-10-05');
    expect(isRecovered(c.points, 0.8)).toBe(true);
    expect(isRecovered(c.points, 0.95)).toBe(false);
  });

  it('has no share for a shop that never ordered before', () => {
    const c = recoveryCurve(weeks('2026-09-14', [5, 5]), '2026-09-20', '2026-09-29');
    expect(c.baseline).toBe(0);
    expect(c.points.every((p) => p.share === null)).toBe(true);
    expect(isRecovered(c.points, 0.8)).toBe(false);
  });

  it('sums the area over shops with a baseline, so a new shop does not inflate it', () => {
    const a = [...weeks('2026-07-20', [8, 8, 8, 8, 8, 8, 8, 8]), ...weeks('2026-09-14', [2, 8])];
    const b = [...weeks('2026-07-20', [2, 2, 2, 2, 2, 2, 2, 2]), ...weeks('2026-09-14', [0, 0])];
    const fresh = weeks('2026-09-14', [50, 50]);
    const c = areaCurve([a, b, fresh], '2026-09-20', '2026-09-29');
    expect(c.baseline).toBe(10);
    expect(c.points.map((p) => p.share)).toEqual([0.2, 0.8]);
  });

  it('counts recovery from the first week that stays over the level', () => {
    const pts = [0.5, 0.85, 0.7, 0.82, 0.9].map((share, i) => ({ week: addDays('2026-09-14', 7 * i), share }));
    expect(recoveredWeek(pts, 0.8)).toBe('2026-10-05');
  });
});
