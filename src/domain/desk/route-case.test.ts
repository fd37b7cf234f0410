import { describe, expect, it } from 'vitest';
import { routeCase } from './route-case.js';

const place = { gridWorkerId: 11, stationHeadId: 21, countyId: 31, logisticsHandlerId: 41, monopolyHandlerId: null };

describe('routeCase', () => {
  it('sends marketing cases to the grid worker, supply to the station head', () => {
    expect(routeCase({ category: 'price', subjectUserId: null }, place)).toEqual({ jurisdiction: 'marketing', handlerId: 11, level: 'grid' });
    expect(routeCase({ category: 'supply', subjectUserId: null }, place)).toEqual({ jurisdiction: 'marketing', handlerId: 21, level: 'station' });
  });
  it('never gives a complaint to the worker it names', () => {
    expect(routeCase({ category: 'conduct', subjectUserId: 11 }, place).handlerId).toBe(21);
    expect(routeCase({ category: 'supply', subjectUserId: 21 }, place).handlerId).toBe(31);
  });
  it('sends logistics to its queue and monopoly (no handler set) to the county', () => {
    expect(routeCase({ category: 'delivery', subjectUserId: null }, place)).toEqual({ jurisdiction: 'logistics', handlerId: 41, level: 'county' });
    expect(routeCase({ category: 'counterfeit', subjectUserId: null }, place)).toEqual({ jurisdiction: 'monopoly', handlerId: 31, level: 'county' });
  });
});
