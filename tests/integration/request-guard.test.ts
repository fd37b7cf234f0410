// The request pipeline refuses before any route runs: anonymous callers get 401
// before their body is read, oversized bodies 413, cross-site writes 403,
// non-JSON bodies 415, malformed JSON or URLs a stable 400; every answer
// carries security headers. Issue 13, items 2, 5 (framework errors), 6, 13.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import net, { type AddressInfo } from 'node:net';
import type { InjectOptions } from 'fastify';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { buildApp } from '../../src/server/app.js';
import { startTestApp, TODAY, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
});
afterAll(() => t?.close());

const inject = (o: InjectOptions) => t.app.inject(o);
const bilingual = (body: { code: string; message: string; messageEn: string }, code: string) => {
  expect(body.code).toBe(code);
  expect(body.message).toMatch(/[\u4e00-\u9fff]/);
  expect(body.messageEn).toMatch(/[a-z]/);
};

describe('authentication comes before the body', () => {
  it('an anonymous write with a body that fails validation gets 401, not a 400 naming the fields', async () => {
    const res = await inject({ method: 'POST', url: '/api/grids', payload: { nonsense: 1 } });
    expect(res.statusCode).toBe(401);
    bilingual(res.json(), 'unauthenticated');
    expect(res.body).not.toContain('stationId');
  });

  it('an anonymous 5 MB body is refused with 401 (not 413: it is never read)', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(5 * 1024 * 1024) });
    const res = await inject({ method: 'POST', url: '/api/grids', headers: { 'content-type': 'application/json' }, payload: big });
    expect(res.statusCode).toBe(401);
  });

  it('over a real connection, an anonymous 20 MB upload gets its 401 after a few kB and the connection is closed, not drained', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as AddressInfo).port;
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    socket.write(`POST /api/grids HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\ncontent-type: application/json\r\ncontent-length: ${20 * 1024 * 1024}\r\n\r\n{"name":"`);
    socket.write(Buffer.alloc(64 * 1024, 0x61));
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString()));
    socket.on('error', () => undefined); // a reset after the answer is a way of closing too
    // The server ends the connection by itself: the other 19.9 MB are never sent.
    await new Promise((r) => socket.once('close', r));
    expect(answer).toMatch(/^HTTP\/1\.1 401/);
    expect(answer.toLowerCase()).toContain('connection: close');
  });

  it('a logged-in user cannot send more than 1 MB of JSON to an ordinary route', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(1100 * 1024) });
    const res = await inject({ method: 'POST', url: '/api/grids', headers: { cookie: admin, 'content-type': 'application/json' }, payload: big });
    expect(res.statusCode).toBe(413);
    bilingual(res.json(), 'body_too_large');
  });

  it('public routes stay public', async () => {
    expect((await inject({ method: 'GET', url: '/api/config' })).statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
  });
});

