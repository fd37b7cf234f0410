// Worker thread of src/solver/sheet-stream-in-worker.ts: writes streamed .xlsx
// files, one at a time (kept idle between them: starting one costs seconds on
// a loaded machine). Messages in: {type:'start', spec}, then {type:'rows',
// rows, last} (a page in slices, `last` on its final one), then {type:'end'};
// out: {type:'ready'} when it can take the next page, {type:'chunk', data} as
// the zip produces bytes, {type:'done'} after the last chunk, {type:'error',
// error}. Plain JavaScript that registers tsx itself, as compute-worker.mjs
// (decision 0810).
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { openSheetStream } = await import('./sheet-stream.ts');

let sheet = null;
let queue = Promise.resolve();
parentPort.on('message', (m) => {
  // One message at a time, in order (the main side waits for 'ready' anyway).
  queue = queue
    .then(async () => {
      if (m.type === 'start') {
        sheet = openSheetStream(m.spec, (data) => parentPort.postMessage({ type: 'chunk', data }));
        parentPort.postMessage({ type: 'ready' });
      } else if (m.type === 'rows') {
        await sheet.write(m.rows);
        if (m.last) parentPort.postMessage({ type: 'ready' });
      } else if (m.type === 'end') {
        await sheet.end();
        sheet = null;
        parentPort.postMessage({ type: 'done' });
      }
    })
    .catch((e) => parentPort.postMessage({ type: 'error', error: String(e && e.stack ? e.stack : e) }));
});
