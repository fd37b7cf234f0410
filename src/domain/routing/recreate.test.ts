import { describe, expect, it } from 'vitest';
import { createProblem } from './problem.js';
import { createRandom } from './random.js';
import { insertJobs } from './recreate.js';
import { Draft, emptySolution } from './solution.js';

// Depot 0, job 1 far away, job 2 near; two days, at most one route a day.
const distance = Float64Array.from([0, 10, 1, 10, 0, 10, 1, 10, 0]);

describe('insertJobs', () => {
  it('puts each job where it is cheapest and picks the cheaper day pattern', () => {
    const problem = createProblem({
      distance,
      days: 2,
      vehiclesPerDay: 1,
      demand: [0, 1, 1],
      capacity: 1,
      patterns: [[], [[0], [1]], [[0], [1]]],
    });
    const draft = new Draft(problem, emptySolution(problem, []));
    insertJobs(problem, draft, [1, 2], createRandom(1), 0);
    const solution = draft.finish();
    expect(solution.unassigned).toEqual([]);
    expect(solution.routes.map((r) => [r.day, r.nodes])).toEqual([
      [0, [1]],
      [1, [2]],
    ]);
    expect(solution.distance).toBe(22);
  });

  it('leaves a job out when no day has room', () => {
    const problem = createProblem({
      distance,
      vehiclesPerDay: 1,
      demand: [0, 1, 1],
      capacity: 1,
    });
    const draft = new Draft(problem, emptySolution(problem, []));
    insertJobs(problem, draft, [2, 1], createRandom(1), 0);
    expect(draft.finish().unassigned).toEqual([1]);
  });
});
