// Memory and time of a retailer export (decision 008), measured cheaply: a
// small demo county from the test database support (TEST_DB, as the tests),
// exported over HTTP by the county manager with the rows read in pages, and
// again with every row in one page (the writers still stream). The client
// reads and drops the body, so what is measured is the server. For the export
// before it streamed, run this file in a copy of that commit (bench/RESULTS.md).
//   node --expose-gc --import tsx bench/export-stream.ts [retailers=6000] [pageSize=1000]
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/server/app.js';
import { seedDemoCounty } from '../src/app/demo/demo-seed.js';
import { createTestDatabase, testEngine } from '../tests/support/test-db.js';
import { TODAY } from '../tests/support/test-app.js';

const retailers = Number(process.argv[2] ?? 6000);
const pageSize = Number(process.argv[3] ?? 1000);

const database = await createTestDatabase();
try {
  await seedDemoCounty(database.db, { seed: 42, today: TODAY, retailers, weeks: 2 });
  const results = [];
  for (const [label, size] of [
    ['paged', pageSize],
    ['one page', 1_000_000],
  ] as const) {
    const app = await buildApp({ db: database.db, now: () => TODAY, exportPageSize: size });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'manager', password: 'manager123' } });
    const cookie = `zy_session=${login.cookies.find((c) => c.name === 'zy_session')!.value}`;
    for (const format of ['csv', 'xlsx'] as const) {
      // The first run warms up; the second is reported. The heap is sampled
      // every 5 ms: its peak above the start, garbage not yet collected
      // included, bounds what the export held.
      for (let run = 1; run <= 2; run++) {
        global.gc?.();
        const base = process.memoryUsage().heapUsed;
        let peak = base;
        const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
        const started = performance.now();
        const bytes = await download(port, `/api/retailers/export?format=${format}`, cookie);
        const ms = performance.now() - started;
        clearInterval(sampler);
        if (run === 2) {
          const mb = (x: number) => Math.round((x / 2 ** 20) * 10) / 10;
          results.push({ engine: testEngine, retailers, rowsPerPage: Math.min(size, retailers), format, ms: Math.round(ms), fileMb: mb(bytes), heapPeakMb: mb(peak - base) });
          console.log(label, JSON.stringify(results.at(-1)));
        }
      }
    }
    await app.close();
  }
  console.log(JSON.stringify(results));
} finally {
  await database.drop();
}

/** Bytes of the body, read and dropped as they come. */
function download(port: number, path: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ port, path, headers: { cookie } }, (res) => {
        let n = 0;
        res.on('data', (c: Buffer) => (n += c.length));
        res.on('end', () => resolve(n));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}
