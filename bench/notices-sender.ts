// The sender process of `npm run bench:notices`: rounds of dispatchNotices
// against the fake gateway of the parent until no delivery is queued or in
// doubt. The parent SIGKILLs it once mid-run and starts it again; the clock
// (BENCH_SIM_START + real time since BENCH_REAL_START) goes on across both.
import { sql } from 'drizzle-orm';
import { openDatabase, query } from '../src/db/client.js';
import { aliyunSmsGateway } from '../src/jobs/notices/gateways.js';
import { configureNotices } from '../src/jobs/notices/notice-config.js';
import { dispatchNotices } from '../src/jobs/notices/dispatch-notices.js';

const env = process.env;
const simStart = Number(env.BENCH_SIM_START);
const realStart = Number(env.BENCH_REAL_START);
const now = () => new Date(simStart + (Date.now() - realStart));
const database = await openDatabase({ url: env.BENCH_URL!, poolSize: 6 });
const cfg = configureNotices({
  sms: aliyunSmsGateway({ baseUrl: env.BENCH_GATEWAY!, timeoutMs: Number(env.BENCH_TIMEOUT_MS ?? 2000) }),
  wechat: null,
  ratePerSecond: Number(env.BENCH_RATE),
  batchSize: Number(env.BENCH_BATCH ?? 100),
  concurrency: Number(env.BENCH_LANES ?? 4),
  settleSeconds: Number(env.BENCH_SETTLE_S ?? 3),
  retryBaseSeconds: Number(env.BENCH_RETRY_S ?? 2),
  fallbackMinutes: 0,
});
for (;;) {
  const r = await dispatchNotices(database.db, cfg, { now, deadlineMs: 15_000 });
  const [left] = await query<{ queued: number; sending: number }>(database.db, sql`select count(*) filter (where state = 'queued')::int as queued,
    count(*) filter (where state = 'sending')::int as sending from notice_deliveries`);
  console.log(JSON.stringify({ pid: process.pid, ...r, ...left }));
  if (!left.queued && !left.sending) break;
  if (!r.sent && !r.confirmed) await new Promise((res) => setTimeout(res, 250));
}
await database.close();
