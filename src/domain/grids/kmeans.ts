// Plain k-means (k-means++ start, Lloyd iterations) on positions alone: the
// baseline the balanced partition is compared with. Seeded, deterministic.
import { createRandom } from '../routing/random.js';
import { toPlane, type LatLng } from './plane.js';

export function kMeans(points: readonly LatLng[], k: number, seed: number, maxIterations = 100): Int32Array {
  const n = points.length;
  const assign = new Int32Array(n);
  if (n === 0 || k <= 1) return assign;
  k = Math.min(k, n);
  const { x, y } = toPlane(points);
  const rng = createRandom(seed);
  const cx = new Float64Array(k), cy = new Float64Array(k);
  const d2 = new Float64Array(n).fill(Infinity);
  let first = rng.int(n);
  for (let c = 0; c < k; c++) {
    cx[c] = x[first];
    cy[c] = y[first];
    let total = 0;
    for (let i = 0; i < n; i++) {
      d2[i] = Math.min(d2[i], (x[i] - cx[c]) ** 2 + (y[i] - cy[c]) ** 2);
      total += d2[i];
    }
    let r = rng.next() * total;
    first = n - 1;
    for (let i = 0; i < n; i++) if ((r -= d2[i]) <= 0) (first = i), (i = n);
  }
  for (let it = 0; it < maxIterations; it++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      let best = 0, bestD = Infinity;
      for (let c = 0; c < k; c++) {
        const d = (x[i] - cx[c]) ** 2 + (y[i] - cy[c]) ** 2;
        if (d < bestD) (bestD = d), (best = c);
      }
      if (assign[i] !== best || it === 0) changed += assign[i] !== best ? 1 : 0;
      assign[i] = best;
    }
    const sx = new Float64Array(k), sy = new Float64Array(k), cnt = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      sx[assign[i]] += x[i];
      sy[assign[i]] += y[i];
      cnt[assign[i]]++;
    }
    for (let c = 0; c < k; c++) if (cnt[c]) (cx[c] = sx[c] / cnt[c]), (cy[c] = sy[c] / cnt[c]);
    if (it > 0 && changed === 0) break;
  }
  return assign;
}
