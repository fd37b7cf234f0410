import type { RoutingProblem } from './problem.js';
import type { Random } from './random.js';
import { EPSILON, cloneRoute, isRouteFeasible, refreshRoute, routeDistance, type Route } from './route.js';
import { buildSolution, type Solution } from './solution.js';

const IMPROVEMENT = 1e-7;

/**
 * Descent to a local optimum with relocate, swap, 2-opt*, or-opt (segments of
 * 2 and 3, either way round) and 2-opt, between and within the routes of each
 * day; every job keeps its days. Moves are tried only towards the `granularity`
 * nearest neighbours of a job. A move's distance change is computed first;
 * only improving moves get the full capacity and time-window check.
 */
export function improveLocally(
  problem: RoutingProblem,
  solution: Solution,
  neighbours: readonly Int32Array[],
  random: Random,
  granularity = 30,
): Solution {
  const search = new LocalSearch(problem, solution, neighbours, granularity);
  search.run(random);
  return buildSolution(problem, search.routes, solution.unassigned, solution.pattern);
}

class LocalSearch {
  readonly routes: Route[];
  private readonly routeOf: Int32Array;
  private readonly d: Float64Array;
  private readonly n: number;

  constructor(
    private readonly problem: RoutingProblem,
    solution: Solution,
    private readonly neighbours: readonly Int32Array[],
    private readonly granularity: number,
  ) {
    this.routes = solution.routes.map(cloneRoute);
    this.routeOf = solution.routeOf.slice();
    this.d = problem.distance;
    this.n = problem.nodeCount;
  }

  run(random: Random): void {
    const { days } = this.problem;
    const visits: number[] = [];
    for (let r = 0; r < this.routes.length; r++) {
      for (const node of this.routes[r].nodes) visits.push(node * days + this.routes[r].day);
    }
    let improved = true;
    let passes = 0;
    while (improved && passes++ < 50) {
      improved = false;
      for (let i = visits.length - 1; i > 0; i--) {
        const j = random.int(i + 1);
        [visits[i], visits[j]] = [visits[j], visits[i]];
      }
      for (const visit of visits) {
        if (this.improveVisit(Math.floor(visit / days), visit % days)) improved = true;
      }
    }
  }

  private dist(a: number, b: number): number {
    return this.d[a * this.n + b];
  }

  private improveVisit(u: number, day: number): boolean {
    const { days } = this.problem;
    const near = this.neighbours[u];
    const limit = Math.min(near.length, this.granularity + 1);
    for (let k = 1; k < limit; k++) {
      const v = near[k];
      const b = this.routeOf[v * days + day];
      const a = this.routeOf[u * days + day];
      if (a < 0 || b < 0) continue;
      if (a === b ? this.intraMoves(a, u, v) : this.interMoves(a, b, u, v)) return true;
    }
    return false;
  }

