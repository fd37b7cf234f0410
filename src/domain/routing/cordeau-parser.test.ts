import { describe, expect, it } from 'vitest';
import { cordeauToRequest, decodeDayPattern, parseCordeauPvrp, parseCordeauResultCost } from './cordeau-parser.js';

const text = [
  '1 3 3 5',
  '0 160',
  '0 160',
  '0 160',
  '0 160',
  '0 160',
  ' 0 30 40 0  0 0 0',
  ' 1 37 52 0  7 1 5 1 2 4 8 16',
  ' 2 49 49 0 30 5 1 31',
  ' 3 52 64 0 16 2 3 5 10 20',
  '',
].join('\r\n');

describe('Cordeau PVRP parser', () => {
  it('decodes day combinations with day 1 as the leading bit', () => {
    expect(decodeDayPattern(20, 5)).toEqual([0, 2]);
    expect(decodeDayPattern(1, 5)).toEqual([4]);
    expect(decodeDayPattern(31, 5)).toEqual([0, 1, 2, 3, 4]);
  });

  it('reads fleet, limits, frequencies and patterns', () => {
    const instance = parseCordeauPvrp(text);
    expect(instance.vehiclesPerDay).toBe(3);
    expect(instance.days).toBe(5);
    expect(instance.maxDuration).toBe(Infinity);
    expect(instance.capacity).toBe(160);
    expect(instance.customers).toHaveLength(4);
    expect(instance.customers[3].patterns).toEqual([[2, 4], [1, 3], [0, 2]]);
    expect(instance.customers[2].patterns).toEqual([[0, 1, 2, 3, 4]]);
  });

  it('builds a periodic request with the patterns of each customer', () => {
    const request = cordeauToRequest(parseCordeauPvrp(text));
    expect(request.days).toBe(5);
    expect(request.customers).toHaveLength(3);
    expect(request.customers[0].patterns).toHaveLength(5);
    expect(request.distance[1]).toBeCloseTo(Math.hypot(7, 12), 12);
  });

  it('reads the cost of a result file', () => {
    expect(parseCordeauResultCost('524.61\r\n1 1 118.52 149 0 8 0\r\n')).toBe(524.61);
  });
});
