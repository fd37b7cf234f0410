// The real server as a child process (`src/cli/serve.ts`) on its own data, for
// the tests that kill it with SIGKILL and start it again on the same data.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { testEngine } from './test-db.js';

const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Starts the server with `env` (which holds PORT) and resolves once it says it is ready. */
export function startServer(env: Record<string, string>): Promise<{ proc: ChildProcess; base: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts'], {
      env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Zhiyin ready')) resolve({ proc, base: `http://127.0.0.1:${env.PORT}` });
    });
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('exit', (code) => reject(new Error(`server exited (${code}) before ready:\n${out}`)));
  });
}

/** Logs in over HTTP; the session cookie, or an error naming the status. */
export async function loginAt(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0];
}

/** Polls GET /api/jobs/:id until the job has finished; its last view. */
export async function waitForJobAt(base: string, cookie: string, jobId: number, timeoutMs = 120_000): Promise<{ state: string; result: unknown; error: string | null }> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${base}/api/jobs/${jobId}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`GET /api/jobs/${jobId}: ${res.status} ${await res.text()}`);
    const job = (await res.json()) as { state: string; result: unknown; error: string | null };
    if (['completed', 'failed', 'cancelled'].includes(job.state)) return job;
    if (Date.now() > until) throw new Error(`job ${jobId} still ${job.state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Where the server keeps its data on the engine under test: a fresh database
 * on the server (DATABASE_URL) or a fresh PGlite folder (DATA_DIR). The data
 * outlives restarts; `cleanup` removes it.
 */
export async function serverDataEnv(label: string): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  if (testEngine === 'postgres') {
    const name = `zy_${label}_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString() },
      cleanup: async () => {
        const c = new pg.Client({ connectionString: serverUrl });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `zy-${label}-`));
  return { env: { DATA_DIR: dir }, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}
