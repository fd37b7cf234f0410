import { describe, expect, it } from 'vitest';
import { createProblem } from './problem.js';
import { createRandom } from './random.js';
import { createRoute, fitsAlone, fitsInTime, isRouteFeasible, routeDistance } from './route.js';
import { randomVrptw } from './test-fixtures.js';

// Four points on a line: depot 0 at x=0, jobs at x=1, 2, 3.
const line = createProblem({
  distance: Float64Array.from([0, 1, 2, 3, 1, 0, 1, 2, 2, 1, 0, 1, 3, 2, 1, 0]),
  serviceTime: [0, 1, 1, 1],
  ready: [0, 0, 5, 0],
  due: [20, 10, 6, 20],
  demand: [0, 1, 1, 1],
  capacity: 3,
});

describe('route schedule', () => {
  it('waits for opening and records earliest and latest starts', () => {
    const route = createRoute(line, 0, [1, 2, 3]);
    expect(route.distance).toBe(6);
    expect(route.load).toBe(3);
    expect(route.earliest).toEqual([1, 5, 7]);
    // Job 2 must start by 6; job 1 by 6 - 1 - 1 = 4; job 3 by 20 - 1 - 3.
    expect(route.latest).toEqual([4, 6, 16]);
  });

  it('rejects orders that miss a window', () => {
    expect(isRouteFeasible(line, [1, 2, 3])).toBe(true);
    expect(isRouteFeasible(line, [3, 2, 1])).toBe(true);
    expect(isRouteFeasible(line, [3, 1, 2])).toBe(false);
    expect(routeDistance(line, [3, 1, 2])).toBe(3 + 2 + 1 + 2);
  });

  it('checks single-job routes against capacity', () => {
    const heavy = createProblem({ distance: new Float64Array(4), demand: [0, 5], capacity: 4 });
    expect(fitsAlone(heavy, 1)).toBe(false);
  });

  it('agrees with a full re-check for every insertion position', () => {
    const problem = randomVrptw(7, 30, { capacity: Infinity });
    const random = createRandom(3);
    for (let trial = 0; trial < 200; trial++) {
      const nodes: number[] = [];
      const pool = Array.from({ length: 30 }, (_, i) => i + 1);
      const size = random.int(8);
      for (let i = 0; i < size; i++) nodes.push(pool.splice(random.int(pool.length), 1)[0]);
      if (!isRouteFeasible(problem, nodes)) continue;
      const route = createRoute(problem, 0, nodes);
      const job = pool[random.int(pool.length)];
      for (let position = 0; position <= nodes.length; position++) {
        const candidate = nodes.slice();
        candidate.splice(position, 0, job);
        expect(fitsInTime(problem, route, job, position)).toBe(isRouteFeasible(problem, candidate));
      }
    }
  });
});
