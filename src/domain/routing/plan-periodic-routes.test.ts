import { describe, expect, it } from 'vitest';
import { euclideanTable } from './distance-provider.js';
import { evenlySpacedPatterns, periodicProblem, planPeriodicRoutes, type PeriodicPlanRequest } from './plan-periodic-routes.js';
import { createRandom } from './random.js';
import { validateSolution } from './validate-solution.js';

function randomRequest(seed: number, customers: number, days: number): PeriodicPlanRequest {
  const random = createRandom(seed);
  const points = [{ x: 50, y: 50 }];
  const list: PeriodicPlanRequest['customers'][number][] = [];
  for (let i = 0; i < customers; i++) {
    points.push({ x: random.next() * 100, y: random.next() * 100 });
    const frequency = 1 + random.int(2);
    list.push({ demand: 1 + random.int(9), serviceTime: 5, patterns: evenlySpacedPatterns(frequency, days) });
  }
  return { distance: euclideanTable(points).distance, days, vehiclesPerDay: 2, capacity: 40, customers: list };
}

describe('evenlySpacedPatterns', () => {
  it('spreads visits evenly over the cycle', () => {
    expect(evenlySpacedPatterns(4, 20)).toEqual([
      [0, 5, 10, 15],
      [1, 6, 11, 16],
      [2, 7, 12, 17],
      [3, 8, 13, 18],
      [4, 9, 14, 19],
    ]);
    expect(evenlySpacedPatterns(3, 20)[0]).toEqual([0, 6, 13]);
    expect(evenlySpacedPatterns(20, 20)).toEqual([Array.from({ length: 20 }, (_, i) => i)]);
    expect(() => evenlySpacedPatterns(0, 5)).toThrow();
  });
});

describe('planPeriodicRoutes', () => {
  it('visits every customer on the days of one allowed pattern, within fleet and capacity', () => {
    const request = randomRequest(1, 30, 4);
    const plan = planPeriodicRoutes(request, { seed: 3, maxIterations: 1500 });
    expect(plan.unassigned).toEqual([]);
    const routes = plan.routes.map((r) => ({ day: r.day, nodes: r.customers.map((c) => c + 1) }));
    const check = validateSolution(periodicProblem(request), routes);
    expect(check.errors).toEqual([]);
    expect(check.distance).toBeCloseTo(plan.distance, 9);
    plan.patternOf.forEach((p, customer) => {
      const days = plan.routes.filter((r) => r.customers.includes(customer)).map((r) => r.day);
      expect(days.sort()).toEqual([...request.customers[customer].patterns[p]].sort());
    });
  });

  it('puts neighbours on the same day when the pattern allows it', () => {
    // Two far-apart pairs, one vehicle a day, either day allowed: each pair shares a day.
    const points = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 101, y: 0 },
      { x: -100, y: 0 },
      { x: -101, y: 0 },
    ];
    const plan = planPeriodicRoutes(
      {
        distance: euclideanTable(points).distance,
        days: 2,
        vehiclesPerDay: 1,
        capacity: 2,
        customers: points.slice(1).map(() => ({ demand: 1, patterns: [[0], [1]] })),
      },
      { seed: 1, maxIterations: 200 },
    );
    expect(plan.distance).toBeCloseTo(404, 9);
    expect(plan.patternOf[0]).toBe(plan.patternOf[1]);
    expect(plan.patternOf[2]).toBe(plan.patternOf[3]);
  });

  it('keeps routes within the duration limit', () => {
    const request = { ...randomRequest(2, 20, 3), maxDuration: 250, capacity: Infinity, vehiclesPerDay: 4 };
    const plan = planPeriodicRoutes(request, { seed: 1, maxIterations: 500 });
    const routes = plan.routes.map((r) => ({ day: r.day, nodes: r.customers.map((c) => c + 1) }));
    expect(validateSolution(periodicProblem(request), routes, plan.unassigned).errors).toEqual([]);
  });
});
