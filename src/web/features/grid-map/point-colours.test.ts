import { describe, expect, it } from 'vitest';
import type { MapPointRow } from '../../../shared/grids.js';
import { gridColour, legendOf, pointColour } from './point-colours.js';

const p = (over: Partial<Record<number, unknown>> = {}): MapPointRow =>
  Object.assign([1, 27.6, 113.5, 7, 3, 12, 'CZ2', 'B', 'urban', '小店'], over) as MapPointRow;

describe('point colours', () => {
  it('colours by star with a legend entry for every star, unrated to 超五星', () => {
    const legend = legendOf('star', []);
    expect(legend).toHaveLength(7);
    expect(pointColour('star', p({ 4: 3 }))).toBe(legend[3].colour);
    expect(pointColour('star', p({ 4: 0 }))).not.toBe(pointColour('star', p({ 4: 5 })));
  });
  it('separates urban from rural and neighbouring grids', () => {
    expect(pointColour('network', p({ 8: 'urban' }))).not.toBe(pointColour('network', p({ 8: 'rural' })));
    expect(gridColour(7)).not.toBe(gridColour(8));
  });
  it('lists the class codes present', () => {
    expect(legendOf('classCode', [p({ 6: 'XZ3' }), p({ 6: 'CZ1' }), p({ 6: 'XZ3' })]).map((l) => l.key)).toEqual(['CZ1', 'XZ3']);
  });
});
