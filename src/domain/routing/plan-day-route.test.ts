import { describe, expect, it } from 'vitest';
import { euclideanTable } from './distance-provider.js';
import { planDayRoute, type DayRouteRequest } from './plan-day-route.js';
import { createRandom } from './random.js';

function randomDay(seed: number, stops: number, windowWidth = 200): DayRouteRequest {
  const random = createRandom(seed);
  const points = [
    { x: 0, y: 0 },
    { x: 10, y: 5 },
  ];
  const list: DayRouteRequest['stops'][number][] = [];
  for (let i = 0; i < stops; i++) {
    points.push({ x: random.next() * 60 - 20, y: random.next() * 60 - 20 });
    const opensAt = random.int(300);
    list.push({ serviceTime: 5 + random.int(10), opensAt, closesAt: opensAt + 20 + random.int(windowWidth) });
  }
  return { distance: euclideanTable(points).distance, departAt: 0, returnBy: 600, stops: list };
}

/** Every order of every subset: the most stops served, then the shortest. */
function bruteForce(request: DayRouteRequest): { count: number; distance: number } {
  const size = request.stops.length + 2;
  const d = request.distance;
  let best = { count: -1, distance: Infinity };
  const visit = (order: number[], time: number, dist: number, used: number) => {
    const last = order.length ? order[order.length - 1] + 2 : 0;
    const leave = order.length ? time + request.stops[order[order.length - 1]].serviceTime : time;
    const back = leave + d[last * size + 1];
    if (back <= request.returnBy + 1e-9) {
      const total = dist + d[last * size + 1];
      if (order.length > best.count || (order.length === best.count && total < best.distance)) {
        best = { count: order.length, distance: total };
      }
    }
    for (let s = 0; s < request.stops.length; s++) {
      if (used & (1 << s)) continue;
      const arrival = leave + d[last * size + s + 2];
      if (arrival > request.stops[s].closesAt + 1e-9) continue;
      order.push(s);
      visit(order, Math.max(arrival, request.stops[s].opensAt), dist + d[last * size + s + 2], used | (1 << s));
      order.pop();
    }
  };
  visit([], request.departAt, 0, 0);
  return best;
}

function checkPlan(request: DayRouteRequest, order: number[]): void {
  const size = request.stops.length + 2;
  let time = request.departAt;
  let prev = 0;
  let service = 0;
  for (const stop of order) {
    const arrival = time + service + request.distance[prev * size + stop + 2];
    expect(arrival).toBeLessThanOrEqual(request.stops[stop].closesAt + 1e-9);
    time = Math.max(arrival, request.stops[stop].opensAt);
    service = request.stops[stop].serviceTime;
    prev = stop + 2;
  }
  expect(time + service + request.distance[prev * size + 1]).toBeLessThanOrEqual(request.returnBy + 1e-9);
}

describe('planDayRoute', () => {
  it('matches brute force on days of up to 9 stops', () => {
    let fullNineStopDays = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const request = randomDay(seed, 3 + (seed % 7), 400);
      const plan = planDayRoute(request);
      const best = bruteForce(request);
      expect(plan.exact).toBe(true);
      expect(plan.order.length).toBe(best.count);
      expect(plan.distance).toBeCloseTo(best.distance, 9);
      checkPlan(request, plan.order);
      expect(plan.feasible).toBe(best.count === request.stops.length);
      if (request.stops.length === 9 && plan.feasible) fullNineStopDays++;
    }
    expect(fullNineStopDays).toBeGreaterThan(0);
  });

  it('serves as many stops as possible when not all fit, and names the rest', () => {
    let sawDoesNotFit = false;
    for (let seed = 20; seed <= 40; seed++) {
      const request = randomDay(seed, 7, 30);
      const plan = planDayRoute(request);
      const best = bruteForce(request);
      expect(plan.order.length).toBe(best.count);
      expect(plan.distance).toBeCloseTo(best.distance, 9);
      expect(plan.order.length + plan.unreachable.length).toBe(7);
      if (plan.unreachable.some((u) => u.reason === 'does-not-fit')) sawDoesNotFit = true;
      expect(plan.feasible).toBe(plan.unreachable.length === 0);
    }
    expect(sawDoesNotFit).toBe(true);
  });

  it('says which shop is closed by the time anyone could get there', () => {
    const request = randomDay(3, 4);
    const stops = request.stops.slice();
    stops[2] = { serviceTime: 5, opensAt: 0, closesAt: 1 };
    stops[3] = { serviceTime: 5, opensAt: 590, closesAt: 595 };
    const plan = planDayRoute({ ...request, stops });
    expect(plan.feasible).toBe(false);
    expect(plan.unreachable).toEqual([
      { stop: 2, reason: 'closed-on-arrival' },
      { stop: 3, reason: 'no-time-to-return' },
    ]);
    expect(plan.order).not.toContain(2);
    expect(plan.order).not.toContain(3);
  });

  it('uses the heuristic beyond the exact limit and still gives a valid route', () => {
    const request = randomDay(5, 9, 400);
    const exact = planDayRoute(request);
    const heuristic = planDayRoute(request, { exactUpTo: 0, seed: 1, maxIterations: 2000 });
    expect(heuristic.exact).toBe(false);
    checkPlan(request, heuristic.order);
    expect(heuristic.order.length).toBe(exact.order.length);
    expect(heuristic.distance).toBeGreaterThanOrEqual(exact.distance - 1e-9);
    expect(heuristic.distance).toBeLessThanOrEqual(exact.distance * 1.05);
  });
});
