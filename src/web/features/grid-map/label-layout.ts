// Map labels that do not pile up (issue 14 item 11): each candidate label has
// a screen box at the current zoom; the most important are placed first and a
// label that would touch one already placed is left out (its name stays on
// hover). Recomputed on every zoom, so more labels appear as the map zooms in.

export type LabelCandidate = {
  key: string;
  /** Screen position of the anchor (container pixels). */
  x: number;
  y: number;
  /** Estimated size of the label in pixels. */
  w: number;
  h: number;
  /** Where the label sits relative to the anchor (as the Leaflet tooltip's direction). */
  side: 'center' | 'right' | 'bottom';
  /** Higher first. */
  priority: number;
};

type Box = [number, number, number, number];

function boxOf(c: LabelCandidate): Box {
  switch (c.side) {
    case 'right':
      return [c.x + 6, c.y - c.h / 2, c.x + 6 + c.w, c.y + c.h / 2];
    case 'bottom':
      return [c.x - c.w / 2, c.y + 10, c.x + c.w / 2, c.y + 10 + c.h];
    default:
      return [c.x - c.w / 2, c.y - c.h / 2, c.x + c.w / 2, c.y + c.h / 2];
  }
}

/** The keys of the labels to show: greedy by priority, none closer than `gap` pixels to another. */
export function pickLabels(candidates: readonly LabelCandidate[], gap = 4): Set<string> {
  const placed: Box[] = [];
  const shown = new Set<string>();
  for (const c of [...candidates].sort((a, b) => b.priority - a.priority)) {
    const [l, t, r, b] = boxOf(c);
    if (placed.some(([pl, pt, pr, pb]) => l < pr + gap && r + gap > pl && t < pb + gap && b + gap > pt)) continue;
    placed.push([l, t, r, b]);
    shown.add(c.key);
  }
  return shown;
}

/** A label's size in pixels: CJK characters one em wide, others about 0.6 em, plus the label's padding. */
export function labelSize(lines: readonly string[], fontPx: number): { w: number; h: number } {
  const width = (s: string) => [...s].reduce((a, ch) => a + (/[\u2e80-\uffef]/.test(ch) ? 1 : 0.6), 0) * fontPx;
  return { w: Math.ceil(Math.max(0, ...lines.map(width)) + 8), h: Math.ceil(lines.length * fontPx * 1.3 + 2) };
}
