// A case's deadlines on working time. Every milestone (first contact, reply,
// close) is counted in working minutes from the opening, under the policy
// version the case was opened with; the clock stops while the case waits for
// the retailer. The deadline in force is the next milestone not yet met; it
// warns at the policy's share of its working time and breaches at 100 %, and
// a breach still open `countyAfterMinutes` later goes on to the county.
import { addWorkingDays, addWorkingMinutes, checkPeriods, type Interval, type WorkingCalendar } from '../calendar/working-time.js';
import type { DeadlineRule, DeskPolicyRules, Milestone, Segment } from '../../shared/desk.js';

export const DEFAULT_DESK_POLICY: DeskPolicyRules = {
  periods: [
    { start: '08:30', end: '12:00' },
    { start: '13:30', end: '17:30' },
  ],
  warnShare: 0.75,
  countyAfterMinutes: 450,
  surveyWorkingDays: 2,
  deadlines: [
    // Everyone: first contact within a working day, a reply within two, closed within five.
    { category: '*', segment: '*', firstContactMinutes: 450, replyMinutes: 900, closeMinutes: 2250 },
    // Key customers: a phone callback within a working day (the sources' 24 h), reply the same day after.
    { category: '*', segment: 'key', firstContactMinutes: 240, replyMinutes: 450, closeMinutes: 1350 },
    // Counterfeit and cross-region reports go to the monopoly side within 10 minutes.
    { category: 'counterfeit', segment: '*', firstContactMinutes: 10, replyMinutes: 450, closeMinutes: 2250 },
    // Supply and allocation: a same-day answer matters before the order window closes.
    { category: 'supply', segment: '*', firstContactMinutes: 240, replyMinutes: 450, closeMinutes: 1350 },
  ],
  logisticsHandlerId: null,
  monopolyHandlerId: null,
};

/** The most specific rule: category and segment both named beats one named beats none. */
export function deadlineRuleFor(rules: DeskPolicyRules, category: string, segment: Segment): DeadlineRule {
  let best: DeadlineRule | undefined;
  let bestScore = -1;
  for (const r of rules.deadlines) {
    if ((r.category !== '*' && r.category !== category) || (r.segment !== '*' && r.segment !== segment)) continue;
    const score = (r.category !== '*' ? 2 : 0) + (r.segment !== '*' ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [r, score];
  }
  return best ?? { category: '*', segment: '*', firstContactMinutes: 450, replyMinutes: 900, closeMinutes: 2250 };
}

export type CaseClock = {
  openedAt: Date;
  firstContactAt: Date | null;
  repliedAt: Date | null;
  closedAt: Date | null;
  /** Closed pauses; an open one (waiting) stops the clock: no deadline runs. */
  pauses: Interval[];
  waiting: boolean;
};

export type CaseDeadline = { milestone: Milestone; warnAt: Date | null; dueAt: Date | null; countyAt: Date | null };

export function nextMilestone(c: Pick<CaseClock, 'firstContactAt' | 'repliedAt' | 'closedAt'>): Milestone {
  if (c.closedAt) return 'none';
  if (!c.firstContactAt) return 'first_contact';
  if (!c.repliedAt) return 'reply';
  return 'close';
}

export function minutesFor(rule: DeadlineRule, m: Milestone): number {
  return m === 'first_contact' ? rule.firstContactMinutes : m === 'reply' ? rule.replyMinutes : rule.closeMinutes;
}

export function caseDeadline(cal: WorkingCalendar, rules: DeskPolicyRules, rule: DeadlineRule, c: CaseClock): CaseDeadline {
  const milestone = nextMilestone(c);
  if (milestone === 'none' || c.waiting) return { milestone, warnAt: null, dueAt: null, countyAt: null };
  const minutes = minutesFor(rule, milestone);
  const dueAt = addWorkingMinutes(cal, c.openedAt, minutes, c.pauses);
  const warnAt = addWorkingMinutes(cal, c.openedAt, Math.floor(minutes * rules.warnShare), c.pauses);
  const countyAt = addWorkingMinutes(cal, dueAt, rules.countyAfterMinutes);
  return { milestone, warnAt, dueAt, countyAt };
}

/** 回访 is due this many working days after the close. */
export function surveyDue(cal: WorkingCalendar, rules: DeskPolicyRules, closedAt: Date): Date {
  return addWorkingDays(cal, closedAt, rules.surveyWorkingDays);
}

export type PolicyError = { field: string; code: string; message?: string };

/** Overlapping or empty business hours, negative or out-of-order times: each a field error. */
export function checkDeskPolicy(rules: DeskPolicyRules, isCategory: (c: string) => boolean): PolicyError[] {
  const codes: Record<string, string> = { calendar_periods_overlap: 'periods_overlap', calendar_period_not_positive: 'period_empty', calendar_period_bad_format: 'time_format', calendar_periods_none: 'required' };
  const errors: PolicyError[] = checkPeriods(rules.periods).map((e) => ({ field: 'periods', code: codes[e.code] ?? e.code, message: e.message }));
  if (rules.countyAfterMinutes < 0) errors.push({ field: 'countyAfterMinutes', code: 'negative_time' });
  if (rules.surveyWorkingDays < 0) errors.push({ field: 'surveyWorkingDays', code: 'negative_time' });
  rules.deadlines.forEach((d, i) => {
    const f = `deadlines.${i}`;
    if (d.category !== '*' && !isCategory(d.category)) errors.push({ field: `${f}.category`, code: 'desk_unknown_category' });
    for (const k of ['firstContactMinutes', 'replyMinutes', 'closeMinutes'] as const) if (d[k] <= 0) errors.push({ field: `${f}.${k}`, code: 'negative_time' });
    if (d.replyMinutes < d.firstContactMinutes || d.closeMinutes < d.replyMinutes) errors.push({ field: f, code: 'deadline_order' });
  });
  const seen = new Set<string>();
  rules.deadlines.forEach((d, i) => {
    const k = `${d.category}/${d.segment}`;
    if (seen.has(k)) errors.push({ field: `deadlines.${i}`, code: 'deadline_duplicate' });
    seen.add(k);
  });
  return errors;
}
