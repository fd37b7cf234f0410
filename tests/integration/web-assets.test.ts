// The built web UI served as a product (issue 13, "serve the web as a
// product"): brotli or gzip when the browser takes it, hashed bundles cached
// for a year, the page and the service worker revalidated on every load.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

let dir: string;
let app: FastifyInstance;
let database: TestDatabase;
const bundle = `console.log(${JSON.stringify('知音'.repeat(2000))});\n`;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zy-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><script type="module" src="/assets/index-AbCd1234.js"></script>');
  fs.writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  const js = path.join(dir, 'assets/index-AbCd1234.js');
  fs.writeFileSync(js, bundle);
  fs.writeFileSync(`${js}.br`, zlib.brotliCompressSync(bundle));
  fs.writeFileSync(`${js}.gz`, zlib.gzipSync(bundle));
  database = await createTestDatabase();
  app = await buildApp({ db: database.db, webDir: dir });
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('web assets', () => {
  it('a hashed bundle comes as brotli, then gzip, cached for a year', async () => {
    const br = await app.inject({ method: 'GET', url: '/assets/index-AbCd1234.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.rawPayload.length).toBeLessThan(bundle.length / 5);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(bundle);
    const gz = await app.inject({ method: 'GET', url: '/assets/index-AbCd1234.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({ method: 'GET', url: '/assets/index-AbCd1234.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(bundle);
  });

  it('the page, its client-side routes and the service worker are revalidated on every load', async () => {
    for (const url of ['/', '/retailers/12', '/sw.js']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });
});
