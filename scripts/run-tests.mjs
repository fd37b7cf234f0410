// `npm test`: type check, unit tests, the integration suite on both engines
// (embedded PGlite and the PostgreSQL server), then the browser journeys.
// The server must be reachable: a missing server fails the run, never skips it.
import { spawnSync } from 'node:child_process';
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
const steps = [
  ['typecheck', 'npx', ['tsc', '--noEmit'], {}],
  ['unit', 'npx', ['vitest', 'run', '--project', 'unit'], {}],
  ['integration (PGlite)', 'npx', ['vitest', 'run', '--project', 'integration'], { TEST_DB: 'pglite' }],
  ['integration (PostgreSQL server)', 'npx', ['vitest', 'run', '--project', 'integration'], { TEST_DB: 'postgres', TEST_DATABASE_URL: serverUrl }],
  ['e2e (Chromium)', 'npx', ['vitest', 'run', '--project', 'e2e'], {}],
];

const only = process.argv[2];
let failed = 0;
let passed = 0;
for (const [name, cmd, args, env] of steps) {
  if (only && !name.startsWith(only)) continue;
  const t0 = Date.now();
  const cpu0 = childCpuSeconds();
  console.log(`\n=== ${name} ===`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = res.status === 0;
  const cpu1 = childCpuSeconds();
  const cpu = cpu0 === null || cpu1 === null ? '' : ` (CPU ${(cpu1 - cpu0).toFixed(0)} s)`;
  console.log(`=== ${name}: ${ok ? 'ok' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(0)} s${cpu} ===`);
  if (ok) passed++;
  else failed++;
}
console.log(`\nsteps: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
