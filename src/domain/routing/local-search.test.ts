import { describe, expect, it } from 'vitest';
import { improveLocally } from './local-search.js';
import { createProblem, jobNodes } from './problem.js';
import { createRandom } from './random.js';
import { insertJobs } from './recreate.js';
import { Draft, emptySolution } from './solution.js';
import { nearestJobs } from './string-removal.js';
import { randomVrptw } from './test-fixtures.js';
import { validateSolution } from './validate-solution.js';

describe('improveLocally', () => {
  it('never worsens a solution and keeps it valid', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const problem = randomVrptw(seed, 50);
      const jobs = jobNodes(problem);
      const random = createRandom(seed);
      const draft = new Draft(problem, emptySolution(problem, []));
      // A poor start: random insertion order.
      const order = jobs.slice().sort(() => random.next() - 0.5);
      insertJobs(problem, draft, order, random, 0.2);
      const start = draft.finish();
      const improved = improveLocally(problem, start, nearestJobs(problem, jobs), random);
      expect(improved.distance).toBeLessThanOrEqual(start.distance + 1e-9);
      expect(improved.unassigned).toEqual(start.unassigned);
      const check = validateSolution(problem, improved.routes, improved.unassigned);
      expect(check.errors).toEqual([]);
      expect(check.distance).toBeCloseTo(improved.distance, 9);
    }
  });

  it('untangles a crossing on a square', () => {
    // Depot at a corner; the order 1,3,2 crosses itself, 1,2,3 does not.
    const pts = [
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 0],
    ];
    const distance = new Float64Array(16);
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) distance[i * 4 + j] = Math.hypot(pts[i][0] - pts[j][0], pts[i][1] - pts[j][1]);
    const problem = createProblem({ distance });
    const draft = new Draft(problem, emptySolution(problem, []));
    draft.insert(1, 0, -1, 0);
    draft.insert(3, 0, 0, 1);
    draft.insert(2, 0, 0, 2);
    draft.refreshDirty();
    const result = improveLocally(problem, draft.finish(), nearestJobs(problem, [1, 2, 3]), createRandom(1));
    expect(result.distance).toBeCloseTo(4, 9);
  });
});
