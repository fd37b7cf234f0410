// New-licensee onboarding, one province branch's published chain: the
// monopoly side records the licence → notifies marketing (2 working days) →
// the client manager opens e-settlement, files and photographs the shop and
// proposes class and tier (3) → marketing enters the customer and order
// cycle (1) → logistics sets the route and issues the delivery confirmation
// card (3). Each step's clock starts when the previous one is done.
import type { OnboardingStep, StepOwner, StepState } from '../../shared/onboarding.js';
import { addWorkingDays, addWorkingMinutes, workingMinutesBetween, type WorkingCalendar } from '../calendar/working-time.js';

export type StepDefinition = { step: OnboardingStep; seq: number; owner: StepOwner; workingDays: number };

export const ONBOARDING_CHAIN: readonly StepDefinition[] = [
  { step: 'marketing_notified', seq: 1, owner: 'monopoly', workingDays: 2 },
  { step: 'client_manager_setup', seq: 2, owner: 'client_manager', workingDays: 3 },
  { step: 'customer_entered', seq: 3, owner: 'marketing', workingDays: 1 },
  { step: 'delivery_ready', seq: 4, owner: 'logistics', workingDays: 3 },
];

export const WARN_SHARE = 0.75;

export type StepClock = { startedAt: Date; warnAt: Date; dueAt: Date };

/** Due at closing time N working days on; warned when 75 % of the working time is gone. */
export function stepClock(cal: WorkingCalendar, startedAt: Date, workingDays: number, warnShare = WARN_SHARE): StepClock {
  const dueAt = addWorkingDays(cal, startedAt, workingDays);
  const span = workingMinutesBetween(cal, startedAt, dueAt);
  const warnAt = addWorkingMinutes(cal, startedAt, Math.floor(span * warnShare));
  return { startedAt, warnAt, dueAt };
}

export type StepTimes = {
  startedAt: Date | null;
  warnAt: Date | null;
  dueAt: Date | null;
  completedAt: Date | null;
};

export function stepState(s: StepTimes, now: Date): StepState {
  if (s.completedAt) return s.dueAt && s.completedAt > s.dueAt ? 'done_late' : 'done';
  if (!s.startedAt || !s.dueAt) return 'waiting';
  if (now >= s.dueAt) return 'breached';
  if (s.warnAt && now >= s.warnAt) return 'warning';
  return 'open';
}

/** Working days a step took: working minutes ÷ the minutes of one business day. */
export function workingDaysTaken(cal: WorkingCalendar, startedAt: Date, completedAt: Date): number {
  const perDay = dayMinutes(cal);
  return Math.round((workingMinutesBetween(cal, startedAt, completedAt) / perDay) * 100) / 100;
}

export function dayMinutes(cal: WorkingCalendar): number {
  return cal.periods.reduce((n, p) => n + hm(p.end) - hm(p.start), 0);
}

const hm = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

/** Nearest-rank percentile (p in 0..100) of a non-empty list; null when empty. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** Median by averaging the middle pair. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
