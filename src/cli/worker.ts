// `npm run worker`: a job runner on its own, against the PostgreSQL server in
// DATABASE_URL, beside servers started with JOBS=0 (or with their own runner:
// rows are claimed with SKIP LOCKED, so runners never take the same job).
// PGlite is one process's database, so a worker needs the server.
import pino from 'pino';
import { openDatabase } from '../db/client.js';
import { readEnv } from '../server/env.js';
import { createJobRunner } from '../jobs/registry.js';
import { startNoticeGateways } from './notice-gateways.js';

const env = readEnv();
const log = pino({ level: env.LOG_LEVEL });
if (!env.DATABASE_URL) {
  log.error('DATABASE_URL is required: a separate worker shares the queue through a PostgreSQL server');
  process.exit(2);
}
const database = await openDatabase({ url: env.DATABASE_URL, poolSize: env.JOB_CONCURRENCY + 2 });
// The worker sends notices too (notices-dispatch): the same gateways and settings as the server (decision 1137).
const fake = await startNoticeGateways(env);
const runner = createJobRunner(database, {
  log,
  concurrency: env.JOB_CONCURRENCY,
        perOrgConcurrency: env.JOBS_PER_ORG,
  staleMs: env.JOB_STALE_SECONDS * 1000,
  heartbeatMs: Math.min(5_000, (env.JOB_STALE_SECONDS * 1000) / 4),
});
await runner.start();
log.info({ runner: runner.instanceId }, 'job worker ready');

let closing = false;
const close = async () => {
  if (closing) return;
  closing = true;
  await runner.stop(env.JOB_GRACE_SECONDS * 1000);
  await database.close();
  await fake?.close();
  process.exit(0);
};
process.on('SIGINT', close);
process.on('SIGTERM', close);
