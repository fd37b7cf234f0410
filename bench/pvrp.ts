// bench:pvrp — Cordeau periodic VRP instances (type 1) in a folder, each
// compared with the published cost in the `.res` file beside it. One line per
// instance, then one JSON object as the last line.
//
//   npm run bench:pvrp [-- --dir DIR --ms 2000 --seed 1]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cordeauToRequest, parseCordeauPvrp, parseCordeauResultCost } from '../src/domain/routing/cordeau-parser.js';
import { periodicProblem, planPeriodicRoutes } from '../src/domain/routing/plan-periodic-routes.js';
import { validateSolution } from '../src/domain/routing/validate-solution.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    dir: { type: 'string', default: path.resolve(repoRoot, '../shared/bench-data/pvrp') },
    ms: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    only: { type: 'string' },
  },
});
const dir = path.resolve(args.dir!);
const files = readdirSync(dir)
  .filter((f) => f.toLowerCase().endsWith('.txt'))
  .filter((f) => existsSync(path.join(dir, f.replace(/\.txt$/i, '.res'))))
  .filter((f) => !args.only || new RegExp(args.only, 'i').test(f))
  .sort();

const gaps: number[] = [];
let secondsTotal = 0;
for (const file of files) {
  const name = path.basename(file, '.txt');
  const instance = parseCordeauPvrp(readFileSync(path.join(dir, file), 'utf8'));
  const published = parseCordeauResultCost(readFileSync(path.join(dir, `${name}.res`), 'utf8'));
  const request = cordeauToRequest(instance);
  const problem = periodicProblem(request);
  const began = performance.now();
  const result = planPeriodicRoutes(request, {
    seed: Number(args.seed),
    timeLimitMs: Number(args.ms),
    now: () => performance.now(),
  });
  const elapsed = (performance.now() - began) / 1000;
  const routes = result.routes.map((route) => ({ day: route.day, nodes: route.customers.map((c) => c + 1) }));
  const check = validateSolution(problem, routes);
  if (result.unassigned.length > 0) check.errors.push(`unassigned: ${result.unassigned.join(',')}`);
  if (Math.abs(check.distance - result.distance) > 1e-6) check.errors.push('reported distance differs');
  if (check.errors.length > 0) throw new Error(`${name}: invalid solution\n${check.errors.join('\n')}`);
  const gap = ((check.distance - published) / published) * 100;
  gaps.push(gap);
  secondsTotal += elapsed;
  console.log(
    `${name.padEnd(4)} days ${String(instance.days).padStart(2)}  routes ${String(result.routes.length).padStart(2)}  ` +
      `cost ${check.distance.toFixed(2).padStart(8)}  published ${published.toFixed(2).padStart(8)}  ` +
      `gap ${gap.toFixed(2).padStart(5)}%  ${elapsed.toFixed(2)} s`,
  );
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));
console.log(
  JSON.stringify({
    instances: gaps.length,
    avg_gap_pct: round(gaps.reduce((a, b) => a + b, 0) / gaps.length, 3),
    seconds_total: round(secondsTotal, 2),
  }),
);
