// `npm run demo:reset`: throw the embedded demo database away and generate the
// demo county afresh (same seed, today's date). Refuses to touch a PostgreSQL
// server: a production database is never reset by a convenience script.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/client.js';
import { seedDemoCounty } from '../app/demo/demo-seed.js';
import { readEnv } from '../server/env.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const env = readEnv();

if (env.DATABASE_URL) {
  console.error('demo:reset 只重置内置数据库；已设置 DATABASE_URL，未做任何更改。 / demo:reset only resets the embedded database; DATABASE_URL is set, nothing was changed.');
  process.exit(2);
}

const dir = path.resolve(root, env.DATA_DIR);
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
const database = await openDatabase({ dataDir: dir });
const res = await seedDemoCounty(database.db, {
  today: new Date(),
  retailers: env.DEMO_RETAILERS,
  weeks: env.DEMO_WEEKS,
  currentWeekPlan: true,
  onProgress: (step, pct) => console.log(`  ${String(Math.round(pct)).padStart(3)}% ${step}`),
});
await database.close();
console.log(`演示县已重建 demo county rebuilt in ${env.DATA_DIR}: ${res.retailers} retailers, ${res.orderLines} order lines in ${(res.ms / 1000).toFixed(1)} s`);
