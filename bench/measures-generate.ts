// Builds (or rebuilds) the province database of bench:measures without timing anything:
//   npx tsx bench/measures-generate.ts [--retailers 300000]
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase, query } from '../src/db/client.js';
import { seedDemoCounty } from '../src/app/demo/demo-seed.js';
import { generateProvince } from './measures-data.js';
import { benchDatabase } from './bench-database.js';

const { values: args } = parseArgs({ options: { retailers: { type: 'string', default: '300000' } } });
export const benchDbName = process.env.BENCH_DB ?? 'zy_bench_measures';
const t0 = Date.now();
const { url } = await benchDatabase(benchDbName);
const database = await openDatabase({ url, poolSize: 4 });
console.log('demo county…');
await seedDemoCounty(database.db, { seed: 430281, today: new Date('2026-11-24T02:00:00Z'), retailers: 300, weeks: 2 });
const [{ orgId }] = await query<{ orgId: number }>(database.db, sql`select id as "orgId" from orgs limit 1`);
await generateProvince(database.db, orgId, Number(args.retailers), (...a) => console.log(`${((Date.now() - t0) / 1000).toFixed(0)} s`, ...a));
console.log(`data ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
await database.close();
