/**
 * Exact single-route solver by dynamic programming over subsets, for a day of
 * up to a dozen stops. A label (distance, time) per subset and last stop is
 * kept unless another is no longer and no later, so waiting for a shop to open
 * is handled exactly. When not every stop fits, it serves as many as possible
 * and, among those plans, the shortest.
 */
export interface DayRouteMatrixInput {
  /** Node 0 is the start, node 1 the end, nodes 2.. the stops; row-major. */
  distance: Float64Array;
  travelTime: Float64Array;
  /** Per node (start, end, stops). */
  serviceTime: ArrayLike<number>;
  ready: ArrayLike<number>;
  due: ArrayLike<number>;
}

export interface ExactDayRoute {
  /** Nodes (2..) in visiting order. */
  order: number[];
  distance: number;
}

export const EXACT_STOP_LIMIT = 13;

export function solveDayRouteExactly(input: DayRouteMatrixInput, stops: readonly number[]): ExactDayRoute {
  const m = stops.length;
  if (m > EXACT_STOP_LIMIT) throw new Error(`exact day route handles at most ${EXACT_STOP_LIMIT} stops, got ${m}`);
  const { distance, travelTime, serviceTime, ready, due } = input;
  const size = Math.round(Math.sqrt(distance.length));
  const START = 0;
  const END = 1;
  const full = 1 << m;
  // labels[mask * m + j]: flat [distance, time, parentLabelKey, parentIndex, ...]
  const labels: number[][] = new Array(full * m);
  const push = (key: number, dist: number, time: number, parentKey: number, parentIndex: number): void => {
    let list = labels[key];
    if (!list) list = labels[key] = [];
    for (let k = 0; k < list.length; k += 4) {
      if (list[k] <= dist + 1e-12 && list[k + 1] <= time + 1e-12) return;
    }
    // Dominated labels are marked dead (distance = Infinity) to keep parent indices stable.
    for (let k = 0; k < list.length; k += 4) {
      if (dist <= list[k] + 1e-12 && time <= list[k + 1] + 1e-12) list[k] = Infinity;
    }
    list.push(dist, time, parentKey, parentIndex);
  };
  const departure = ready[START] + serviceTime[START];
  for (let j = 0; j < m; j++) {
    const node = stops[j];
    const arrival = departure + travelTime[START * size + node];
    if (arrival > due[node] + 1e-9) continue;
    push((1 << j) * m + j, distance[START * size + node], Math.max(arrival, ready[node]), -1, -1);
  }
  let best: { count: number; dist: number; key: number; index: number } = { count: 0, dist: 0, key: -1, index: -1 };
  if (ready[START] + serviceTime[START] + travelTime[START * size + END] <= due[END] + 1e-9) {
    best = { count: 0, dist: distance[START * size + END], key: -1, index: -1 };
  }
  for (let mask = 1; mask < full; mask++) {
    const count = popcount(mask);
    for (let j = 0; j < m; j++) {
      const key = mask * m + j;
      const list = labels[key];
      if (!list) continue;
      const from = stops[j];
      for (let k = 0; k < list.length; k += 4) {
        const dist = list[k];
        if (dist === Infinity) continue;
        const leave = list[k + 1] + serviceTime[from];
        const back = leave + travelTime[from * size + END];
        if (back <= due[END] + 1e-9) {
          const total = dist + distance[from * size + END];
          if (count > best.count || (count === best.count && total < best.dist - 1e-12)) {
            best = { count, dist: total, key, index: k };
          }
        }
        for (let next = 0; next < m; next++) {
          if (mask & (1 << next)) continue;
          const node = stops[next];
          const arrival = leave + travelTime[from * size + node];
          if (arrival > due[node] + 1e-9) continue;
          push((mask | (1 << next)) * m + next, dist + distance[from * size + node], Math.max(arrival, ready[node]), key, k);
        }
      }
    }
  }
  const order: number[] = [];
  let key = best.key;
  let index = best.index;
  while (key >= 0) {
    order.push(stops[key % m]);
    const list = labels[key];
    const parentKey = list[index + 2];
    index = list[index + 3];
    key = parentKey;
  }
  order.reverse();
  return { order, distance: best.dist };
}

function popcount(x: number): number {
  let count = 0;
  while (x) {
    x &= x - 1;
    count++;
  }
  return count;
}
