import { describe, expect, it } from 'vitest';
import { jobNodes } from './problem.js';
import { createRandom } from './random.js';
import { createRoute, isRouteFeasible } from './route.js';
import { buildSolution, Draft } from './solution.js';
import { nearestJobs, removeStrings } from './string-removal.js';
import { randomVrptw } from './test-fixtures.js';

describe('removeStrings', () => {
  it('cuts jobs from routes without touching the base solution', () => {
    const problem = randomVrptw(3, 30, { due: [10_000, ...new Array(30).fill(10_000)], capacity: Infinity });
    const jobs = jobNodes(problem);
    const routes = [0, 1, 2].map((r) => createRoute(problem, 0, jobs.filter((j) => j % 3 === r)));
    const base = buildSolution(problem, routes, [], new Int32Array(problem.nodeCount).fill(0));
    const neighbours = nearestJobs(problem, jobs);
    const random = createRandom(9);
    for (let trial = 0; trial < 50; trial++) {
      const draft = new Draft(problem, base);
      const removed = removeStrings(problem, draft, neighbours, random, {
        averageRemoved: 6,
        maxStringLength: 5,
        splitRate: 0.5,
        splitDepth: 0.3,
      });
      expect(removed.length).toBeGreaterThan(0);
      const left = draft.routes.flatMap((route) => route.nodes);
      expect(left.length + removed.length).toBe(30);
      expect(new Set([...left, ...removed]).size).toBe(30);
      for (const route of draft.routes) expect(isRouteFeasible(problem, route.nodes)).toBe(true);
    }
    expect(base.routes.flatMap((route) => route.nodes)).toHaveLength(30);
  });

  it('lists neighbours nearest first, the job itself leading', () => {
    const problem = randomVrptw(4, 10);
    const neighbours = nearestJobs(problem, jobNodes(problem));
    const n = problem.nodeCount;
    expect(neighbours[5][0]).toBe(5);
    for (let i = 2; i < neighbours[5].length; i++) {
      expect(problem.distance[5 * n + neighbours[5][i]]).toBeGreaterThanOrEqual(
        problem.distance[5 * n + neighbours[5][i - 1]],
      );
    }
  });
});
