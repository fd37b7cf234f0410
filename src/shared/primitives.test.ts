import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { idParamSchema, isCalendarDate, isoTimestamp, textSchema, timestampSchema } from './primitives.js';

describe('primitives', () => {
  it('ids fit int4', () => {
    expect(idParamSchema.safeParse('2147483647').success).toBe(true);
    expect(idParamSchema.safeParse('2147483648').success).toBe(false);
    expect(idParamSchema.safeParse('0').success).toBe(false);
  });
  it('dates exist on the calendar', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-02-30')).toBe(false);
  });
  it('text refuses NUL and lone surrogates but keeps pairs', () => {
    expect(textSchema.safeParse('烟\u0000').success).toBe(false);
    expect(textSchema.safeParse('a\ud800b').success).toBe(false);
    expect(textSchema.safeParse('表情 😀').success).toBe(true);
  });
  it('timestamps travel as ISO whether the database gave a Date or PostgreSQL text', () => {
    const iso = '2026-12-02T16:54:41.389Z';
    expect(isoTimestamp(new Date(iso))).toBe(iso);
    expect(isoTimestamp('2026-12-02 16:54:41.389+00')).toBe(iso);
    expect(isoTimestamp('2026-12-03 00:54:41.389+08')).toBe(iso);
    expect(isoTimestamp('2026-12-03 00:24:41.389+0730')).toBe('2026-12-02T16:54:41.389Z');
    expect(isoTimestamp(iso)).toBe(iso);
    expect(z.encode(z.object({ at: timestampSchema.nullable() }), { at: new Date(iso) })).toEqual({ at: iso });
  });
});
