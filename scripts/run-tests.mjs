// `npm test`: type check, unit tests, the integration suite on both engines
// (embedded PGlite and the PostgreSQL server), then the browser journeys.
// The server must be reachable: a missing server fails the run, never skips it.
//
// The machine this must fit has 2 cores, and every step but the unit tests
// runs its files one by one, so steps run two at a time (decision 0831):
//   phase 1: (typecheck, lint:distribution) ‖ unit
//   phase 2: (integration on the PostgreSQL server, then on PGlite) ‖ e2e
// Near-quiet figures: server 79 s + PGlite 116 s beside e2e 196 s. The server
// step goes first so that it builds the server's templates while e2e builds
// PGlite's, and the PGlite step then finds it built.
// Output of a step that runs beside another is printed whole when it ends,
// so it stays readable.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cpuOf = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cpu-of.mjs');
const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const vitest = (project) => ['vitest', 'run', '--project', project];

const typecheck = ['typecheck', 'npx', ['tsc', '--noEmit'], {}];
// The schema's keys include org_id (decision 1900); about 2 s, so it shares the typecheck lane.
const lintDistribution = ['lint:distribution', 'npx', ['tsx', 'scripts/lint-distribution.ts'], {}];
const unit = ['unit', 'npx', vitest('unit'), {}];
const pglite = ['integration (PGlite)', 'npx', vitest('integration'), { TEST_DB: 'pglite' }];
const server = ['integration (PostgreSQL server)', 'npx', vitest('integration'), { TEST_DB: 'postgres', TEST_DATABASE_URL: serverUrl }];
const e2e = ['e2e (Chromium)', 'npx', vitest('e2e'), {}];

// A phase is lanes that run side by side; a lane runs its steps one after another.
const phases = [
  [[typecheck, lintDistribution], [unit]],
  [[server, pglite], [e2e]],
];

/**
 * Runs one step; its output goes straight through, or is collected when others
 * run beside it. CPU seconds (the step's processes, user + system, Linux) come
 * back through fd 3 of the wrapper: on a shared machine the wall time swings
 * with the load, the CPU much less.
 */
function run([name, cmd, args, env], alone) {
  const t0 = Date.now();
  console.log(`\n=== ${name} ===${alone ? '' : ' (started; output when it ends)'}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cpuOf, cmd, ...args], {
      stdio: [alone ? 'inherit' : 'ignore', alone ? 'inherit' : 'pipe', alone ? 'inherit' : 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    const out = [];
    let cpu = '';
    child.stdout?.on('data', (d) => out.push(d));
    child.stderr?.on('data', (d) => out.push(d));
    child.stdio[3].on('data', (d) => (cpu += d));
    child.on('close', (code) => {
      const seconds = (Date.now() - t0) / 1000;
      if (!alone) process.stdout.write(`\n=== ${name}: output ===\n${Buffer.concat(out).toString()}`);
      const cpuText = cpu ? ` (CPU ${Number(cpu).toFixed(0)} s)` : '';
      console.log(`=== ${name}: ${code === 0 ? 'ok' : 'FAILED'} in ${seconds.toFixed(0)} s${cpuText} ===`);
      resolve({ name, ok: code === 0 });
    });
  });
}

const only = process.argv[2];
const t0 = Date.now();
const results = [];
for (const phase of phases) {
  const lanes = phase.map((lane) => lane.filter(([name]) => !only || name.startsWith(only))).filter((lane) => lane.length > 0);
  const alone = lanes.length === 1;
  const p0 = Date.now();
  await Promise.all(
    lanes.map(async (lane) => {
      for (const step of lane) results.push(await run(step, alone));
    }),
  );
  if (lanes.length > 1) console.log(`=== ${lanes.map((l) => l.map(([name]) => name).join(' → ')).join(' ‖ ')}: ${((Date.now() - p0) / 1000).toFixed(0)} s ===`);
}
const failed = results.filter((r) => !r.ok).length;
console.log(`\nsteps: ${results.length - failed} passed, ${failed} failed, in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
process.exit(failed ? 1 : 0);
