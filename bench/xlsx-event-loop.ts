// How long does writing a retailer .xlsx hold the event loop? In one process,
// alternating: the writer as it was before decision 0913 (ExcelJS on this
// thread, 200-row slices with a turn for others between, kept here for the
// comparison) and today's `xlsxStream` (the workbook written in a worker
// thread). A 10 ms timer ticks throughout; the longest gap between ticks is
// the longest a request would have waited. Synthetic rows shaped like the
// export (poorly compressible text in every column), read as fast as they come.
//   npx tsx bench/xlsx-event-loop.ts [rows=12000] [rounds=2]
import os from 'node:os';
import { PassThrough, type Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { FILE_COLUMNS, type Cell } from '../src/domain/retailers/import-columns.js';
import { xlsxStream } from '../src/server/retailer-file-writers.js';

const ROWS = Number(process.argv[2] ?? 12_000);
const ROUNDS = Number(process.argv[3] ?? 2);
const PAGE = 5000;

// Made once, before any timing: what is measured is the writer, not the rows' making.
let seed = 7;
const rnd = () => (seed = (seed * 48271) % 2147483647);
const DATA: Cell[][][] = [];
for (let p = 0; p * PAGE < ROWS; p++) {
  DATA.push(
    Array.from({ length: Math.min(PAGE, ROWS - p * PAGE) }, (_, i) =>
      FILE_COLUMNS.map((c, j) => (j === 0 ? String(100000000000 + p * PAGE + i) : `${c.header}${rnd().toString(36)}`)),
    ),
  );
}

function pages(): AsyncIterable<Cell[][]> {
  return (async function* () {
    for (const page of DATA) {
      await sleep(1); // the database read of a page
      yield page;
    }
  })();
}

/** Nothing but the timer for `ms`: the gaps the machine's load alone makes. */
function idle(ms: number): Readable {
  const out = new PassThrough();
  setTimeout(() => out.end(), ms);
  return out;
}

/** The export writer before decision 0913, on this thread (src/server/retailer-file-writers.ts at 61ef52f). */
function xlsxOnThisThread(source: AsyncIterable<Cell[][]>): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('零售户', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = FILE_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width, style: c.text ? { numFmt: '@' } : {} }));
  ws.getRow(1).font = { bold: true };
  void (async () => {
    for await (const rows of source) {
      while (out.writableNeedDrain) await sleep(5);
      for (let i = 0; i < rows.length; i += 200) {
        if (i > 0) await new Promise((r) => setImmediate(r));
        for (const row of rows.slice(i, i + 200)) ws.addRow(row).commit();
      }
    }
    ws.commit();
    await wb.commit();
  })();
  return out;
}

async function measure(name: string, make: () => Readable) {
  const h = monitorEventLoopDelay({ resolution: 10 });
  let last = performance.now();
  let maxGap = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 10);
  h.enable();
  const t = performance.now();
  let bytes = 0;
  for await (const c of make()) bytes += (c as Buffer).length;
  const ms = performance.now() - t;
  h.disable();
  clearInterval(tick);
  const r = { name, ms: Math.round(ms), mb: Math.round((bytes / 2 ** 20) * 10) / 10, max_gap_ms: Math.round(maxGap), delay_p99_ms: Math.round(h.percentile(99) / 1e6), delay_max_ms: Math.round(h.max / 1e6) };
  console.log(JSON.stringify(r));
  return r;
}

const results: Awaited<ReturnType<typeof measure>>[] = [];
// One untimed run of each first: module loading and the worker's first start are not the steady state.
await measure('warm-up on the event loop', () => xlsxOnThisThread(pages()));
await measure('warm-up in a worker', () => xlsxStream(pages()));
for (let round = 1; round <= ROUNDS; round++) {
  results.push(await measure('idle, 5 s (the machine alone)', () => idle(5000)));
  results.push(await measure('on the event loop (before 0913)', () => xlsxOnThisThread(pages())));
  results.push(await measure('in a worker thread (0913)', () => xlsxStream(pages())));
}
const worst = (prefix: string) => Math.max(...results.filter((r) => r.name.startsWith(prefix)).map((r) => r.max_gap_ms));
const time = (prefix: string) => results.filter((r) => r.name.startsWith(prefix)).map((r) => r.ms);
console.log(
  JSON.stringify({
    rows: ROWS,
    rounds: ROUNDS,
    idle_max_gap_ms: worst('idle'),
    before_max_gap_ms: worst('on the event loop'),
    after_max_gap_ms: worst('in a worker'),
    before_ms: time('on the event loop'),
    after_ms: time('in a worker'),
    load: Math.round(os.loadavg()[0] * 10) / 10,
  }),
);
