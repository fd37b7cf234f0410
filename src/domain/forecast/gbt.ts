// A small gradient-boosted regression tree trainer (squared loss, histogram
// splits, row subsampling from a seeded generator) — no maintained npm trainer
// exists. Rows marked censored are lower bounds: they pull a prediction up
// when it is below them and never down (a one-sided loss).

export type GbtParams = {
  trees: number;
  depth: number;
  learningRate: number;
  minLeaf: number;
  /** L2 penalty on leaf values. */
  lambda: number;
  subsample: number;
  bins: number;
  seed: number;
};

export const DEFAULT_GBT: GbtParams = { trees: 150, depth: 5, learningRate: 0.08, minLeaf: 30, lambda: 1, subsample: 0.7, bins: 48, seed: 1 };

/** A node array: feature < 0 marks a leaf holding `value`; otherwise go left when bin ≤ threshold. */
type Tree = { feature: Int16Array; threshold: Uint8Array; left: Int32Array; right: Int32Array; value: Float64Array };

export type GbtModel = { base: number; edges: Float64Array[]; trees: Tree[]; learningRate: number; features: number };

export type TrainingSet = {
  /** Row-major features, `features` per row; NaN = missing. */
  x: Float64Array;
  features: number;
  y: Float64Array;
  weight?: Float64Array;
  censored?: Uint8Array;
};

/** Deterministic generator (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bin edges per feature from quantiles of its observed values; bin 0 is "missing". */
function binEdges(x: Float64Array, rows: number, features: number, bins: number): Float64Array[] {
  const edges: Float64Array[] = [];
  const step = Math.max(1, Math.floor(rows / 20_000));
  for (let f = 0; f < features; f++) {
    const sample: number[] = [];
    for (let r = 0; r < rows; r += step) {
      const v = x[r * features + f];
      if (!Number.isNaN(v)) sample.push(v);
    }
    sample.sort((a, b) => a - b);
    const cuts: number[] = [];
    for (let b = 1; b < bins - 1; b++) {
      const q = sample[Math.floor((b / (bins - 1)) * (sample.length - 1))];
      if (q !== undefined && (cuts.length === 0 || q > cuts[cuts.length - 1])) cuts.push(q);
    }
    edges.push(Float64Array.from(cuts));
  }
  return edges;
}

