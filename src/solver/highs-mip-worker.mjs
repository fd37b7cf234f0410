// Worker thread: solves mixed-integer models (CPLEX LP text) with HiGHS off
// the main thread, to optimality unless the time limit stops it first.
import { parentPort } from 'node:worker_threads';
import loadHighs from 'highs';

const highs = await loadHighs();

parentPort.on('message', (msg) => {
  try {
    const r = highs.solve(msg.lp, { output_flag: false, mip_rel_gap: 0, time_limit: msg.timeLimit ?? 60 });
    const columns = {};
    for (const [k, c] of Object.entries(r.Columns)) columns[k] = { Primal: c.Primal };
    parentPort.postMessage({ id: msg.id, status: r.Status, objective: r.ObjectiveValue, columns });
  } catch (e) {
    parentPort.postMessage({ id: msg.id, error: String(e && e.message ? e.message : e) });
  }
});
