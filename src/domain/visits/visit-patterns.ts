// Allowed day sets for a retailer's visits in a cycle: evenly spaced, and
// placed against the retailer's order day as the org configures.
import { evenlySpacedPatterns } from '../routing/plan-periodic-routes.js';
import type { WorkDay } from './visit-cycle.js';

export type OrderDayPolicy = 'any' | 'avoid' | 'precede';

/** The one or two working weekdays before the order weekday (wrapping to the week before). */
export function precedingWeekdays(orderWeekday: number, workWeekdays: readonly number[]): number[] {
  const out: number[] = [];
  for (let back = 1; back <= 7 && out.length < 2; back++) {
    const wd = ((orderWeekday - 1 - back + 14) % 7) + 1;
    if (workWeekdays.includes(wd)) out.push(wd);
  }
  return out;
}

export function allowedPatterns(
  visits: number,
  days: readonly WorkDay[],
  orderWeekday: number,
  policy: OrderDayPolicy,
  workWeekdays: readonly number[],
): { patterns: number[][]; relaxed: boolean } {
  const all = evenlySpacedPatterns(Math.min(Math.max(1, visits), days.length), days.length);
  const avoid = all.filter((p) => p.every((d) => days[d].weekday !== orderWeekday));
  if (policy === 'any') return { patterns: all, relaxed: false };
  if (policy === 'precede') {
    const before = precedingWeekdays(orderWeekday, workWeekdays);
    const precede = all.filter((p) => p.every((d) => before.includes(days[d].weekday)));
    if (precede.length) return { patterns: precede, relaxed: false };
  }
  if (avoid.length) return { patterns: avoid, relaxed: policy === 'precede' };
  return { patterns: all, relaxed: true };
}

/** A looser set for a retailer the first pass could not place: any pattern off the order day, else any. */
export function relaxedPatterns(visits: number, days: readonly WorkDay[], orderWeekday: number, workWeekdays: readonly number[]): number[][] {
  return allowedPatterns(visits, days, orderWeekday, 'avoid', workWeekdays).patterns;
}
