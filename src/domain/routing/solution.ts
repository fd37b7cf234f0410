import type { RoutingProblem } from './problem.js';
import { cloneRoute, createRoute, refreshRoute, type Route } from './route.js';

/**
 * An accepted solution. Never mutated once built: drafts share its routes and
 * copy a route only when they change it.
 */
export interface Solution {
  routes: readonly Route[];
  unassigned: readonly number[];
  /** Chosen pattern index per node; -1 for depots and unassigned jobs. */
  pattern: Int32Array;
  /** routeOf[job * days + day] = index in `routes`, or -1. */
  routeOf: Int32Array;
  distance: number;
}

/** Objective: distance plus a penalty per job left out. */
export function solutionCost(solution: Solution, unassignedPenalty: number): number {
  return solution.distance + unassignedPenalty * solution.unassigned.length;
}

/** Lexicographic: fewer unassigned first, then shorter. */
export function isBetter(a: Solution, b: Solution): boolean {
  if (a.unassigned.length !== b.unassigned.length) return a.unassigned.length < b.unassigned.length;
  return a.distance < b.distance - 1e-9;
}

/** A solution under change: copy-on-write routes, empty routes kept until `finish`. */
export class Draft {
  readonly routes: Route[];
  private readonly owned: boolean[];
  readonly pattern: Int32Array;
  readonly unassigned: number[];
  readonly activeRoutes: number[];
  private readonly dirty = new Set<number>();

  constructor(
    private readonly problem: RoutingProblem,
    readonly base: Solution,
  ) {
    this.routes = base.routes.slice();
    this.owned = new Array(this.routes.length).fill(false);
    this.pattern = base.pattern.slice();
    this.unassigned = base.unassigned.slice();
    this.activeRoutes = new Array(problem.days).fill(0);
    for (const route of this.routes) this.activeRoutes[route.day]++;
  }

  /** The route at `index`, copied first if still shared with the base. */
  mutable(index: number): Route {
    if (!this.owned[index]) {
      this.routes[index] = cloneRoute(this.routes[index]);
      this.owned[index] = true;
    }
    return this.routes[index];
  }

  /** Removes every visit of a job that the base solution has; routes are refreshed by `refreshDirty`. */
  removeJob(job: number): void {
    const { days } = this.problem;
    for (let day = 0; day < days; day++) {
      const index = this.base.routeOf[job * days + day];
      if (index < 0) continue;
      const route = this.mutable(index);
      const at = route.nodes.indexOf(job);
      if (at < 0) continue;
      route.nodes.splice(at, 1);
      if (route.nodes.length === 0) this.activeRoutes[route.day]--;
      this.dirty.add(index);
    }
    this.pattern[job] = -1;
  }

  markDirty(index: number): void {
    this.dirty.add(index);
  }

  refreshDirty(): void {
    for (const index of this.dirty) refreshRoute(this.problem, this.routes[index]);
    this.dirty.clear();
  }

  /** Inserts a visit; `routeIndex` -1 opens a new route on `day`. Refreshes the route. */
  insert(job: number, day: number, routeIndex: number, position: number): void {
    if (routeIndex < 0) {
      const empty = this.routes.findIndex((route) => route.day === day && route.nodes.length === 0);
      if (empty >= 0) {
        const route = this.mutable(empty);
        route.nodes.push(job);
        refreshRoute(this.problem, route);
      } else {
        this.routes.push(createRoute(this.problem, day, [job]));
        this.owned.push(true);
      }
      this.activeRoutes[day]++;
      return;
    }
    const route = this.mutable(routeIndex);
    route.nodes.splice(position, 0, job);
    refreshRoute(this.problem, route);
  }

  finish(): Solution {
    return buildSolution(this.problem, this.routes, this.unassigned, this.pattern);
  }
}

export function buildSolution(
  problem: RoutingProblem,
  allRoutes: readonly Route[],
  unassigned: readonly number[],
  pattern: Int32Array,
): Solution {
  const routes = allRoutes.filter((route) => route.nodes.length > 0);
  const routeOf = new Int32Array(problem.nodeCount * problem.days).fill(-1);
  let distance = 0;
  routes.forEach((route, index) => {
    distance += route.distance;
    for (const node of route.nodes) routeOf[node * problem.days + route.day] = index;
  });
  return { routes, unassigned: unassigned.slice(), pattern, routeOf, distance };
}

export function emptySolution(problem: RoutingProblem, jobs: readonly number[]): Solution {
  return buildSolution(problem, [], jobs, new Int32Array(problem.nodeCount).fill(-1));
}
