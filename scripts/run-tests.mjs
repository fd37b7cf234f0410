// `npm test`: type check, unit tests, the integration suite on both engines
// (embedded PGlite and the PostgreSQL server), then the browser journeys.
// The server must be reachable: a missing server fails the run, never skips it.
//
// The two integration steps run at the same time: each takes its files one
// by one on one core, so on a 2-core machine the other core would sit idle.
// Their output is printed as a whole when each ends, so it stays readable.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

// CPU seconds used by finished children (Linux), printed beside wall time:
// on a shared machine the wall time swings with the load, the CPU much less.
function childCpuSeconds() {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100; // cutime + cstime, in 1/100 s ticks
  } catch {
    return null;
  }
}

const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const vitest = (project) => ['vitest', 'run', '--project', project];
// Steps in one inner list run at the same time.
const groups = [
  [['typecheck', 'npx', ['tsc', '--noEmit'], {}]],
  [['unit', 'npx', vitest('unit'), {}]],
  [
    ['integration (PGlite)', 'npx', vitest('integration'), { TEST_DB: 'pglite' }],
    ['integration (PostgreSQL server)', 'npx', vitest('integration'), { TEST_DB: 'postgres', TEST_DATABASE_URL: serverUrl }],
  ],
  [['e2e (Chromium)', 'npx', vitest('e2e'), {}]],
];

/** Runs one step; its output goes straight through, or is collected when others run beside it. */
function run([name, cmd, args, env], alone) {
  const t0 = Date.now();
  console.log(`\n=== ${name} ===${alone ? '' : ' (started; output when it ends)'}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    const out = [];
    child.stdout?.on('data', (d) => out.push(d));
    child.stderr?.on('data', (d) => out.push(d));
    child.on('close', (code) => {
      if (!alone) process.stdout.write(`\n=== ${name}: output ===\n${Buffer.concat(out).toString()}`);
      resolve({ name, ok: code === 0, seconds: (Date.now() - t0) / 1000 });
    });
  });
}

const only = process.argv[2];
const t0 = Date.now();
let failed = 0;
let passed = 0;
for (const group of groups) {
  const steps = group.filter(([name]) => !only || name.startsWith(only));
  if (steps.length === 0) continue;
  const cpu0 = childCpuSeconds();
  const results = await Promise.all(steps.map((step) => run(step, steps.length === 1)));
  const cpu1 = childCpuSeconds();
  const cpu = cpu0 === null || cpu1 === null ? '' : `CPU ${(cpu1 - cpu0).toFixed(0)} s`;
  for (const r of results) {
    console.log(`=== ${r.name}: ${r.ok ? 'ok' : 'FAILED'} in ${r.seconds.toFixed(0)} s${steps.length === 1 && cpu ? ` (${cpu})` : ''} ===`);
    if (r.ok) passed++;
    else failed++;
  }
  if (steps.length > 1 && cpu) console.log(`=== ${steps.map(([name]) => name).join(' + ')}: ${cpu} together ===`);
}
console.log(`\nsteps: ${passed} passed, ${failed} failed, in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
process.exit(failed ? 1 : 0);
