import { euclideanTable } from './distance-provider.js';
import { createProblem, type ProblemInput, type RoutingProblem } from './problem.js';
import { createRandom } from './random.js';

/** A small random VRPTW on a 100 × 100 plane, depot in the middle; for tests. */
export function randomVrptw(
  seed: number,
  jobs: number,
  overrides: Partial<ProblemInput> = {},
): RoutingProblem {
  const random = createRandom(seed);
  const points = [{ x: 50, y: 50 }];
  const ready = [0];
  const due = [1000];
  const service = [0];
  const demand = [0];
  for (let i = 0; i < jobs; i++) {
    points.push({ x: random.next() * 100, y: random.next() * 100 });
    const open = Math.floor(random.next() * 600);
    ready.push(open);
    due.push(open + 100 + Math.floor(random.next() * 300));
    service.push(10);
    demand.push(1 + random.int(20));
  }
  return createProblem({
    distance: euclideanTable(points).distance,
    serviceTime: service,
    ready,
    due,
    demand,
    capacity: 60,
    ...overrides,
  });
}
