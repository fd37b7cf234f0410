// The embedded database in a worker thread (decision 0811), behind the small
// part of PGlite's interface that drizzle uses: query, exec, transaction.
// PGlite's own worker (`@electric-sql/pglite/worker`) is made for browser
// tabs (navigator.locks, BroadcastChannel) and does not run on Node 20.
import { Worker } from 'node:worker_threads';

type Options = { rowMode?: 'array' | 'object'; parsers?: Record<number, unknown> } & Record<string, unknown>;
export type Results = { rows: unknown[]; fields: { name: string; dataTypeID: number }[]; affectedRows?: number };

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/** An error from the database thread, with the fields of PGlite's (code, detail, constraint, …). */
function rebuild(e: Record<string, unknown>): Error {
  const err = new Error(String(e.message));
  Object.assign(err, e);
  return err;
}

// Parsers cannot be sent to a thread; drizzle's only ever keep a type's text.
function sendable(o: Options | undefined) {
  if (!o) return undefined;
  const { parsers, ...rest } = o;
  return parsers ? { ...rest, keepText: Object.keys(parsers).map(Number) } : rest;
}

export class PgliteThread {
  readonly waitReady: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private nextTx = 1;
  private dead: Error | null = null;

  constructor(dataDir?: string) {
    this.worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: { dataDir } });
    this.worker.on('message', (m: { id: number; ok: boolean; value?: unknown; error?: Record<string, unknown> }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.value);
      else p.reject(rebuild(m.error ?? {}));
    });
    const fail = (e: Error) => {
      this.dead = e;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`database thread exited (${code})`)));
    // The first statement waits for start-up; this only reports a failed one early.
    this.waitReady = this.call({ op: 'query', sql: 'select 1' }).then(() => undefined);
  }

  private call(msg: Record<string, unknown>): Promise<never> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...msg, id });
    });
  }

  query<T = Results>(sql: string, params?: unknown[], options?: Options): Promise<T> {
    return this.call({ op: 'query', sql, params, options: sendable(options) });
  }

  exec(sql: string, options?: Options): Promise<Results[]> {
    return this.call({ op: 'exec', sql, options: sendable(options) });
  }

  /** BEGIN … COMMIT in the database thread; a throw in `fn` rolls back. */
  async transaction<T>(fn: (tx: { query: PgliteThread['query']; exec: PgliteThread['exec'] }) => Promise<T>): Promise<T> {
    const tx = this.nextTx++;
    await this.call({ op: 'begin', tx });
    const handle = {
      query: <R = Results>(sql: string, params?: unknown[], options?: Options) => this.call({ op: 'query', tx, sql, params, options: sendable(options) }) as Promise<R>,
      exec: (sql: string, options?: Options) => this.call({ op: 'exec', tx, sql, options: sendable(options) }) as Promise<Results[]>,
    };
    let result: T;
    try {
      result = await fn(handle);
    } catch (e) {
      await this.call({ op: 'rollback', tx }).catch(() => undefined);
      throw e;
    }
    await this.call({ op: 'commit', tx });
    return result;
  }

  async close(): Promise<void> {
    if (!this.dead) await this.call({ op: 'close' });
    await this.worker.terminate();
  }
}
