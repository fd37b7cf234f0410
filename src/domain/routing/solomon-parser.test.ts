import { describe, expect, it } from 'vitest';
import { parseSolomon, solomonToProblem } from './solomon-parser.js';

const text = `C101

VEHICLE
NUMBER     CAPACITY
  25         200

CUSTOMER
CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME
 
    0      40         50          0          0       1236          0   
    1      45         68         10        912        967         90   
    2      45         70         30        825        870         90   
`;

describe('parseSolomon', () => {
  it('reads the fleet and the customer table, depot first', () => {
    const instance = parseSolomon(text.replace(/\n/g, '\r\n'));
    expect(instance.name).toBe('C101');
    expect(instance.vehicles).toBe(25);
    expect(instance.capacity).toBe(200);
    expect(instance.customers).toHaveLength(3);
    expect(instance.customers[1]).toEqual({ id: 1, x: 45, y: 68, demand: 10, ready: 912, due: 967, service: 90 });
  });

  it('rejects a file without a customer table', () => {
    expect(() => parseSolomon('X\nVEHICLE\n 1 2\n')).toThrow(/CUSTOMER/);
  });

  it('builds a problem with unrounded Euclidean distances', () => {
    const problem = solomonToProblem(parseSolomon(text));
    expect(problem.distance[0 * 3 + 1]).toBeCloseTo(Math.hypot(5, 18), 12);
    expect(problem.due[0]).toBe(1236);
    expect(problem.vehiclesPerDay).toBe(25);
  });
});
