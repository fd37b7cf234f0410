// The worker-thread side of a streamed .xlsx (src/solver/sheet-stream-worker.mjs):
// ExcelJS's WorkbookWriter, a row at a time with inline strings (no shared
// string table to keep), its zip output handed to `onChunk` as it comes.
// Cells are values, never formulas: a string that starts with `=` is written
// as text. It runs in a worker because writing and compressing a county's
// rows held the server's event loop for up to seconds (decision 0913).
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';

export type SheetCell = string | number;
export type SheetColumn = { header: string; width: number; /** keep every digit: Excel's text format */ text?: boolean };
export type SheetSpec = { sheet: string; columns: SheetColumn[] };

/** Bytes given to the zip and not yet compressed, above which a page waits before saying it is written. */
const IN_FLIGHT_MAX = 2 * 1024 * 1024;

export type SheetStream = {
  /** Writes rows; resolves once the zip has compressed all but IN_FLIGHT_MAX of what it was given. */
  write(rows: SheetCell[][]): Promise<void>;
  /** Finishes the workbook; resolves after the last chunk was handed to `onChunk`. */
  end(): Promise<void>;
};

export function openSheetStream(spec: SheetSpec, onChunk: (chunk: Uint8Array) => void): SheetStream {
  const out = new PassThrough();
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  out.on('data', (c: Buffer) => onChunk(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = spec.columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width, style: c.text ? { numFmt: '@' } : {} }));
  ws.getRow(1).font = { bold: true };
  return {
    async write(rows) {
      for (const row of rows) ws.addRow(row).commit();
      while (inFlight(wb, ws) > IN_FLIGHT_MAX) await sleep(5);
    },
    async end() {
      ws.commit();
      await wb.commit();
      await ended;
    },
  };
}

type Queued = { _readableState?: { length: number }; _writableState?: { length: number } };
const queued = (s: Queued | undefined) => (s?._readableState?.length ?? 0) + (s?._writableState?.length ?? 0);

/**
 * Bytes queued inside the workbook writer: the sheet's XML that archiver
 * wraps in a PassThrough until its compressor reads it, and archiver's own
 * input and output. These are streams' internal queues (archiver uses
 * readable-stream 2, without the public `readableLength`); should the
 * libraries change shape this reads less, and the pacing test in
 * src/server/retailer-file-writers.test.ts fails.
 */
function inFlight(wb: ExcelJS.stream.xlsx.WorkbookWriter, ws: ExcelJS.Worksheet): number {
  const sheet = (ws as unknown as { stream?: { pipes?: Queued[] } }).stream?.pipes?.[0];
  return queued(sheet) + queued((wb as unknown as { zip?: Queued }).zip);
}
