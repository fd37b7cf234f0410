// An uploaded .xlsx as rows of text: the zip-bomb guard, then the parse in a
// compute worker so the event loop stays free (issue 13: zip parsing had run
// on the request thread).
import { compute } from '../solver/compute.js';
import { AppError } from './errors.js';
import { assertZipWithinLimits } from './zip-guard.js';

export async function readUploadedSheet(data: Buffer, opts: { sheet?: string; skipEmpty?: boolean } = {}): Promise<string[][]> {
  await assertZipWithinLimits(data);
  const read = await compute('readSheet', { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), ...opts });
  if (!read.ok) throw new AppError('import_bad_file');
  return read.table;
}
