// No acknowledged write is lost when the server process is killed with
// SIGKILL mid-burst: every edit that got a 200 is in the database after a
// restart on the same data (PGlite folder, or server database).
import { afterAll, describe, expect, it } from 'vitest';
import { testEngine } from '../support/test-db.js';
import { freePort, loginAt, serverDataEnv, startServer } from '../support/server-process.js';

const login = (base: string) => loginAt(base, 'worker1', 'worker123');

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

describe(`SIGKILL mid-burst (${testEngine})`, () => {
  it('keeps every acknowledged edit', { timeout: 400_000 }, async () => {
    const data = await serverDataEnv('kill');
    cleanups.push(data.cleanup);
    const env: Record<string, string> = { DEMO: '1', DEMO_RETAILERS: '120', DEMO_WEEKS: '2', HOST: '127.0.0.1', ...data.env };

    env.PORT = String(await freePort());
    let { proc, base } = await startServer(env);
    cleanups.push(async () => void proc.kill('SIGKILL'));
    let cookie = await login(base);
    const list = await (await fetch(`${base}/api/retailers?pageSize=8`, { headers: { cookie } })).json();
    const ids: number[] = list.items.map((r: { id: number }) => r.id);
    expect(ids.length).toBeGreaterThan(3);

    // Each client edits its own retailer in a loop; record what was acknowledged.
    const acked: { id: number; address: string }[] = [];
    let stop = false;
    const client = async (id: number) => {
      let version = (await (await fetch(`${base}/api/retailers/${id}`, { headers: { cookie } })).json()).version;
      for (let n = 0; !stop; n++) {
        const address = `醴陵市耐久性测试路${id}号-${n}`;
        try {
          const res = await fetch(`${base}/api/retailers/${id}`, {
            method: 'PATCH',
            headers: { cookie, 'content-type': 'application/json' },
            body: JSON.stringify({ version, address }),
          });
          if (res.status !== 200) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
          version = (await res.json()).version;
          acked.push({ id, address });
        } catch (e) {
          if (stop) return; // the connection died with the process
          throw e;
        }
      }
    };
    let failure: unknown;
    const burst = Promise.all(ids.map(client)).catch((e) => {
      failure = e;
    });
    while (acked.length < 60 && !failure) await new Promise((r) => setTimeout(r, 20));
    if (failure) throw failure;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGKILL');
    stop = true;
    await burst;
    await exited;

    env.PORT = String(await freePort());
    ({ proc, base } = await startServer(env));
    cookie = await login(base);
    let missing = 0;
    for (const id of ids) {
      const history = await (await fetch(`${base}/api/retailers/${id}/history`, { headers: { cookie } })).json();
      const saved = new Set(history.map((h: { changes: { new: unknown }[] }) => h.changes[0].new));
      for (const a of acked.filter((x) => x.id === id)) if (!saved.has(a.address)) missing++;
      const last = acked.filter((x) => x.id === id).at(-1);
      if (last) {
        const card = await (await fetch(`${base}/api/retailers/${id}`, { headers: { cookie } })).json();
        // The card holds the last acknowledged value, or a later one that committed as the process died.
        expect(saved.has(card.address)).toBe(true);
      }
    }
    expect(acked.length).toBeGreaterThanOrEqual(60);
    expect(missing).toBe(0);
    const stopped = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await stopped;
  });
});
