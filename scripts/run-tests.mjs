// `npm test`: type check, unit tests, the integration suite on both engines
// (embedded PGlite and the PostgreSQL server), then the browser journeys.
// The server must be reachable: a missing server fails the run, never skips it.
//
// The machine this must fit has 2 cores. The steps wait in a queue, longest
// first, and a step starts when the cores it keeps busy are free (TEST_SLOTS,
// default 2): an integration part or the unit tests keep a core busy, a browser
// half about half of one, as it waits on Chromium and the server much of its
// time (decisions 0831, 0850, 0851, 0852). So the two browser halves run beside
// one integration part, and the integration suite, cut into two parts per engine
// (the few long files, the rest), fills the cores once they end.
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

// [name, command, args, env, seconds it takes on a quiet machine (for the order only), cores it keeps busy]
// A browser half keeps about half a core busy: its vitest process, Chromium and the server's
// backends used 95 s of CPU in 199 s alone on a quiet machine, and 110 of 310 s in CI side by side
// (decision 0852). The other steps keep a core busy.
const steps = [
  ['typecheck', 'npx', ['tsc', '--noEmit'], {}, 45],
  // The schema's keys include org_id (decision 1900); about 2 s.
  ['lint:distribution', 'npx', ['tsx', 'scripts/lint-distribution.ts'], {}, 3],
  ['unit', 'npx', vitest('unit'), {}, 55],
  ['integration (PostgreSQL server): long files', 'npx', vitest('integration'), { ...onServer, TEST_PART: 'long' }, 110],
  ['integration (PostgreSQL server): the rest', 'npx', vitest('integration'), { ...onServer, TEST_PART: 'rest' }, 130],
  ['integration (PGlite): long files', 'npx', vitest('integration'), { TEST_DB: 'pglite', TEST_PART: 'long' }, 150],
  ['integration (PGlite): the rest', 'npx', vitest('integration'), { TEST_DB: 'pglite', TEST_PART: 'rest' }, 200],
  ['e2e (Chromium, PostgreSQL server): first half', 'npx', vitest('e2e'), { ...onServer, E2E_PART: '1' }, 300, 0.5],
  ['e2e (Chromium, PostgreSQL server): second half', 'npx', vitest('e2e'), { ...onServer, E2E_PART: '2' }, 300, 0.5],
];
// Cores to keep busy (TEST_SLOTS, default 2): a step starts when the cores it keeps busy are free.
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
      process.stdout.write(`\n=== ${name}: output ===\n${Buffer.concat(out).toString()}`);
      const cpuText = cpu ? ` (CPU ${Number(cpu).toFixed(0)} s)` : '';
      console.log(`=== ${name}: ${code === 0 ? 'ok' : 'FAILED'} in ${seconds.toFixed(0)} s${cpuText} ===\n`);
      resolve({ name, ok: code === 0, seconds });
    });
  });
}

const only = process.argv[2];
const queue = steps.filter(([name]) => !only || name.startsWith(only)).sort((a, b) => b[4] - a[4]);
const t0 = Date.now();
const results = [];
// Longest first, as long as the step fits in the free cores; when none fits, wait for a running one to end.
// A step that needs more than all the cores still runs alone.
await new Promise((done) => {
  let busy = 0;
  let running = 0;
  const next = () => {
    for (let i = 0; i < queue.length; ) {
      const cores = queue[i][5] ?? 1;
      if (busy + cores <= SLOTS + 1e-9 || running === 0) {
        const [step] = queue.splice(i, 1);
        busy += cores;
        running += 1;
        run(step).then((r) => {
          results.push(r);
          busy -= cores;
          running -= 1;
          next();
        });
      } else i += 1;
    }
    if (running === 0 && queue.length === 0) done();
  };
  next();
});
const failed = results.filter((r) => !r.ok);
console.log(results.map((r) => `${r.ok ? 'ok    ' : 'FAILED'} ${String(r.seconds.toFixed(0)).padStart(4)} s  ${r.name}`).join('\n'));
console.log(`\nsteps: ${results.length - failed.length} passed, ${failed.length} failed, in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
process.exit(failed.length ? 1 : 0);
