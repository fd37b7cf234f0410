// Colours of retailer points by the chosen attribute, with the legend.
import type { MapPointRow } from '../../../shared/grids.js';

export const COLOUR_ATTRIBUTES = ['star', 'tier', 'classCode', 'businessFormat', 'network', 'grid'] as const;
export type ColourAttribute = (typeof COLOUR_ATTRIBUTES)[number];

export type LegendEntry = { key: string; colour: string };

const QUALITATIVE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f', '#393b79', '#637939'];
// Unrated grey, then 1 … 5 stars light to dark, 超五星 purple.
const STARS = ['#bfbfbf', '#fee391', '#fec44f', '#fe9929', '#ec7014', '#cc4c02', '#7a0177'];
const FORMATS = ['Z', 'B', 'S', 'N', 'Y', 'F', 'Q'];

/** Tier 1…30 on a blue ramp. */
function tierColour(tier: number): string {
  const t = Math.max(0, Math.min(1, (tier - 1) / 29));
  const l = Math.round(85 - t * 55);
  return `hsl(212, 70%, ${l}%)`;
}

export function pointColour(attr: ColourAttribute, p: MapPointRow): string {
  switch (attr) {
    case 'star':
      return STARS[Math.max(0, Math.min(6, p[4]))];
    case 'tier':
      return tierColour(p[5]);
    case 'classCode':
      return classColour(p[6]);
    case 'businessFormat':
      return QUALITATIVE[Math.max(0, FORMATS.indexOf(p[7]))];
    case 'network':
      return p[8] === 'urban' ? '#d4380d' : '#389e0d';
    case 'grid':
      return gridColour(p[3]);
  }
}

/** Class codes like CZ1: market (C/X) sets the hue family, scale 1–3 the shade. */
function classColour(code: string): string {
  const urban = code.startsWith('C');
  const scale = Number(code.slice(-1)) || 3;
  return urban ? ['#a8071a', '#f5222d', '#ff7875'][scale - 1] : ['#0050b3', '#1890ff', '#69c0ff'][scale - 1];
}

/** Neighbouring grids have consecutive ids, so a stride spreads their colours. */
export function gridColour(gridId: number): string {
  return QUALITATIVE[(gridId * 5) % QUALITATIVE.length];
}

export function legendOf(attr: ColourAttribute, points: readonly MapPointRow[]): LegendEntry[] {
  switch (attr) {
    case 'star':
      return STARS.map((colour, star) => ({ key: String(star), colour }));
    case 'tier':
      return [1, 10, 20, 30].map((tier) => ({ key: String(tier), colour: tierColour(tier) }));
    case 'classCode': {
      const codes = [...new Set(points.map((p) => p[6]).filter(Boolean))].sort();
      return codes.slice(0, 12).map((c) => ({ key: c, colour: classColour(c) }));
    }
    case 'businessFormat':
      return FORMATS.map((f, i) => ({ key: f, colour: QUALITATIVE[i] }));
    case 'network':
      return [
        { key: 'urban', colour: '#d4380d' },
        { key: 'rural', colour: '#389e0d' },
      ];
    case 'grid':
      return [];
  }
}
