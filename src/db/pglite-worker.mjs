// Worker thread owning the embedded database (src/db/pglite-thread.ts).
// PGlite runs SQL in WebAssembly on the thread that calls it; here that is
// this thread, so a long statement no longer stalls the HTTP server.
// Messages: { id, op, … } → { id, ok, value | error }. A transaction is
// opened with PGlite's own transaction() and held open until the main thread
// sends commit or rollback; PGlite queues other statements meanwhile, as it
// does in-process.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const db = new PGlite(workerData.dataDir ?? undefined);
const ready = db.waitReady;
const txs = new Map();

// Functions cannot cross threads: the main thread names the type ids whose
// text is to be kept as it is (drizzle keeps dates and intervals as text).
function options(o) {
  if (!o) return undefined;
  const { keepText, ...rest } = o;
  if (!keepText) return rest;
  return { ...rest, parsers: Object.fromEntries(keepText.map((oid) => [oid, (v) => v])) };
}

function target(txId) {
  if (txId === undefined) return db;
  const t = txs.get(txId);
  if (!t) throw new Error(`transaction ${txId} is not open`);
  return t.tx;
}

function errorOf(e) {
  const out = { message: String(e?.message ?? e), name: e?.name ?? 'Error' };
  for (const [k, v] of Object.entries(e ?? {})) if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) out[k] = v;
  return out;
}

async function run(m) {
  await ready;
  switch (m.op) {
    case 'query':
      return target(m.tx).query(m.sql, m.params, options(m.options));
    case 'exec':
      return target(m.tx).exec(m.sql, options(m.options));
    case 'begin': {
      const t = {};
      await new Promise((started, failed) => {
        t.finished = db.transaction(
          (tx) =>
            new Promise((commit, rollback) => {
              Object.assign(t, { tx, commit, rollback });
              txs.set(m.tx, t);
              started();
            }),
        );
        t.finished.catch(failed);
      });
      return null;
    }
    case 'commit': {
      const t = txs.get(m.tx);
      t.commit();
      try {
        await t.finished;
      } finally {
        txs.delete(m.tx);
      }
      return null;
    }
    case 'rollback': {
      const t = txs.get(m.tx);
      if (!t) return null;
      t.rollback(new Error('rollback'));
      await t.finished.catch(() => undefined);
      txs.delete(m.tx);
      return null;
    }
    case 'close':
      await db.close();
      return null;
    default:
      throw new Error(`unknown op ${m.op}`);
  }
}

parentPort.on('message', (m) => {
  run(m).then(
    (value) => parentPort.postMessage({ id: m.id, ok: true, value }),
    (e) => parentPort.postMessage({ id: m.id, ok: false, error: errorOf(e) }),
  );
});
