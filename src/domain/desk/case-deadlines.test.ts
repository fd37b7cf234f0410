import { describe, expect, it } from 'vitest';
import { makeWorkingCalendar, workingMinutesBetween } from '../calendar/working-time.js';
import { caseDeadline, checkDeskPolicy, deadlineRuleFor, DEFAULT_DESK_POLICY } from './case-deadlines.js';

const cal = makeWorkingCalendar({ periods: DEFAULT_DESK_POLICY.periods });
const rules = DEFAULT_DESK_POLICY;
const clock = (openedAt: Date) => ({ openedAt, firstContactAt: null, repliedAt: null, closedAt: null, pauses: [], waiting: false });

describe('case deadlines', () => {
  it('picks the most specific rule', () => {
    expect(deadlineRuleFor(rules, 'counterfeit', 'key').firstContactMinutes).toBe(10);
    expect(deadlineRuleFor(rules, 'price', 'key').firstContactMinutes).toBe(240);
    expect(deadlineRuleFor(rules, 'price', 'normal').firstContactMinutes).toBe(450);
  });

  it('counts working minutes only, and warns at 75 %', () => {
    // Tuesday 2026-11-24 16:30 Shanghai: one working hour left that day.
    const opened = new Date('2026-11-24T08:30:00Z');
    const d = caseDeadline(cal, rules, deadlineRuleFor(rules, 'supply', 'normal'), clock(opened));
    expect(d.milestone).toBe('first_contact');
    expect(workingMinutesBetween(cal, opened, d.dueAt!)).toBe(240);
    expect(workingMinutesBetween(cal, opened, d.warnAt!)).toBe(180);
    // 60 minutes on Tuesday, then 180 on Wednesday morning: 11:30 local.
    expect(d.dueAt!.toISOString()).toBe('2026-11-25T03:30:00.000Z');
  });

  it('stops the clock while waiting and moves the deadline by the pause', () => {
    const opened = new Date('2026-11-24T01:00:00Z');
    const rule = deadlineRuleFor(rules, 'price', 'normal');
    const waiting = caseDeadline(cal, rules, rule, { ...clock(opened), waiting: true });
    expect(waiting.dueAt).toBeNull();
    const paused = caseDeadline(cal, rules, rule, { ...clock(opened), pauses: [{ from: new Date('2026-11-24T02:00:00Z'), to: new Date('2026-11-24T03:00:00Z') }] });
    const plain = caseDeadline(cal, rules, rule, clock(opened));
    expect(workingMinutesBetween(cal, plain.dueAt!, paused.dueAt!)).toBe(60);
  });

  it('refuses overlapping hours and negative times', () => {
    const bad = { ...rules, periods: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '14:00' }], deadlines: [{ category: '*', segment: '*' as const, firstContactMinutes: -5, replyMinutes: 10, closeMinutes: 20 }] };
    const codes = checkDeskPolicy(bad, () => true).map((e) => e.code);
    expect(codes).toContain('periods_overlap');
    expect(codes).toContain('negative_time');
    expect(checkDeskPolicy(rules, () => true)).toEqual([]);
  });
});
