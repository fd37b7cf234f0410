// `npm test`: type check, unit tests, the integration suite on both engines
// (embedded PGlite and the PostgreSQL server), then the browser journeys.
// The server must be reachable: a missing server fails the run, never skips it.
//
// The machine this must fit has 2 cores, and the database steps run their
// files one by one and wait on the database, the server or the browser for
// much of their time; two steps run at a time by default, TEST_SLOTS=3 runs
// three (decisions 0831, 0850, 0851): the steps wait in a queue, longest first, and whichever slot frees
// up takes the next. The integration suite is cut into two parts per engine
// (the few long files, the rest) and the browser journeys into two halves,
// so that the slots end close together.
// The browser journeys run on the PostgreSQL server (decision 0850): the
// integration suite covers PGlite, and the journeys spend less CPU there.
// Output of a step is printed whole when it ends, so it stays readable.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cpuOf = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cpu-of.mjs');
const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const vitest = (project) => ['vitest', 'run', '--project', project];
const onServer = { TEST_DB: 'postgres', TEST_DATABASE_URL: serverUrl };

// [name, command, args, env, seconds it takes on a quiet machine (for the order only)]
const steps = [
  // One checker thread: the other slot's step keeps the second core busy, and tsc's parallel checkers spent ~40 %
  // more CPU for the same check (decision 0858).
  ['typecheck', 'npx', ['tsc', '--noEmit', '--checkers', '1'], {}, 45],
  // The schema's keys include org_id (decision 1900); about 2 s.
  ['lint:distribution', 'npx', ['tsx', 'scripts/lint-distribution.ts'], {}, 3],
  ['unit', 'npx', vitest('unit'), {}, 55],
  ['integration (PostgreSQL server): long files', 'npx', vitest('integration'), { ...onServer, TEST_PART: 'long' }, 110],
  ['integration (PostgreSQL server): the rest', 'npx', vitest('integration'), { ...onServer, TEST_PART: 'rest' }, 130],
  ['integration (PGlite): long files', 'npx', vitest('integration'), { TEST_DB: 'pglite', TEST_PART: 'long' }, 150],
  ['integration (PGlite): the rest', 'npx', vitest('integration'), { TEST_DB: 'pglite', TEST_PART: 'rest' }, 200],
  ['e2e (Chromium, PostgreSQL server): first half', 'npx', vitest('e2e'), { ...onServer, E2E_PART: '1' }, 300],
  ['e2e (Chromium, PostgreSQL server): second half', 'npx', vitest('e2e'), { ...onServer, E2E_PART: '2' }, 300],
];
const SLOTS = Number(process.env.TEST_SLOTS ?? 2);

/**
 * Runs one step; its output is collected and printed when it ends. CPU
 * seconds (the step's processes, user + system, Linux) come back through fd 3
 * of the wrapper: on a shared machine the wall time swings with the load, the
 * CPU much less.
 */
function run([name, cmd, args, env]) {
  const t0 = Date.now();
  console.log(`=== ${name}: started ===`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cpuOf, cmd, ...args], {
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    const out = [];
    let cpu = '';
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.stdio[3].on('data', (d) => (cpu += d));
    child.on('close', (code) => {
      const seconds = (Date.now() - t0) / 1000;
      const output = Buffer.concat(out).toString();
      process.stdout.write(`\n=== ${name}: output ===\n${output}`);
      const cpuText = cpu ? ` (CPU ${Number(cpu).toFixed(0)} s)` : '';
      console.log(`=== ${name}: ${code === 0 ? 'ok' : 'FAILED'} in ${seconds.toFixed(0)} s${cpuText} ===\n`);
      resolve({ name, ok: code === 0, seconds, output });
    });
  });
}

const only = process.argv[2];
const queue = steps.filter(([name]) => !only || name.startsWith(only)).sort((a, b) => b[4] - a[4]);
const t0 = Date.now();
const results = [];
await Promise.all(
  Array.from({ length: SLOTS }, async () => {
    for (let step = queue.shift(); step; step = queue.shift()) results.push(await run(step));
  }),
);
const failed = results.filter((r) => !r.ok);
console.log(results.map((r) => `${r.ok ? 'ok    ' : 'FAILED'} ${String(r.seconds.toFixed(0)).padStart(4)} s  ${r.name}`).join('\n'));
// What failed, again at the very end: a CI log is often read from its tail, where the step's whole output is far above.
for (const r of failed) {
  const lines = r.output.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const marks = lines.filter((l) => /^\s*(FAIL|×)\s|Error:|Test timed out|Hook timed out/.test(l)).map((l) => l.trim().slice(0, 240));
  console.log(`\n${r.name} failed:\n${[...new Set(marks)].slice(0, 12).join('\n') || lines.slice(-12).join('\n')}`);
}
console.log(`\nsteps: ${results.length - failed.length} passed, ${failed.length} failed, in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
process.exit(failed.length ? 1 : 0);