  private interMoves(a: number, b: number, u: number, v: number): boolean {
    const { start, end } = this.problem;
    const A = this.routes[a].nodes;
    const B = this.routes[b].nodes;
    const i = A.indexOf(u);
    const j = B.indexOf(v);
    const pu = i === 0 ? start : A[i - 1];
    const nu = i === A.length - 1 ? end : A[i + 1];
    const pv = j === 0 ? start : B[j - 1];
    const nv = j === B.length - 1 ? end : B[j + 1];
    const dist = (x: number, y: number) => this.dist(x, y);
    const removeU = dist(pu, nu) - dist(pu, u) - dist(u, nu);

    // Relocate u after v, then before v.
    if (removeU + dist(v, u) + dist(u, nv) - dist(v, nv) < -IMPROVEMENT) {
      if (this.tryPair(a, b, without(A, i, 1), insertAt(B, j + 1, [u]))) return true;
    }
    if (removeU + dist(pv, u) + dist(u, v) - dist(pv, v) < -IMPROVEMENT) {
      if (this.tryPair(a, b, without(A, i, 1), insertAt(B, j, [u]))) return true;
    }
    // Swap u and v.
    const swap =
      dist(pu, v) + dist(v, nu) - dist(pu, u) - dist(u, nu) + dist(pv, u) + dist(u, nv) - dist(pv, v) - dist(v, nv);
    if (swap < -IMPROVEMENT) {
      const A2 = A.slice();
      const B2 = B.slice();
      A2[i] = v;
      B2[j] = u;
      if (this.tryPair(a, b, A2, B2)) return true;
    }
    // 2-opt*: A keeps up to u then takes B after v; B keeps up to v then takes A after u.
    if (dist(u, nv) + dist(v, nu) - dist(u, nu) - dist(v, nv) < -IMPROVEMENT) {
      if (this.tryPair(a, b, A.slice(0, i + 1).concat(B.slice(j + 1)), B.slice(0, j + 1).concat(A.slice(i + 1)))) {
        return true;
      }
    }
    // 2-opt* the other way: A up to before u joined to B from v.
    if (dist(pu, v) + dist(pv, u) - dist(pu, u) - dist(pv, v) < -IMPROVEMENT) {
      if (this.tryPair(a, b, A.slice(0, i).concat(B.slice(j)), B.slice(0, j).concat(A.slice(i)))) return true;
    }
    // Or-opt: the segment starting at u (2 or 3 jobs) moved after v, as is or reversed.
    for (let len = 2; len <= 3 && i + len <= A.length; len++) {
      const last = A[i + len - 1];
      const after = i + len === A.length ? end : A[i + len];
      const remove = dist(pu, after) - dist(pu, u) - dist(last, after);
      const segment = A.slice(i, i + len);
      if (remove + dist(v, u) + dist(last, nv) - dist(v, nv) < -IMPROVEMENT) {
        if (this.tryPair(a, b, without(A, i, len), insertAt(B, j + 1, segment))) return true;
      }
      if (remove + dist(v, last) + dist(u, nv) - dist(v, nv) < -IMPROVEMENT) {
        if (this.tryPair(a, b, without(A, i, len), insertAt(B, j + 1, segment.reverse()))) return true;
      }
    }
    return false;
  }

  private intraMoves(a: number, u: number, v: number): boolean {
    const nodes = this.routes[a].nodes;
    const i = nodes.indexOf(u);
    const j = nodes.indexOf(v);
    const before = this.routes[a].distance;
    const candidates: number[][] = [];
    // Relocate u (or a segment of 2-3 starting at u) to just after v.
    for (let len = 1; len <= 3 && i + len <= nodes.length; len++) {
      if (j >= i && j < i + len) break;
      const segment = nodes.slice(i, i + len);
      const rest = without(nodes, i, len);
      const at = rest.indexOf(v) + 1;
      candidates.push(insertAt(rest, at, segment));
      if (len > 1) candidates.push(insertAt(rest, at, segment.slice().reverse()));
    }
    // 2-opt: reverse the stretch between u and v.
    const lo = Math.min(i, j);
    const hi = Math.max(i, j);
    candidates.push(nodes.slice(0, lo).concat(nodes.slice(lo, hi + 1).reverse(), nodes.slice(hi + 1)));
    // Swap u and v.
    const swapped = nodes.slice();
    swapped[i] = v;
    swapped[j] = u;
    candidates.push(swapped);
    for (const candidate of candidates) {
      if (routeDistance(this.problem, candidate) < before - IMPROVEMENT && isRouteFeasible(this.problem, candidate)) {
        this.apply(a, candidate);
        return true;
      }
    }
    return false;
  }

  /** Applies new orders for two routes if both are feasible. */
  private tryPair(a: number, b: number, nodesA: number[], nodesB: number[]): boolean {
    const { problem } = this;
    const { demand, capacity } = problem;
    let loadA = 0;
    for (const node of nodesA) loadA += demand[node];
    let loadB = 0;
    for (const node of nodesB) loadB += demand[node];
    if (loadA > capacity + EPSILON || loadB > capacity + EPSILON) return false;
    if (!isRouteFeasible(problem, nodesA) || !isRouteFeasible(problem, nodesB)) return false;
    this.apply(a, nodesA);
    this.apply(b, nodesB);
    return true;
  }

  private apply(index: number, nodes: number[]): void {
    const route = this.routes[index];
    route.nodes = nodes;
    refreshRoute(this.problem, route);
    const { days } = this.problem;
    for (const node of nodes) this.routeOf[node * days + route.day] = index;
  }
}

function without(nodes: readonly number[], at: number, count: number): number[] {
  return nodes.slice(0, at).concat(nodes.slice(at + count));
}

function insertAt(nodes: readonly number[], at: number, items: readonly number[]): number[] {
  return nodes.slice(0, at).concat(items, nodes.slice(at));
}
