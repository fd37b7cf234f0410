import { describe, expect, it } from 'vitest';
import { labelSize, pickLabels, type LabelCandidate } from './label-layout.js';

const at = (key: string, x: number, y: number, priority: number, side: LabelCandidate['side'] = 'center'): LabelCandidate => ({ key, x, y, w: 80, h: 30, side, priority });

describe('map labels', () => {
  it('keeps the more important of two labels that would overlap, and both when apart', () => {
    expect(pickLabels([at('grid', 100, 100, 1), at('town', 130, 110, 5)])).toEqual(new Set(['town']));
    expect(pickLabels([at('a', 100, 100, 1), at('b', 300, 100, 1)])).toEqual(new Set(['a', 'b']));
  });

  it('zooming in (points spread apart) shows more labels', () => {
    const grid = (zoom: number) => Array.from({ length: 25 }, (_, i) => at(`g${i}`, (i % 5) * 30 * 2 ** (zoom - 10), Math.floor(i / 5) * 30 * 2 ** (zoom - 10), 0));
    const counts = [10, 11, 12, 13].map((z) => pickLabels(grid(z)).size);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts[0]).toBeLessThan(10);
    expect(counts[3]).toBe(25);
  });

  it('measures Chinese wider than Latin text', () => {
    expect(labelSize(['来龙门街道第12网格'], 11).w).toBeGreaterThan(labelSize(['Grid 12 area'], 11).w);
    expect(labelSize(['a', 'b'], 10).h).toBeGreaterThan(labelSize(['a'], 10).h);
  });
});