/** Bin of a value: 0 missing, else 1 + the number of cut points below it. */
function binOf(edges: Float64Array, v: number): number {
  if (Number.isNaN(v)) return 0;
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

export function trainGbt(data: TrainingSet, params: Partial<GbtParams> = {}): GbtModel {
  const p = { ...DEFAULT_GBT, ...params };
  const F = data.features;
  const n = data.y.length;
  const w = data.weight ?? new Float64Array(n).fill(1);
  const edges = binEdges(data.x, n, F, p.bins);
  const nb = p.bins + 1;
  const binned = new Uint8Array(n * F);
  for (let r = 0; r < n; r++) for (let f = 0; f < F; f++) binned[r * F + f] = binOf(edges[f], data.x[r * F + f]);

  let sw = 0;
  let sy = 0;
  for (let r = 0; r < n; r++) {
    sw += w[r];
    sy += w[r] * data.y[r];
  }
  const base = sw > 0 ? sy / sw : 0;
  const pred = new Float64Array(n).fill(base);
  const grad = new Float64Array(n);
  const rand = mulberry32(p.seed);
  const trees: Tree[] = [];
  // Histograms of gradient and weight per (feature, bin), interleaved; two per depth (the node's left and right child),
  // so a child's histogram is its parent's minus its sibling's: only the smaller child is summed row by row.
  const HS = F * nb * 2;
  const hists = Array.from({ length: p.depth + 2 }, () => [new Float64Array(HS), new Float64Array(HS)]);
  // The node's rows, ascending, in one buffer partitioned in place (stable) as the tree grows.
  const rowBuf = new Int32Array(n);
  const scratch = new Int32Array(n);

  const buildHist = (h: Float64Array, from: number, to: number) => {
    h.fill(0);
    for (let i = from; i < to; i++) {
      const r = rowBuf[i];
      const o = r * F;
      const g = grad[r];
      const wr = w[r];
      for (let f = 0; f < F; f++) {
        const k = (f * nb + binned[o + f]) << 1;
        h[k] += g;
        h[k + 1] += wr;
      }
    }
  };

  for (let t = 0; t < p.trees; t++) {
    for (let r = 0; r < n; r++) {
      const res = data.y[r] - pred[r];
      grad[r] = data.censored?.[r] && res < 0 ? 0 : w[r] * res;
    }
    let m = 0;
    for (let r = 0; r < n; r++) if (rand() < p.subsample) rowBuf[m++] = r;
    const nodes = { feature: [] as number[], threshold: [] as number[], left: [] as number[], right: [] as number[], value: [] as number[] };
    /** Grows the node over rowBuf[from, to); `hist` is its histogram (filled) or null at the maximum depth. */
    const grow = (from: number, to: number, depth: number, hist: Float64Array | null): number => {
      const id = nodes.feature.length;
      nodes.feature.push(-1);
      nodes.threshold.push(0);
      nodes.left.push(-1);
      nodes.right.push(-1);
      const count = to - from;
      let G = 0;
      let H = 0;
      for (let i = from; i < to; i++) {
        const r = rowBuf[i];
        G += grad[r];
        H += w[r];
      }
      nodes.value.push((G / (H + p.lambda)) * p.learningRate);
      if (depth >= p.depth || count < 2 * p.minLeaf || !hist) return id;
      // The minimum leaf is checked on weight here (a row's share of the node's weight) and on rows below.
      const parent = (G * G) / (H + p.lambda);
      let bestGain = 1e-9;
      let bestF = -1;
      let bestT = 0;
      const minH = (H * p.minLeaf) / count;
      for (let f = 0; f < F; f++) {
        let gl = 0;
        let hl = 0;
        for (let b = 0; b < nb - 1; b++) {
          const k = (f * nb + b) << 1;
          gl += hist[k];
          hl += hist[k + 1];
          const hr = H - hl;
          if (hl < minH || hr < minH) continue;
          const gr = G - gl;
          const gain = (gl * gl) / (hl + p.lambda) + (gr * gr) / (hr + p.lambda) - parent;
          if (gain > bestGain) {
            bestGain = gain;
            bestF = f;
            bestT = b;
          }
        }
      }
      if (bestF < 0) return id;
      // Stable partition: left rows stay at the front in order, right rows follow in order.
      let nl = 0;
      let nr = 0;
      for (let i = from; i < to; i++) {
        const r = rowBuf[i];
        if (binned[r * F + bestF] <= bestT) rowBuf[from + nl++] = r;
        else scratch[nr++] = r;
      }
      rowBuf.set(scratch.subarray(0, nr), from + nl);
      if (nl < p.minLeaf || nr < p.minLeaf) return id;
      const mid = from + nl;
      let hl: Float64Array | null = null;
      let hr: Float64Array | null = null;
      if (depth + 1 < p.depth) {
        // Only children that may split again need a histogram.
        [hl, hr] = hists[depth + 1];
        const [small, big, sFrom, sTo] = nl <= nr ? [hl, hr, from, mid] : [hr, hl, mid, to];
        buildHist(small, sFrom, sTo);
        for (let k = 0; k < HS; k++) big[k] = hist[k] - small[k];
      }
      nodes.feature[id] = bestF;
      nodes.threshold[id] = bestT;
      nodes.left[id] = grow(from, mid, depth + 1, hl);
      nodes.right[id] = grow(mid, to, depth + 1, hr);
      return id;
    };
    const root = hists[0][0];
    buildHist(root, 0, m);
    grow(0, m, 0, root);
    const tree: Tree = {
      feature: Int16Array.from(nodes.feature),
      threshold: Uint8Array.from(nodes.threshold),
      left: Int32Array.from(nodes.left),
      right: Int32Array.from(nodes.right),
      value: Float64Array.from(nodes.value),
    };
    trees.push(tree);
    for (let r = 0; r < n; r++) pred[r] += leafValue(tree, binned, r * F);
  }
  return { base, edges, trees, learningRate: p.learningRate, features: F };
}

function leafValue(tree: Tree, binned: Uint8Array, offset: number): number {
  let i = 0;
  while (tree.feature[i] >= 0) i = binned[offset + tree.feature[i]] <= tree.threshold[i] ? tree.left[i] : tree.right[i];
  return tree.value[i];
}

/** Predictions for row-major features. */
export function predictGbt(model: GbtModel, x: Float64Array): Float64Array {
  const F = model.features;
  const n = x.length / F;
  const out = new Float64Array(n);
  const row = new Uint8Array(F);
  for (let r = 0; r < n; r++) {
    for (let f = 0; f < F; f++) row[f] = binOf(model.edges[f], x[r * F + f]);
    let s = model.base;
    for (const t of model.trees) s += leafValue(t, row, 0);
    out[r] = s;
  }
  return out;
}
