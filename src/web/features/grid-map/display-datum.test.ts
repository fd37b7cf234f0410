import { describe, expect, it } from 'vitest';
import { displayToWgs, geometryForDisplay, wgsToDisplay } from './display-datum.js';

const plain = { tiles: { url: '', crs: 'gcj02' as const } };
const amap = { tiles: { url: 'https://tiles.example/{z}/{x}/{y}.png', crs: 'gcj02' as const } };

describe('display datum', () => {
  it('leaves WGS-84 alone without tiles', () => {
    expect(displayToWgs(plain, 113.5, 27.65)).toEqual([113.5, 27.65]);
    expect(geometryForDisplay(plain, { type: 'Point', coordinates: [113.5, 27.65] })).toEqual({ type: 'Point', coordinates: [113.5, 27.65] });
  });
  it('shifts to GCJ-02 for display by a few hundred metres and back to within a metre', () => {
    const [x, y] = wgsToDisplay(amap, 113.5, 27.65);
    expect(Math.abs(x - 113.5) + Math.abs(y - 27.65)).toBeGreaterThan(0.001);
    const [lng, lat] = displayToWgs(amap, x, y);
    expect(Math.abs(lng - 113.5)).toBeLessThan(1e-5);
    expect(Math.abs(lat - 27.65)).toBeLessThan(1e-5);
    const g = geometryForDisplay(amap, { type: 'Point', coordinates: [113.5, 27.65] }) as GeoJSON.Point;
    expect(g.coordinates[0]).toBeCloseTo(x, 9);
  });
});