describe('cross-site requests', () => {
  it('a write from another origin is refused and changes nothing (the session survives a cross-site logout)', async () => {
    const cookie = await t.login('station_head');
    for (const headers of [{ origin: 'http://localhost:5174' }, { origin: 'null' }, { referer: 'http://evil.example/page' }]) {
      const res = await inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, ...headers } });
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      bilingual(res.json(), 'cross_site_request');
    }
    expect((await inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
  });

  it('a write from the app itself passes, by Origin or by Referer', async () => {
    const res = await inject({ method: 'GET', url: '/api/me', headers: { cookie: admin, origin: 'http://localhost' } });
    expect(res.statusCode).toBe(200);
    const same = await inject({ method: 'POST', url: '/api/auth/login', headers: { origin: 'http://localhost:80' }, payload: { username: 'worker1', password: 'worker123' } });
    expect(same.statusCode).toBe(200);
    const byReferer = await inject({ method: 'POST', url: '/api/auth/login', headers: { referer: 'http://localhost/login' }, payload: { username: 'worker1', password: 'worker123' } });
    expect(byReferer.statusCode).toBe(200);
  });

  it('a text/plain body (what an HTML form can send cross-site) is refused with 415, even on a body-less route', async () => {
    const [plan] = await query<{ id: number; status: string }>(t.database.db, sql`select id, status from supply_plans order by id desc limit 1`);
    const id = plan?.id ?? 1;
    const res = await inject({ method: 'POST', url: `/api/supply-plans/${id}/publish`, headers: { cookie: admin, 'content-type': 'text/plain' }, payload: 'a=b' });
    expect(res.statusCode).toBe(415);
    bilingual(res.json(), 'unsupported_media_type');
    if (plan) {
      const [after] = await query<{ status: string }>(t.database.db, sql`select status from supply_plans where id = ${plan.id}`);
      expect(after.status).toBe(plan.status);
    }
  });

  it('a multipart body is refused on a route that takes no file', async () => {
    const boundary = 'zyb';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--${boundary}--\r\n`;
    const res = await inject({ method: 'POST', url: '/api/grids', headers: { cookie: admin, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
    expect(res.statusCode).toBe(415);
  });
});

describe('framework errors have stable codes', () => {
  it('malformed JSON', async () => {
    const res = await inject({ method: 'POST', url: '/api/grids', headers: { cookie: admin, 'content-type': 'application/json' }, payload: '{"name": ' });
    expect(res.statusCode).toBe(400);
    bilingual(res.json(), 'bad_json');
  });

  it('an empty JSON body', async () => {
    const res = await inject({ method: 'POST', url: '/api/grids', headers: { cookie: admin, 'content-type': 'application/json' }, payload: '' });
    expect(res.statusCode).toBe(400);
    bilingual(res.json(), 'empty_body');
  });

  it('an unknown content type', async () => {
    const res = await inject({ method: 'POST', url: '/api/grids', headers: { cookie: admin, 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(res.statusCode).toBe(415);
    bilingual(res.json(), 'unsupported_media_type');
  });

  it('a malformed URL', async () => {
    const res = await inject({ method: 'GET', url: '/api/retailers/%E0%A4%A', headers: { cookie: admin } });
    expect(res.statusCode).toBe(400);
    bilingual(res.json(), 'bad_url');
  });

  it('a prototype key in JSON', async () => {
    const res = await inject({ method: 'POST', url: '/api/grids', headers: { cookie: admin, 'content-type': 'application/json' }, payload: '{"__proto__": {"x": 1}}' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('security headers', () => {
  it('every answer carries a CSP without inline script, nosniff, no framing and a same-origin referrer policy', async () => {
    for (const url of ['/api/me', '/api/config', '/healthz', '/no-such-page']) {
      const res = await inject({ method: 'GET', url, headers: { cookie: admin } });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self';/);
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('the configured tile host may serve images, with its {s} subdomains', async () => {
    const app = await buildApp({ db: t.database.db, now: () => TODAY, tiles: { url: 'https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}', crs: 'gcj02' } });
    const res = await app.inject({ method: 'GET', url: '/api/config' });
    expect(String(res.headers['content-security-policy'])).toMatch(/img-src 'self' data: blob: https:\/\/\*\.is\.autonavi\.com;/);
    await app.close();
  });

  it('/docs is behind the login when asked (production)', async () => {
    const app = await buildApp({ db: t.database.db, now: () => TODAY, protectDocs: true });
    expect((await app.inject({ method: 'GET', url: '/docs/json' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/docs/json', headers: { cookie: admin } })).statusCode).toBe(200);
    await app.close();
    expect((await inject({ method: 'GET', url: '/docs/json' })).statusCode).toBe(200);
  });

  it('X-Forwarded-For is believed only from a configured proxy', async () => {
    const count = async () => (await query<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where ip = '6.6.6.6'`))[0].n;
    await inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-for': '6.6.6.6' }, payload: { username: 'worker1', password: 'worker123' } });
    expect(await count()).toBe(0);
    const app = await buildApp({ db: t.database.db, now: () => TODAY, trustProxy: ['127.0.0.1'] });
    await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-for': '6.6.6.6' }, payload: { username: 'worker1', password: 'worker123' } });
    await app.close();
    expect(await count()).toBe(1);
  });

  it('over HTTPS (through a trusted proxy) the session cookie is Secure and HSTS is sent; over plain HTTP neither', async () => {
    const login = (app: typeof t.app, headers: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: { username: 'worker2', password: 'worker123' } });
    const plain = await login(t.app, { 'x-forwarded-proto': 'https' }); // no trusted proxy: the header is not believed
    expect(String(plain.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const app = await buildApp({ db: t.database.db, now: () => TODAY, trustProxy: ['127.0.0.1'] });
    const https = await login(app, { 'x-forwarded-proto': 'https' });
    await app.close();
    expect(https.statusCode).toBe(200);
    expect(String(https.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    expect(https.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});
