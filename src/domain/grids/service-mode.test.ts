import { describe, expect, it } from 'vitest';
import { classifyServiceModes } from './service-mode.js';

// 0.009° of latitude ≈ 1 km.
const at = (id: number, northKm: number, station = 1) => ({ id, lat: 27.6 + northKm * 0.009044, lng: 113.5, station });
const town = { lat: 27.6, lng: 113.5 };

describe('classifyServiceModes', () => {
  it('fixed near a town or among neighbours, mobile when scattered; scattered neighbours share a group', () => {
    const sites = [
      at(1, 1), // 1 km from town (1.3 km by road): fixed
      at(2, 10), at(3, 10.1), at(4, 10.2), at(5, 10.3), // four together 10 km out: three neighbours each, fixed
      at(6, 20), at(7, 22), // scattered, 2 km apart: one mobile group
      at(8, 40), // alone: its own group
      at(9, 21, 2), // another station: never in station 1's group
    ];
    const r = classifyServiceModes(sites, [town]);
    expect(r.map((x) => x.mode)).toEqual(['fixed', 'fixed', 'fixed', 'fixed', 'fixed', 'mobile', 'mobile', 'mobile', 'mobile']);
    const g = new Map(r.map((x) => [x.id, x.group]));
    expect(g.get(1)).toBeNull();
    expect(g.get(6)).toBe(g.get(7));
    expect(g.get(8)).not.toBe(g.get(6));
    expect(g.get(9)).not.toBe(g.get(6));
  });

  it('keeps a mode set by hand', () => {
    const r = classifyServiceModes([at(1, 1), at(2, 30)], [town], undefined, new Map([[1, 'mobile'], [2, 'fixed']]));
    expect(r.map((x) => x.mode)).toEqual(['mobile', 'fixed']);
  });
});
