import { describe, expect, it } from 'vitest';
import { latestSlot, parseCron, slotKey } from './cron.js';

describe('cron in Asia/Shanghai time', () => {
  it('finds the nightly 02:00 slot as 18:00 UTC of the day before', () => {
    const nightly = parseCron('0 2 * * *');
    const slot = latestSlot(nightly, new Date('2026-12-02T18:20:00Z'), 60);
    expect(slot?.toISOString()).toBe('2026-12-02T18:00:00.000Z');
    expect(slotKey(slot!)).toBe('2026-12-03T02:00+08:00');
  });

  it('gives no slot once the catch-up window has passed, and the same slot to every caller inside it', () => {
    const nightly = parseCron('0 2 * * *');
    expect(latestSlot(nightly, new Date('2026-12-02T19:01:00Z'), 60)).toBeNull();
    const a = latestSlot(nightly, new Date('2026-12-02T18:00:00Z'), 60);
    const b = latestSlot(nightly, new Date('2026-12-02T18:59:59Z'), 60);
    expect(a).toEqual(b);
  });

  it('reads lists, ranges, steps and weekdays (Monday 08:30 Shanghai is Monday 00:30 UTC)', () => {
    const c = parseCron('*/15 8-9 * * 1');
    expect(latestSlot(c, new Date('2026-11-30T00:40:00Z'), 0)).toBeNull();
    expect(latestSlot(c, new Date('2026-11-30T00:45:30Z'), 0)?.toISOString()).toBe('2026-11-30T00:45:00.000Z');
    expect(latestSlot(c, new Date('2026-12-01T00:45:00Z'), 0)).toBeNull(); // Tuesday
  });

  it('refuses what it cannot read', () => {
    expect(() => parseCron('0 2 * *')).toThrow(/5 fields/);
    expect(() => parseCron('61 * * * *')).toThrow(/outside/);
    expect(() => parseCron('a * * * *')).toThrow(/cannot read/);
  });
});
