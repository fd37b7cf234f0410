// bench:routes — every Solomon VRPTW instance in a folder, fleet free, total
// distance minimised, compared with the best known distance (BKS.json,
// `<name>_distance`). One line per instance, then one JSON object as the last line.
//
//   npm run bench:routes [-- --dir DIR --ms 800 --seed 1 --iterations N --only REGEX]
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { optimiseRoutes } from '../src/domain/routing/optimise-routes.js';
import { parseSolomon, solomonToProblem } from '../src/domain/routing/solomon-parser.js';
import { validateSolution } from '../src/domain/routing/validate-solution.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    dir: { type: 'string', default: path.resolve(repoRoot, '../shared/bench-data/solomon') },
    ms: { type: 'string', default: '800' },
    seed: { type: 'string', default: '1' },
    iterations: { type: 'string' },
    only: { type: 'string' },
  },
});
const dir = path.resolve(args.dir!);
const bks = JSON.parse(readFileSync(path.join(dir, 'BKS.json'), 'utf8')) as Record<
  string,
  { best_known_cost: number }
>;
const files = readdirSync(dir)
  .filter((f) => f.toLowerCase().endsWith('.txt'))
  .filter((f) => !args.only || new RegExp(args.only, 'i').test(f))
  .sort();

const gaps: number[] = [];
const seconds: number[] = [];
for (const file of files) {
  const instance = parseSolomon(readFileSync(path.join(dir, file), 'utf8'));
  const name = instance.name || path.basename(file, '.txt');
  const known = bks[`${name}_distance`]?.best_known_cost;
  if (known === undefined) throw new Error(`${name}: no ${name}_distance in BKS.json`);
  const problem = solomonToProblem(instance);
  const began = performance.now();
  const result = optimiseRoutes(problem, {
    seed: Number(args.seed),
    ...(args.iterations
      ? { maxIterations: Number(args.iterations) }
      : { timeLimitMs: Number(args.ms), now: () => performance.now() }),
  });
  const elapsed = (performance.now() - began) / 1000;
  const check = validateSolution(problem, result.routes);
  if (result.unassigned.length > 0) check.errors.push(`unassigned: ${result.unassigned.join(',')}`);
  if (Math.abs(check.distance - result.distance) > 1e-6) check.errors.push('reported distance differs');
  if (check.errors.length > 0) throw new Error(`${name}: invalid solution\n${check.errors.join('\n')}`);
  const gap = ((check.distance - known) / known) * 100;
  gaps.push(gap);
  seconds.push(elapsed);
  console.log(
    `${name.padEnd(6)} vehicles ${String(result.routes.length).padStart(2)}  distance ${check.distance.toFixed(2).padStart(8)}  ` +
      `BKS ${known.toFixed(2).padStart(8)}  gap ${gap.toFixed(2).padStart(5)}%  ${elapsed.toFixed(2)} s`,
  );
}

const sorted = seconds.slice().sort((a, b) => a - b);
const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
const round = (x: number, digits: number) => Number(x.toFixed(digits));
console.log(
  JSON.stringify({
    instances: gaps.length,
    avg_gap_pct: round(gaps.reduce((a, b) => a + b, 0) / gaps.length, 3),
    max_gap_pct: round(Math.max(...gaps), 3),
    median_seconds: round(median, 3),
  }),
);
