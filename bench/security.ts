// Security probes on the demo county: `npm run bench:security` (needs `npm run build:web`).
// Starts the app on a fresh PGlite demo county on a free port and, over real
// HTTP, runs the attacks of issue 13: stored XSS through the API then a
// Chromium check, malformed values from the OpenAPI document to every
// operation, 50 wrong logins, a zip bomb per import endpoint, anonymous large
// bodies, cross-site writes, a masked-phone recovery attempt, a CSV export of
// a formula name, and the first-load transfer of the web UI. Last line is JSON.
import fs from 'node:fs';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, query } from '../src/db/client.js';
import { seedDemoCounty } from '../src/app/demo/demo-seed.js';
import { buildApp } from '../src/server/app.js';
import { fuzzCases, type OpenApiDoc } from '../tests/support/openapi-fuzz.js';
import { zipBomb } from '../tests/support/zip-bomb.js';
import { multipart } from '../tests/support/retailer-factory.js';
import { parseCsv } from '../src/domain/retailers/import-rows.js';
import { measureFirstLoad } from './first-load.js';

const WEB = path.resolve('dist/web');
const TODAY = new Date('2026-11-24T02:00:00Z');
const PAYLOAD = '<img src=x onerror=alert(1)>';

const database = await openDatabase({});
console.log('seeding the demo county…');
await seedDemoCounty(database.db, { seed: 42, today: TODAY, retailers: 600, weeks: 8 });
const app = await buildApp({ db: database.db, now: () => TODAY, webDir: WEB });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

