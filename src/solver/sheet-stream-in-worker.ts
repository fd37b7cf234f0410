// A streamed .xlsx written in a worker thread (decision 0913). The caller
// reads and masks the rows page by page on the main thread (database, audit,
// personal-data policy stay there); ExcelJS's row writing and the zip's
// compression, which held the event loop for up to seconds a page, run in
// the worker. The next page is read only when the client has taken what was
// sent and the worker has compressed all but 2 MB of what it was given, so
// memory holds about two pages, not the file (decision 008).
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { SheetCell, SheetSpec } from './sheet-stream.js';

export type { SheetCell, SheetColumn, SheetSpec } from './sheet-stream.js';

const POST_SLICE = 500;

type FromWorker = { type: 'chunk'; data: Uint8Array } | { type: 'ready' } | { type: 'done' } | { type: 'error'; error: string };

/** One idle worker is kept (unref'd): starting one took 8–12 s on a loaded machine (tsx compiles ExcelJS's importer in it). */
let idle: Worker | null = null;

export function sheetStreamInWorker(spec: SheetSpec, pages: AsyncIterable<SheetCell[][]>): Readable {
  const out = new PassThrough();
  const worker = idle ?? new Worker(new URL('./sheet-stream-worker.mjs', import.meta.url));
  idle = null;
  worker.ref();
  let finished = false;
  let wake: (() => void) | null = null;
  let readyCount = 0;
  const release = (keep: boolean) => {
    worker.off('message', onMessage);
    worker.off('error', fail);
    worker.off('exit', onExit);
    worker.unref();
    if (keep && !idle) idle = worker;
    else void worker.terminate();
  };
  function fail(e: Error) {
    if (finished) return;
    finished = true;
    wake?.();
    release(false);
    out.destroy(e);
  }
  const onExit = (code: number) => fail(new Error(`sheet writer exited with ${code}`));
  function onMessage(m: FromWorker) {
    if (m.type === 'chunk') out.write(Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength));
    else if (m.type === 'ready') {
      readyCount++;
      wake?.();
    } else if (m.type === 'done') {
      finished = true;
      release(true);
      out.end();
    } else fail(new Error(`sheet writer: ${m.error}`));
  }
  worker.on('message', onMessage);
  worker.on('error', fail);
  worker.on('exit', onExit);
  // The client went away (or the stream failed): stop reading pages, end the worker (it is mid-file).
  out.on('close', () => {
    if (!finished) {
      finished = true;
      wake?.();
      release(false);
    }
  });
  worker.postMessage({ type: 'start', spec });

  let used = 0;
  const workerReady = async () => {
    while (!finished && readyCount <= used) await new Promise<void>((r) => (wake = r));
    wake = null;
    used++;
  };
  const clientCaughtUp = async () => {
    while (!finished && out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
  };

  void (async () => {
    try {
      await workerReady(); // the worker has started the file
      for await (const rows of pages) {
        await clientCaughtUp();
        if (finished) return; // the client went away: read no more pages
        // Posting copies the cells on this thread: a 5,000-row page at once held it ~50 ms, so in slices.
        for (let i = 0; i < rows.length || i === 0; i += POST_SLICE) {
          if (i > 0) await new Promise((r) => setImmediate(r));
          worker.postMessage({ type: 'rows', rows: rows.slice(i, i + POST_SLICE), last: i + POST_SLICE >= rows.length });
        }
        await workerReady();
      }
      if (!finished) worker.postMessage({ type: 'end' });
    } catch (e) {
      fail(e as Error);
    }
  })();
  return out;
}
