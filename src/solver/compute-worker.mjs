// Worker thread of src/solver/compute.ts: runs one pure task at a time.
// Plain JavaScript so that Node can start it; it registers tsx itself and
// then imports the TypeScript tasks. Module hooks registered in the main
// thread (`tsx src/cli/serve.ts`, `node --import tsx`, vitest) do not reach a
// worker thread on Node 20, so this is the one way that works everywhere.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { tasks } = await import('./compute-tasks.ts');

// A task may be asynchronous (reading a workbook); one runs at a time either way.
// `started` first: the caller's budget counts from here, not from the worker's start-up (loading tsx and the
// tasks takes seconds on a loaded machine, and says nothing about the task).
parentPort.on('message', async (msg) => {
  parentPort.postMessage({ started: true });
  try {
    parentPort.postMessage({ ok: true, value: await tasks[msg.kind](msg.input) });
  } catch (e) {
    parentPort.postMessage({ ok: false, error: String(e && e.stack ? e.stack : e) });
  }
});