async function call(cookie: string | null, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(base + url, {
    method,
    headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
}
async function login(username: string, password: string): Promise<string> {
  const res = await call(null, 'POST', '/api/auth/login', { username, password });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('zy_session='))!;
}
const [admin, manager, worker] = [await login('admin', 'admin123'), await login('manager', 'manager123'), await login('worker1', 'worker123')];

// 1. Fuzz from the OpenAPI document.
console.log('fuzzing…');
const doc = (await (await call(admin, 'GET', '/docs/json')).json()) as OpenApiDoc;
const cases = fuzzCases(doc, (_m, p) => p === '/api/auth/logout');
let fuzz5xx = 0;
for (const c of cases) {
  const res = await call(admin, c.method, c.url, c.body === undefined ? undefined : JSON.stringify(c.body));
  await res.arrayBuffer();
  if (res.status >= 500) fuzz5xx++;
}

// 2. Fifty wrong passwords.
let throttled = false;
for (let i = 0; i < 50; i++) if ((await call(null, 'POST', '/api/auth/login', { username: 'agent', password: `wrong${i}` })).status === 429) throttled = true;

// 3. A zip bomb per import endpoint.
const plan = (await (await call(manager, 'POST', '/api/supply-plans', { weekStart: '2026-11-30' })).json()) as { plan: { id: number } };
const bomb = zipBomb(200);
let zipMax = 0;
for (const url of ['/api/retailers/import', `/api/supply-plans/${plan.plan.id}/import`, '/api/ratings/compliance/import']) {
  const body = multipart('bomb.xlsx', bomb);
  const t0 = performance.now();
  const res = await fetch(base + url, { method: 'POST', headers: { cookie: manager, ...body.headers }, body: new Uint8Array(body.payload) });
  await res.arrayBuffer();
  zipMax = Math.max(zipMax, performance.now() - t0);
}

// 4. Ten anonymous 19.6 MB bodies at once, from a client in its own process
// (so the client's copying does not share the server's event loop): time to
// each refusal, and /healthz meanwhile. The client first sends one small
// request untimed, so its own start-up (loading http, its first connection)
// is not counted as the server's; the server side is timed too, from
// accepting each connection to its 401 being handed to the socket, with the
// bytes it read of each body and its CPU time (decision 0911).
const BIG_CLIENT = `
const http = require('node:http');
const base = process.argv[1];
function warm() {
  return new Promise((resolve) => http.get(base + '/healthz', (res) => { res.resume(); res.on('end', resolve); }).on('error', resolve));
}
function post() {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    const req = http.request(base + '/api/grids', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(19 * 1024 * 1024 + 9 + 600 * 1024) } });
    req.on('response', (res) => { resolve(performance.now() - t0); res.resume(); req.destroy(); });
    req.on('error', () => resolve(performance.now() - t0));
    req.write('{"name":"');
    let sent = 0;
    const pump = () => { while (sent < 19 && req.write(chunk)) sent++; if (sent < 19 && !req.destroyed) req.once('drain', () => { sent++; pump(); }); };
    pump();
  });
}
warm().then(() => Promise.all(Array.from({ length: 10 }, post))).then((t) => { console.log(JSON.stringify(t)); process.exit(0); });
`;
const bigConnections: { accept: number; headers?: number; answered?: number; readBeforeAnswer?: number; read?: number }[] = [];
const onConnection = (socket: import('node:net').Socket) => {
  const c: (typeof bigConnections)[number] = { accept: performance.now() };
  bigConnections.push(c);
  socket.once('close', () => (c.read = socket.bytesRead));
  (socket as unknown as { zyBench: typeof c }).zyBench = c;
};
const onRequest = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
  const c = (req.socket as unknown as { zyBench?: (typeof bigConnections)[number] }).zyBench;
  if (c && req.url === '/api/grids') c.headers = performance.now();
  if (c && req.url === '/api/grids') res.once('finish', () => Object.assign(c, { answered: performance.now(), readBeforeAnswer: req.socket.bytesRead }));
};
app.server.on('connection', onConnection);
app.server.prependListener('request', onRequest);
const serverCpu0 = process.cpuUsage();
const anonClient = new Promise<number[]>((resolve, reject) => {
  const child = spawn(process.execPath, ['-e', BIG_CLIENT, base], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.on('exit', () => (out.trim() ? resolve(JSON.parse(out.trim()) as number[]) : reject(new Error('big-body client failed'))));
});
const [anonTimes, healthMs] = await Promise.all([
  anonClient,
  (async () => {
    await new Promise((r) => setTimeout(r, 150));
    const t0 = performance.now();
    await (await call(null, 'GET', '/healthz')).text();
    return performance.now() - t0;
  })(),
]);

const serverCpu = process.cpuUsage(serverCpu0);
app.server.off('connection', onConnection);
app.server.off('request', onRequest);
await new Promise((r) => setTimeout(r, 200)); // the refused connections close
const refused = bigConnections.filter((c) => c.answered !== undefined);
const anonServerMs = Math.max(...refused.map((c) => c.answered! - c.headers!));
const anonAcceptMs = Math.max(...refused.map((c) => c.answered! - c.accept));
const mb = (n: number) => Math.round((n / 2 ** 20) * 10) / 10;
console.log(
  `anonymous big bodies: slowest 401 ${Math.max(...anonTimes).toFixed(0)} ms at the client, ${anonServerMs.toFixed(1)} ms in the server from its headers to the 401 (${anonAcceptMs.toFixed(1)} ms from accepting the connection); ` +
    `the server read ${mb(refused.reduce((a, c) => a + (c.readBeforeAnswer ?? 0), 0))} MB before answering and ${mb(refused.reduce((a, c) => a + (c.read ?? 0), 0))} MB in all of ${mb(10 * (19 * 2 ** 20 + 9 + 600 * 1024))} MB sent; ` +
    `this process used ${((serverCpu.user + serverCpu.system) / 1000).toFixed(0)} ms of CPU meanwhile`,
);

// 5. Cross-site writes: a foreign Origin, and a text/plain form.
let csrfAccepted = 0;
if ((await call(admin, 'POST', '/api/auth/logout', undefined, { origin: 'http://127.0.0.1:1' })).status < 400) csrfAccepted++;
if ((await call(manager, 'POST', `/api/supply-plans/${plan.plan.id}/publish`, 'a=b', { 'content-type': 'text/plain', origin: base })).status < 400) csrfAccepted++;

// 6. Masked phone recovery by the county manager.
const [target] = await query<{ id: number; phone: string }>(database.db, sql`select id, phone from retailers where phone ~ '^1[0-9]{10}$' order by id limit 1`);
const found = async (q: string) => ((await (await call(manager, 'GET', `/api/retailers?pageSize=100&q=${q}`)).json()) as { items: { id: number }[] }).items.some((i) => i.id === target.id);
let known = target.phone.slice(0, 3);
for (let pos = 3; pos < 11; pos++) {
  let next = '';
  for (let d = 0; d <= 9 && !next; d++) if (await found(known + d)) next = known + d;
  if (!next) break;
  known = next;
}
const recovered = known === target.phone;

// 7. A formula shop name through the CSV export.
await query(database.db, sql`update retailers set shop_name = '=HYPERLINK("http://evil.example","点我")' where id = ${target.id}`);
const csv = await (await call(admin, 'GET', '/api/retailers/export?format=csv')).text();
const formulaCells = parseCsv(csv.replace(/^\ufeff/, '')).flat().filter((c) => /^[=+@\t\r]/.test(c)).length;

// 8. Stored XSS and first-load transfer in Chromium.
let xssDialogs: number | null = null;
let firstLoadKb: number | null = null;
let firstLoadGzipKb: number | null = null;
if (fs.existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') && fs.existsSync(path.join(WEB, 'index.html'))) {
  const { launchChromium, openLoggedIn } = await import('../tests/e2e/browser.js');
  const browser = await launchChromium();
  // First load: the login page and the first screen after it, on a cold cache.
  const load = await measureFirstLoad(browser, base, WEB);
  firstLoadKb = load.kb;
  firstLoadGzipKb = load.gzipKb;

  // XSS: a grid worker renames a shop through the API; the rest straight into the database.
  const r = (await (await call(worker, 'GET', '/api/retailers?pageSize=1')).json()) as { items: { id: number }[] };
  const card = (await (await call(worker, 'GET', `/api/retailers/${r.items[0].id}`)).json()) as { version: number };
  await call(worker, 'PATCH', `/api/retailers/${r.items[0].id}`, { version: card.version, shopName: PAYLOAD });
  await query(database.db, sql`update grids set name = ${PAYLOAD}`);
  await query(database.db, sql`update stations set name = ${PAYLOAD}`);
  await query(database.db, sql`update villages set name = ${PAYLOAD}`);
  let dialogs = 0;
  for (const [url, who] of [
    [`/retailers/${r.items[0].id}`, ['admin', 'admin123']],
    ['/map', ['station1', 'station123']],
  ] as const) {
    const p = await openLoggedIn(browser, base, url, who);
    p.on('dialog', async (d) => {
      dialogs++;
      await d.dismiss();
    });
    await p.waitForLoadState('networkidle');
    if (url === '/map') {
      await p.evaluate(() => {
        const el = document.querySelector('[data-testid=grid-map]') as HTMLElement & { zyMap?: { setZoom: (z: number) => void } };
        el?.zyMap?.setZoom(13);
      });
    } else await p.locator('[data-testid=county-map] path.leaflet-interactive').last().hover({ force: true });
    await p.waitForTimeout(1500);
    dialogs += await p.locator('img[src="x"]').count();
    await p.close();
  }
  xssDialogs = dialogs;
  await browser.close();
}

await app.close();
await database.close();
console.log(
  JSON.stringify({
    xss_dialogs: xssDialogs,
    fuzz_requests: cases.length,
    fuzz_5xx: fuzz5xx,
    login_throttled: throttled,
    zip_bomb_max_ms: Math.round(zipMax),
    anon_big_body_ms: Math.round(Math.max(...anonTimes)),
    anon_big_body_server_ms: Math.round(anonServerMs),
    healthz_during_big_bodies_ms: Math.round(healthMs),
    csrf_accepted: csrfAccepted,
    masked_phone_recovered: recovered,
    csv_formula_cells: formulaCells,
    first_load_kb: firstLoadKb,
    first_load_gzip_kb: firstLoadGzipKb,
  }),
);
process.exit(0);
