// Worker thread: solves CPLEX LP text with HiGHS (WebAssembly) off the main
// thread. Plain JavaScript so that it loads the same under tsx, vitest and node.
import { parentPort } from 'node:worker_threads';
import loadHighs from 'highs';

const highs = await loadHighs();

parentPort.on('message', (msg) => {
  try {
    const r = highs.solve(msg.lp, { output_flag: false, solver: 'simplex' });
    const columns = {};
    for (const [k, c] of Object.entries(r.Columns)) columns[k] = { Primal: c.Primal };
    parentPort.postMessage({ id: msg.id, status: r.Status, objective: r.ObjectiveValue, columns });
  } catch (e) {
    parentPort.postMessage({ id: msg.id, error: String(e && e.message ? e.message : e) });
  }
});
