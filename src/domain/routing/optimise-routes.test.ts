import { describe, expect, it } from 'vitest';
import { optimiseRoutes } from './optimise-routes.js';
import { parseSolomon, solomonToProblem } from './solomon-parser.js';
import { validateSolution } from './validate-solution.js';

// A Solomon-format file of eight customers: two tight clusters, capacity for four each.
const text = `TINY

VEHICLE
NUMBER     CAPACITY
  5         40

CUSTOMER
CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME
    0      50         50          0          0       1000          0
    1      80         50         10          0        500         10
    2      81         52         10          0        500         10
    3      82         50         10          0        500         10
    4      81         48         10          0        500         10
    5      20         50         10        100        600         10
    6      19         52         10        100        600         10
    7      18         50         10        100        600         10
    8      19         48         10        100        600         10
`;

describe('optimiseRoutes', () => {
  it('solves a Solomon-format instance into valid routes, one per cluster', () => {
    const problem = solomonToProblem(parseSolomon(text));
    const result = optimiseRoutes(problem, { seed: 1, maxIterations: 300 });
    expect(result.unassigned).toEqual([]);
    expect(validateSolution(problem, result.routes).errors).toEqual([]);
    expect(result.routes).toHaveLength(2);
    expect(result.routes.map((r) => r.nodes.slice().sort()).sort()).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ]);
  });
});
