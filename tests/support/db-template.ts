// Test databases start as copies of a template built once: migrated, and
// optionally holding the seeded demo county. Migrating and seeding per file
// took ~12 s each time; a copy takes a fraction of that.
//
// A template is named by a hash of everything that shapes its content: the
// migrations and all server-side sources (the seed reaches into domain, db,
// jobs and auth), this file, the lockfile, the engine and the seed options. Any change
// gives a new name, so a stale template is never used; templates unused for a
// day are swept. Concurrent runs are safe: one process builds a template (a
// lock file for PGlite, an advisory lock on the server) while the others wait
// for it; it is built under a private name and renamed into place, and nobody
// stays connected to it.
//
// PGlite: a `dumpDataDir` tarball in the temp folder, loaded per file.
// PostgreSQL server: a database marked as template, copied with
// `CREATE DATABASE … TEMPLATE`.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { openDatabase, type Database } from '../../src/db/client.js';
import { seedDemoCounty } from '../../src/app/demo/demo-seed.js';

/** The fixed clock of every seeded test county. */
export const TODAY = new Date('2026-11-24T02:00:00Z');

export type Engine = 'pglite' | 'postgres';
/** Sizes of the seeded demo county; omitted = migrated only. */
export type DemoSize = { retailers: number; weeks: number };
export const DEFAULT_DEMO: DemoSize = { retailers: 300, weeks: 20 };

export const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dumpDir = path.join(os.tmpdir(), 'zhiyin-test-db');
const DAY_MS = 24 * 3600_000;

function listSources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (p !== path.join(root, 'src/web')) out.push(...listSources(p));
    } else if (!/\.test\.tsx?$/.test(entry.name)) out.push(p);
  }
  return out;
}

let sourceHash: string | undefined;
function sourcesHash(): string {
  if (sourceHash) return sourceHash;
  const h = crypto.createHash('sha256');
  const files = [...listSources(path.join(root, 'src')), fileURLToPath(import.meta.url), path.join(root, 'package-lock.json')];
  for (const file of files.sort()) {
    h.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return (sourceHash = h.digest('hex'));
}

/** Name of the template for this engine and content (same in every process of a run). */
export function templateName(engine: Engine, demo?: DemoSize): string {
  const spec = JSON.stringify({ v: 1, engine, demo: demo ? { seed: 42, today: TODAY.toISOString(), ...demo } : null });
  const hash = crypto.createHash('sha256').update(sourcesHash()).update(spec).digest('hex').slice(0, 16);
  return `zy_tpl_${hash}_${demo ? `r${demo.retailers}w${demo.weeks}` : 'm'}`;
}

async function seed(database: Database, demo: DemoSize) {
  await seedDemoCounty(database.db, { seed: 42, today: TODAY, ...demo });
}

// ---- PGlite ---------------------------------------------------------------

const dumpPath = (name: string) => path.join(dumpDir, `${name}.tar`);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
};

/**
 * Runs `build` unless another process of this machine is building the same
 * file: then waits for it. `npm test` starts both integration parts of an
 * engine side by side, and each built the PGlite template (~45 s of CPU) when
 * neither found it. The lock is a file holding the builder's pid, taken over
 * when that process is gone.
 */
async function buildOnce(file: string, build: () => Promise<void>): Promise<void> {
  fs.mkdirSync(dumpDir, { recursive: true });
  const lock = `${file}.lock`;
  for (;;) {
    if (fs.existsSync(file)) return;
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
    } catch {
      const owner = Number(fs.readFileSync(lock, 'utf8') || 0);
      if (owner && !alive(owner)) fs.rmSync(lock, { force: true });
      else await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    try {
      if (!fs.existsSync(file)) await build();
    } finally {
      fs.rmSync(lock, { force: true });
    }
    return;
  }
}

/** The template's tarball, built if missing. */
export async function pgliteTemplate(demo?: DemoSize): Promise<string> {
  const file = dumpPath(templateName('pglite', demo));
  if (fs.existsSync(file)) {
    const now = new Date();
    fs.utimesSync(file, now, now); // used: keeps it from the sweep
    return file;
  }
  const base = demo ? await pgliteTemplate() : undefined;
  await buildOnce(file, () => buildPgliteTemplate(file, base, demo));
  return file;
}

async function buildPgliteTemplate(file: string, base: string | undefined, demo?: DemoSize): Promise<void> {
  const database = base ? await openPglite(base) : await openDatabase({});
  try {
    if (demo) await seed(database, demo);
    const client = (database.db as unknown as { $client: PGlite }).$client;
    // Checkpoint and drop the spent WAL segments: a copy then starts without
    // replaying the build, and the tarball shrinks from 70 to 54 MB (loading
    // it costs 20% less CPU).
    await client.exec('set wal_recycle = off; checkpoint; select pg_switch_wal(); checkpoint;');
    const tarball = Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer());
    fs.mkdirSync(dumpDir, { recursive: true });
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
    fs.writeFileSync(tmp, tarball);
    fs.renameSync(tmp, file); // atomic: a concurrent reader sees all or nothing
  } finally {
    await database.close();
  }
}

