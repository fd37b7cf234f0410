// Zip-bomb guard for uploaded .xlsx files: before any library inflates the
// archive, its central directory is read (entry count, declared sizes, method)
// and every entry is then inflated with an output cap in the thread pool, so a
// header that lies about its size cannot make the server inflate more than the
// cap. A 600 kB file inflating to 200 MB is refused in milliseconds.
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { AppError } from './errors.js';

const inflateRaw = promisify(zlib.inflateRaw);

export type ZipLimits = { maxEntries: number; maxEntryBytes: number; maxTotalBytes: number };
/** Generous for a county's files (20,000 retailers is ~40 MB of sheet XML); far below what hurts. */
export const XLSX_LIMITS: ZipLimits = { maxEntries: 500, maxEntryBytes: 64 * 1024 * 1024, maxTotalBytes: 96 * 1024 * 1024 };

type Entry = { name: string; method: number; compressed: number; size: number; localOffset: number };

function centralDirectory(data: Buffer): Entry[] {
  // End of central directory: 22 bytes plus a comment of up to 65,535.
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65_535); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new AppError('import_bad_file');
  const count = data.readUInt16LE(eocd + 10);
  const offset = data.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new AppError('import_too_large'); // zip64: never an office file of ours
  const entries: Entry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== 0x02014b50) throw new AppError('import_bad_file');
    const nameLength = data.readUInt16LE(p + 28);
    entries.push({
      method: data.readUInt16LE(p + 10),
      compressed: data.readUInt32LE(p + 20),
      size: data.readUInt32LE(p + 24),
      localOffset: data.readUInt32LE(p + 42),
      name: data.toString('utf8', p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + data.readUInt16LE(p + 30) + data.readUInt16LE(p + 32);
  }
  return entries;
}

/** Throws import_too_large when the archive would inflate past the limits, import_bad_file when it is not a plain zip. */
export async function assertZipWithinLimits(data: Buffer, limits: ZipLimits = XLSX_LIMITS): Promise<void> {
  if (data.length < 22) throw new AppError('import_bad_file');
  const entries = centralDirectory(data);
  if (entries.length > limits.maxEntries) throw new AppError('import_too_large');
  let total = 0;
  for (const e of entries) {
    if (e.size > limits.maxEntryBytes) throw new AppError('import_too_large');
    total += e.size;
  }
  if (total > limits.maxTotalBytes) throw new AppError('import_too_large');
  // The declared sizes are the sender's word: inflate each entry, capped at what it declared.
  for (const e of entries) {
    const local = e.localOffset;
    if (local + 30 > data.length || data.readUInt32LE(local) !== 0x04034b50) throw new AppError('import_bad_file');
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const body = data.subarray(start, start + e.compressed);
    if (e.method === 0) {
      if (e.compressed !== e.size) throw new AppError('import_bad_file');
    } else if (e.method === 8) {
      try {
        await inflateRaw(body, { maxOutputLength: e.size + 1 });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new AppError('import_too_large');
        throw new AppError('import_bad_file');
      }
    } else throw new AppError('import_bad_file');
  }
}
