import { describe, expect, it } from 'vitest';
import { createProblem } from './problem.js';
import { solveRouting } from './solve-routing.js';
import { randomVrptw } from './test-fixtures.js';
import { validateSolution } from './validate-solution.js';

describe('solveRouting', () => {
  it('returns a valid VRPTW solution and is deterministic for a seed', () => {
    const problem = randomVrptw(11, 40);
    const first = solveRouting(problem, { seed: 5, maxIterations: 400 });
    const again = solveRouting(problem, { seed: 5, maxIterations: 400 });
    const check = validateSolution(problem, first.routes, first.unassigned);
    expect(check.errors).toEqual([]);
    expect(check.distance).toBeCloseTo(first.distance, 9);
    expect(first.unassigned).toEqual([]);
    expect(again.distance).toBe(first.distance);
    expect(first.iterations).toBe(400);
  });

  it('improves on its construction', () => {
    const problem = randomVrptw(12, 40);
    const start = solveRouting(problem, { seed: 1, maxIterations: 0 });
    const improved = solveRouting(problem, { seed: 1, maxIterations: 500 });
    expect(improved.distance).toBeLessThan(start.distance);
  });

  it('finds the obvious optimum: two clusters, two vehicles', () => {
    // Depot at 0; jobs at +10 ± 1 and -10 ± 1 on a line; capacity splits the clusters.
    const xs = [0, 9, 10, 11, -9, -10, -11];
    const n = xs.length;
    const distance = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) distance[i * n + j] = Math.abs(xs[i] - xs[j]);
    const problem = createProblem({ distance, demand: [0, 1, 1, 1, 1, 1, 1], capacity: 3 });
    const result = solveRouting(problem, { seed: 2, maxIterations: 200 });
    expect(result.distance).toBe(44);
    expect(result.routes).toHaveLength(2);
  });

  it('leaves out a job that no vehicle can reach in time, and says so', () => {
    const problem = randomVrptw(13, 10, { due: [1000, 0.5, ...new Array(9).fill(2000)] });
    const result = solveRouting(problem, { seed: 1, maxIterations: 100 });
    expect(result.unassigned).toEqual([1]);
    expect(validateSolution(problem, result.routes, [1]).errors).toEqual([]);
  });

  it('stops on the injected clock', () => {
    let clock = 0;
    const result = solveRouting(randomVrptw(14, 20), {
      timeLimitMs: 50,
      now: () => (clock += 1),
    });
    expect(result.iterations).toBeLessThan(50);
  });
});
