// `npm start`: open the database (embedded PGlite by default), create the demo
// county on first run in demo mode, and serve the API and the web UI on one port.
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/client.js';
import { readEnv } from '../server/env.js';
import { buildApp } from '../server/app.js';
import { isDemoSeeded, seedDemoCounty } from '../app/demo/demo-seed.js';
import { refreshSearchTokens } from '../app/retailers/search-token-refresh.js';
import { createJobRunner } from '../jobs/registry.js';
import { seedProvince } from '../app/demo/province-seed.js';
import { enqueueJob } from '../jobs/job-queue.js';
import { orgRollupsJob } from '../jobs/org-rollups.js';
import pino from 'pino';
import { startNoticeGateways } from './notice-gateways.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const env = readEnv();

const t0 = Date.now();
if (!env.DATABASE_URL) fs.mkdirSync(path.resolve(root, env.DATA_DIR), { recursive: true });
const database = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: path.resolve(root, env.DATA_DIR), thread: env.PGLITE_THREAD === '1' });
console.log(`数据库 database: ${database.kind}${env.DATABASE_URL ? '' : ` (${env.DATA_DIR})`}`);

if (env.demo && !(await isDemoSeeded(database.db))) {
  console.log('首次运行：正在生成演示县数据 / first run: generating the demo county…');
  const res = await seedDemoCounty(database.db, {
    today: new Date(),
    retailers: env.DEMO_RETAILERS,
    weeks: env.DEMO_WEEKS,
    currentWeekPlan: true,
    onProgress: (step, pct) => console.log(`  ${String(Math.round(pct)).padStart(3)}% ${step}`),
  });
  console.log(`演示县已生成 demo county ready: ${res.retailers} retailers, ${res.orderLines} order lines in ${(res.ms / 1000).toFixed(1)} s`);
}
// A province of 100 counties copied from the demo county (decision 1913): on a PostgreSQL server only.
if (env.demo && env.DEMO_SCALE === 'province') {
  if (database.kind !== 'postgres') throw new Error('DEMO_SCALE=province needs DATABASE_URL (a PostgreSQL server)');
  const made = await seedProvince(database.db, { onProgress: (done, total) => console.log(`  省级演示 province demo: county ${done}/${total}`) });
  if (made.countyIds.length) {
    await enqueueJob(database.db, orgRollupsJob, { rootId: null }, { singletonKey: 'org-rollups:all' });
    console.log(`省级演示已生成 province demo ready: ${made.countyIds.length} more counties; their roll-ups are being computed by the org-rollup jobs`);
  }
}

const rebuilt = await refreshSearchTokens(database.db, {
  onProgress: (done, total) => console.log(`  重建搜索索引 rebuilding search tokens ${done}/${total}`),
});
if (rebuilt) console.log(`搜索索引已更新 search tokens rebuilt for ${rebuilt} retailers`);

const app = await buildApp({
  db: database.db,
  sessionTtlHours: env.SESSION_TTL_HOURS,
  correctionDays: env.CORRECTION_DAYS,
  secureCookie: env.COOKIE_SECURE === 'auto' ? 'auto' : env.COOKIE_SECURE === '1',
  tiles: { url: env.TILE_URL, crs: env.TILE_CRS },
  demo: env.demo,
  webDir: path.join(root, 'dist/web'),
  logLevel: env.LOG_LEVEL,
  trustProxy: env.TRUST_PROXY,
  allowedOrigins: env.ALLOWED_ORIGINS,
  protectDocs: (env.API_DOCS ?? (env.demo ? 'public' : 'login')) === 'login',
  loginThrottle: { perAccount: env.LOGIN_MAX_FAILURES, perIp: env.LOGIN_MAX_FAILURES_PER_IP, windowMs: env.LOGIN_WINDOW_MINUTES * 60_000 },
});

// Notices: the demo sends through the local fake gateway (rate limit, a few failures, delayed receipts); real providers are configuration.
const fake = await startNoticeGateways(env);

// Jobs run here unless worker processes do them (JOBS=0, PostgreSQL only).
const runner =
  env.JOBS === '1'
    ? createJobRunner(database, {
        log: pino({ level: env.LOG_LEVEL }),
        concurrency: env.JOB_CONCURRENCY,
        perOrgConcurrency: env.JOBS_PER_ORG,
        staleMs: env.JOB_STALE_SECONDS * 1000,
        heartbeatMs: Math.min(5_000, (env.JOB_STALE_SECONDS * 1000) / 4),
      })
    : null;
await runner?.start();

// SIGTERM drains: no new requests or jobs; running jobs finish within the grace period or are queued again.
let closing = false;
const close = async () => {
  if (closing) return;
  closing = true;
  await Promise.all([app.close(), runner?.stop(env.JOB_GRACE_SECONDS * 1000)]);
  await fake?.close();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', close);
process.on('SIGTERM', close);

await app.listen({ port: env.PORT, host: env.HOST });
console.log(`知音 Zhiyin ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: http://localhost:${env.PORT}  (API docs /docs)`);
if (env.demo) console.log('演示账号 demo accounts: admin/admin123 manager/manager123 station1/station123 worker1/worker123 agent/agent123 retailer/retailer123');
