import { describe, expect, it } from 'vitest';
import { createRandom } from '../routing/random.js';
import { workingDays } from './visit-cycle.js';
import { precedingWeekdays } from './visit-patterns.js';
import { planWorkerCycle, type CycleRetailer } from './plan-worker-cycle.js';

const WEEKDAYS = [1, 2, 3, 4, 5];
const days = workingDays('2026-11-16', 4, WEEKDAYS);

function county(seed: number, count: number): CycleRetailer[] {
  const rnd = createRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const star = 1 + rnd.int(6);
    const afternoon = rnd.next() < 0.1;
    return {
      id: 100 + i,
      lat: 27.6 + rnd.next() * 0.1,
      lng: 113.45 + rnd.next() * 0.1,
      visitsPerCycle: star >= 5 ? 4 : star >= 3 ? 2 : 1,
      serviceMinutes: 15,
      opensAt: afternoon ? 13 * 60 : 7 * 60 + 30,
      closesAt: 21 * 60,
      orderWeekday: 1 + rnd.int(5),
    };
  });
}

const request = (retailers: CycleRetailer[]) => ({
  depot: { lat: 27.65, lng: 113.5 },
  retailers,
  days,
  dayStart: 510,
  dayEnd: 1050,
  policy: 'precede' as const,
  workWeekdays: WEEKDAYS,
  roadFactor: 1.3,
  speedKmh: 25,
});

describe('planWorkerCycle', () => {
  const retailers = county(5, 60);
  const plan = planWorkerCycle(request(retailers), { seed: 1, maxIterations: 1500 });
  const visitsOf = new Map<number, number[]>();
  plan.days.forEach((d, i) => d.stops.forEach((s) => visitsOf.set(s.retailerId, [...(visitsOf.get(s.retailerId) ?? []), i])));

  it('gives every retailer its number of visits, evenly spaced', () => {
    expect(plan.unplanned).toEqual([]);
    for (const r of retailers) {
      const seen = visitsOf.get(r.id) ?? [];
      expect(seen, `retailer ${r.id}`).toHaveLength(r.visitsPerCycle);
      const gap = days.length / r.visitsPerCycle;
      for (let k = 1; k < seen.length; k++) expect(Math.abs(seen[k] - seen[k - 1] - gap)).toBeLessThanOrEqual(1);
    }
  });

  it('visits before the order day unless relaxed, and never on it for weekly customers', () => {
    const relaxed = new Set(plan.relaxed);
    for (const r of retailers) {
      for (const day of visitsOf.get(r.id) ?? []) {
        if (!relaxed.has(r.id)) expect(precedingWeekdays(r.orderWeekday, WEEKDAYS)).toContain(days[day].weekday);
      }
    }
  });

  it('orders each day through opening hours, starting from the depot in the morning', () => {
    for (const d of plan.days) {
      let last = 0;
      d.stops.forEach((s, i) => {
        expect(s.seq).toBe(i + 1);
        expect(s.plannedStart).toBeGreaterThanOrEqual(last);
        last = s.plannedStart;
        const r = retailers.find((x) => x.id === s.retailerId)!;
        if (!s.late) expect(s.plannedStart).toBeGreaterThanOrEqual(r.opensAt);
      });
    }
    expect(plan.days.flatMap((d) => d.stops).filter((s) => s.late)).toEqual([]);
  });

  it('keeps the days balanced: no day far above the average workload', () => {
    const work = plan.days.map((d) => d.travelMinutes + d.serviceMinutes);
    const avg = work.reduce((a, b) => a + b, 0) / work.length;
    expect(Math.max(...work)).toBeLessThan(avg * 1.8);
    expect(Math.max(...work)).toBeLessThanOrEqual(1050 - 510 + 1);
  });

  it('is deterministic for a seed', () => {
    const again = planWorkerCycle(request(retailers), { seed: 1, maxIterations: 1500 });
    expect(again.days.map((d) => d.stops.map((s) => s.retailerId))).toEqual(plan.days.map((d) => d.stops.map((s) => s.retailerId)));
  });

  it('plans nothing for a worker without retailers', () => {
    const empty = planWorkerCycle(request([]));
    expect(empty.visits).toBe(0);
    expect(empty.days).toHaveLength(20);
  });
});
