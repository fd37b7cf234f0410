// One row of the authorisation matrix: an endpoint call and the status each
// role must get. Each feature keeps its rows in its own module in this folder;
// authorization-matrix.test.ts runs them all and checks that every API route
// is covered.
import type { TestApp } from '../../support/test-app.js';

export const ROLES = ['admin', 'county_manager', 'station_head', 'grid_worker', 'call_agent', 'retailer'] as const;

export type MatrixContext = {
  t: TestApp;
  /** The retailer account's own shop: in worker1's grid and station 1. */
  own: () => number;
  /** A retailer in another station. */
  other: () => number;
};

export type MatrixCall = {
  name: string;
  method: string;
  /** The route pattern as registered, e.g. '/api/retailers/:id'. */
  route: string;
  url: () => string;
  body?: () => Promise<unknown>;
  /** Expected status per role, in the order of ROLES. */
  expected: [number, number, number, number, number, number];
  /**
   * A province or city user (decision 1910). At home (no county chosen): what they get; omitted, a county route
   * answers 403 org_county_required. Drilled into the county, they are not listed: a read answers what the county
   * manager gets, and every write 403 org_read_only — but a route declared `sideEffectFree` (decision 1660), which
   * answers what the county manager gets.
   */
  regionalHome?: number;
};

/** Province and city accounts of the demo, checked on every call besides the county roles. */
export const REGIONAL_ACCOUNTS = { province: ['province', 'province123'], city: ['city', 'city123'] } as const;

export type MatrixModule = {
  /**
   * Forgets what the module's calls remembered of a county (ids, counters): test files
   * share one process (decision 0831), and each file runs the matrix on its own copy.
   */
  reset?: () => void;
  calls: (ctx: MatrixContext) => MatrixCall[];
  /** Routes deliberately outside the matrix (open by design or tested with special bodies elsewhere). */
  outside?: string[];
};
