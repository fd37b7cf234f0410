import { describe, expect, it } from 'vitest';
import { createProblem } from './problem.js';
import { validateSolution } from './validate-solution.js';

const problem = createProblem({
  distance: Float64Array.from([0, 1, 2, 1, 0, 1, 2, 1, 0]),
  ready: [0, 0, 0],
  due: [10, 5, 1],
  demand: [0, 2, 2],
  capacity: 3,
  days: 2,
  vehiclesPerDay: 1,
  patterns: [[], [[0], [1]], [[0, 1]]],
});

describe('validateSolution', () => {
  it('accepts a valid plan and recomputes its distance', () => {
    const check = validateSolution(problem, [{ day: 0, nodes: [1] }], [2]);
    expect(check.errors).toEqual([]);
    expect(check.distance).toBe(2);
  });

  it('reports late arrival, overload, wrong days and missing jobs', () => {
    const check = validateSolution(problem, [{ day: 0, nodes: [1, 2] }]);
    expect(check.errors.join('\n')).toMatch(/job 2 reached at 2 after 1/);
    expect(check.errors.join('\n')).toMatch(/load 4 over capacity 3/);
    expect(check.errors.join('\n')).toMatch(/job 2: visited on days \[0\]/);
  });

  it('reports more routes on a day than vehicles', () => {
    const check = validateSolution(problem, [
      { day: 0, nodes: [1] },
      { day: 0, nodes: [] },
    ], [2]);
    expect(check.errors).toContain('day 0: 2 routes, only 1 vehicles');
  });
});