// Node 20's Blob.arrayBuffer() pulls 54 MB through a stream (≈1 s of CPU per
// file); PGlite only calls arrayBuffer(), so hand it the bytes read already.
class BytesBlob extends Blob {
  readonly #data: Uint8Array;
  constructor(data: Uint8Array) {
    super([]);
    this.#data = data;
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    const { buffer, byteOffset, byteLength } = this.#data;
    return Promise.resolve(byteOffset === 0 && byteLength === buffer.byteLength ? (buffer as ArrayBuffer) : this.#data.slice().buffer);
  }
}

// The tarball's bytes, read once per process: the database projects run their files in one process (isolate:
// false), and reading 60 MB again for every file cost ~0.3 s of CPU each time. PGlite copies them into its own
// memory, so one buffer serves every file.
const tarballs = new Map<string, Uint8Array>();

export function openPglite(tarball: string): Promise<Database> {
  let bytes = tarballs.get(tarball);
  if (!bytes) tarballs.set(tarball, (bytes = fs.readFileSync(tarball)));
  return openDatabase({ loadDataDir: new BytesBlob(bytes), sharedBuffers: '16MB' });
}

// ---- PostgreSQL server ------------------------------------------------------

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export function urlOf(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const stamp = () => `zhiyin test template, last used ${new Date().toISOString()}`;

/**
 * Runs a statement that needs a database nobody is connected to, retrying
 * while a session is still there: a closed pool's backends exit a moment later.
 */
async function whenUnused(c: pg.Client, statement: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await c.query(statement);
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== '55006' || attempt >= 20) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/**
 * CREATE DATABASE … TEMPLATE, copying the template's files whole (PostgreSQL 15+). The default since 15, WAL_LOG,
 * writes every page of the 30 MB template through the WAL: 0.25 s of the server's CPU per clone against 0.05 s,
 * and the server part of the integration suite took 10 % longer with it (decision 0858). A test database needs no
 * crash safety for its creation.
 */
export function cloneDatabase(c: pg.Client, template: string, name: string): Promise<void> {
  return whenUnused(c, `create database ${name} template ${template} strategy file_copy`);
}

/** The template database's name, built if missing. */
export async function postgresTemplate(demo?: DemoSize): Promise<string> {
  const name = templateName('postgres', demo);
  const exists = await withAdmin(async (c) => {
    const found = (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
    if (found) await c.query(`comment on database ${name} is '${stamp()}'`);
    return found;
  });
  if (exists) return name;
  const base = demo ? await postgresTemplate() : undefined;
  // One builder per template on this server: the others wait for its lock and then find the template (see buildOnce).
  // The lock is the admin session's: it ends with the session.
  await withAdmin(async (c) => {
    await c.query('select pg_advisory_lock(hashtext($1))', [name]);
    const built = (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
    if (!built) await buildPostgresTemplate(name, base, demo);
  });
  return name;
}

async function buildPostgresTemplate(name: string, base: string | undefined, demo?: DemoSize): Promise<void> {
  const tmp = `${name}_b${crypto.randomBytes(4).toString('hex')}`;
  await withAdmin(async (c) => {
    if (base) await cloneDatabase(c, base, tmp);
    else await c.query(`create database ${tmp}`);
    await c.query(`comment on database ${tmp} is '${stamp()}'`);
  });
  const database = await openDatabase({ url: urlOf(tmp), poolSize: 2 });
  try {
    if (demo) await seed(database, demo);
  } finally {
    await database.close();
  }
  await withAdmin(async (c) => {
    try {
      await whenUnused(c, `alter database ${tmp} rename to ${name}`);
    } catch (e) {
      // Another run built the same template meanwhile: use theirs.
      if ((e as { code?: string }).code !== '42P04') throw e;
      await c.query(`drop database if exists ${tmp} with (force)`);
      return;
    }
    // No one may connect to a template: a connection would block every copy.
    await c.query(`alter database ${name} with is_template true allow_connections false`);
  });
}

// ---- sweeping ---------------------------------------------------------------

/** Removes templates (and abandoned builds) of either engine unused for a day. */
export async function sweepTemplates(engine: Engine): Promise<void> {
  if (engine === 'pglite') {
    if (!fs.existsSync(dumpDir)) return;
    for (const f of fs.readdirSync(dumpDir)) {
      const p = path.join(dumpDir, f);
      if (Date.now() - fs.statSync(p).mtimeMs > DAY_MS) fs.rmSync(p, { force: true });
    }
    return;
  }
  await withAdmin(async (c) => {
    const { rows } = await c.query<{ datname: string; note: string | null }>(
      `select datname, shobj_description(oid, 'pg_database') as note from pg_database where datname like 'zy\\_tpl\\_%'`,
    );
    for (const { datname, note } of rows) {
      const used = Date.parse(note?.match(/last used (\S+)/)?.[1] ?? '');
      if (Number.isFinite(used) && Date.now() - used < DAY_MS) continue;
      try {
        await c.query(`alter database ${datname} with is_template false`);
        await c.query(`drop database if exists ${datname} with (force)`);
      } catch {
        // Dropped by a concurrent sweep, or busy: next run's sweep retries.
      }
    }
  });
}
