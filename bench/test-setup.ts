// What one integration/e2e test file pays for its database, before and after
// the template (decision 0830), on each engine, in turn, in one process so both
// see the same machine load: `fresh` migrates and seeds the 300-retailer demo
// county as every file used to; `copy` is what a file does now (load the PGlite
// dump / CREATE DATABASE … TEMPLATE, then the no-op migration check). PGlite
// runs in this process, so its CPU seconds are measured too; the server's are
// not. Last line: one JSON object.
//
//   npx tsx bench/test-setup.ts [-- --runs 3 --engine pglite|postgres|both]
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { seedDemoCounty } from '../src/app/demo/demo-seed.js';
import { cloneDatabase, DEFAULT_DEMO, openPglite, pgliteTemplate, postgresTemplate, serverUrl, TODAY, urlOf } from '../tests/support/db-template.js';

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, engine: { type: 'string', default: 'both' } },
});
const runs = Number(args.runs);
const engines = args.engine === 'both' ? ['pglite', 'postgres'] : [args.engine!];

async function measure(label: string, fn: () => Promise<void>) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const cpu = process.cpuUsage(c0);
  const r = { wall_s: (performance.now() - t0) / 1000, cpu_s: (cpu.user + cpu.system) / 1e6 };
  console.log(`${label.padEnd(22)} wall ${r.wall_s.toFixed(2)} s  cpu ${r.cpu_s.toFixed(2)} s`);
  return r;
}

async function admin(statement: string) {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  await c.query(statement);
  await c.end();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const out: Record<string, number> = {};
for (const engine of engines) {
  // Build (or find) the templates first; not part of either figure.
  const template = engine === 'pglite' ? await pgliteTemplate(DEFAULT_DEMO) : await postgresTemplate(DEFAULT_DEMO);
  const fresh: { wall_s: number; cpu_s: number }[] = [];
  const copy: { wall_s: number; cpu_s: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const name = `zy_bench_setup_${process.pid}_${i}`;
    fresh.push(
      await measure(`${engine} fresh #${i + 1}`, async () => {
        if (engine === 'postgres') await admin(`create database ${name}`);
        const d = await openDatabase(engine === 'pglite' ? {} : { url: urlOf(name), poolSize: 5 });
        await seedDemoCounty(d.db, { seed: 42, today: TODAY, ...DEFAULT_DEMO });
        await d.close();
      }),
    );
    if (engine === 'postgres') await admin(`drop database ${name} with (force)`);
    copy.push(
      await measure(`${engine} copy #${i + 1}`, async () => {
        if (engine === 'postgres') {
          const c = new pg.Client({ connectionString: serverUrl });
          await c.connect();
          await cloneDatabase(c, template, name);
          await c.end();
        }
        const d = engine === 'pglite' ? await openPglite(template) : await openDatabase({ url: urlOf(name), poolSize: 5 });
        await d.close();
      }),
    );
    if (engine === 'postgres') await admin(`drop database ${name} with (force)`);
  }
  out[`${engine}_fresh_wall_s`] = +median(fresh.map((r) => r.wall_s)).toFixed(2);
  out[`${engine}_copy_wall_s`] = +median(copy.map((r) => r.wall_s)).toFixed(2);
  out[`${engine}_fresh_cpu_s`] = +median(fresh.map((r) => r.cpu_s)).toFixed(2);
  out[`${engine}_copy_cpu_s`] = +median(copy.map((r) => r.cpu_s)).toFixed(2);
}
console.log(JSON.stringify({ runs, ...out }));
