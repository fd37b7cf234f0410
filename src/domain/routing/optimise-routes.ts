import type { RoutingProblem } from './problem.js';
import { solveRouting, type RoutingResult, type SolveOptions } from './solve-routing.js';

/** VRPTW entry point: fleet free (up to the problem's limit), total distance minimised. */
export function optimiseRoutes(problem: RoutingProblem, options: SolveOptions = {}): RoutingResult {
  return solveRouting(problem, options);
}
