// SIGKILL during an order burst: every order that got a 201 is stored with
// the lines it was acknowledged with after a restart on the same data, and
// no limit is exceeded.
import { afterAll, describe, expect, it } from 'vitest';
import { testEngine } from '../support/test-db.js';
import { freePort, loginAt as login, serverDataEnv, startServer } from '../support/server-process.js';

const call = async (base: string, cookie: string, method: string, url: string, body?: unknown) => {
  const res = await fetch(`${base}${url}`, { method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  return { status: res.status, json: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
};

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

describe(`SIGKILL during an order burst (${testEngine})`, () => {
  it('keeps every acknowledged order and oversells nothing', { timeout: 400_000 }, async () => {
    const data = await serverDataEnv('killorder');
    cleanups.push(data.cleanup);
    const env: Record<string, string> = { DEMO: '1', DEMO_RETAILERS: '80', DEMO_WEEKS: '3', HOST: '127.0.0.1', ...data.env };
    env.PORT = String(await freePort());
    let { proc, base } = await startServer(env);
    cleanups.push(async () => void proc.kill('SIGKILL'));
    const manager = await login(base, 'manager', 'manager123');
    let agent = await login(base, 'agent', 'agent123');

    // The demo starts with this week's plan allocated and published; every window is opened for the test.
    const plans = (await call(base, manager, 'GET', '/api/supply-plans')).json.items as { id: number; status: string }[];
    const planId = plans.find((p) => p.status === 'published')!.id;
    for (let wd = 1; wd <= 7; wd++) {
      const moved = await call(base, manager, 'PUT', `/api/supply-plans/${planId}/windows/${wd}`, {
        opensAt: new Date(Date.now() - 3600_000).toISOString(),
        closesAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
      });
      expect(moved.status).toBe(200);
    }
    const list = await call(base, agent, 'GET', '/api/retailers?pageSize=24&status=active');
    const ids: number[] = list.json.items.map((r: { id: number }) => r.id);
    // Each order: every scarce product at its limit (demand above it) and two plain products.
    type Body = { retailerId: number; channel: string; idempotencyKey: string; lines: { productId: number; demandQty?: number; orderedQty: number }[] };
    const orders: Body[] = [];
    const bodies = new Map<number, Body>();
    for (const id of ids) {
      const view = (await call(base, agent, 'GET', `/api/ordering/retailers/${id}`)).json;
      const scarce = view.products.filter((p: { scarce: boolean; limitQty: number }) => p.scarce && p.limitQty > 0);
      const plain = view.products.filter((p: { scarce: boolean }) => !p.scarce).slice(id % 5, (id % 5) + 2);
      const body: Body = {
        retailerId: id,
        channel: 'phone',
        idempotencyKey: `kill-${id}-${process.pid}`,
        lines: [
          ...scarce.map((p: { productId: number; limitQty: number }) => ({ productId: p.productId, demandQty: p.limitQty + 1, orderedQty: p.limitQty })),
          ...plain.map((p: { productId: number }) => ({ productId: p.productId, orderedQty: 2 })),
        ],
      };
      orders.push(body);
      bodies.set(id, body);
    }

    const acked = new Map<number, { orderId: number; lines: { productId: number; orderedQty: number }[] }>();
    let stop = false;
    let failure: unknown;
    const client = async () => {
      for (let o = orders.pop(); o && !stop; o = orders.pop()) {
        try {
          const res = await fetch(`${base}/api/orders`, { method: 'POST', headers: { cookie: agent, 'content-type': 'application/json' }, body: JSON.stringify(o) });
          const body = await res.json();
          if (res.status !== 201) throw new Error(`unexpected ${res.status}: ${JSON.stringify(body)}`);
          acked.set(o.retailerId, { orderId: body.orderId, lines: body.lines });
        } catch (e) {
          if (stop) return;
          failure = e;
          return;
        }
      }
    };
    const burst = Promise.all(Array.from({ length: 8 }, client));
    while (acked.size < 10 && !failure && orders.length) await new Promise((r) => setTimeout(r, 5));
    if (failure) throw failure;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGKILL');
    stop = true;
    await burst;
    await exited;
    expect(acked.size).toBeGreaterThanOrEqual(10);

    env.PORT = String(await freePort());
    ({ proc, base } = await startServer(env));
    agent = await login(base, 'agent', 'agent123');
    let missing = 0;
    for (const [rid, a] of acked) {
      const view = (await call(base, agent, 'GET', `/api/ordering/retailers/${rid}`)).json;
      if (view.currentOrder?.orderId !== a.orderId) {
        missing++;
        continue;
      }
      const stored = new Map(view.currentOrder.lines.map((l: { productId: number; orderedQty: number }) => [l.productId, l.orderedQty]));
      for (const l of a.lines) if (stored.get(l.productId) !== l.orderedQty) missing++;
      // Nothing above the retailer's limit.
      for (const p of view.products.filter((x: { scarce: boolean }) => x.scarce)) expect(Number(stored.get(p.productId) ?? 0)).toBeLessThanOrEqual(p.limitQty);
    }
    expect(missing).toBe(0);
    // Nothing above supply; a retry of an acknowledged order after the restart answers the same order.
    const mgr = await login(base, 'manager', 'manager123');
    const after = (await call(base, mgr, 'GET', `/api/supply-plans/${planId}`)).json;
    for (const it of after.items.filter((i: { scarce: boolean }) => i.scarce)) expect(it.orderedQty).toBeLessThanOrEqual(it.supplyQty);
    const [rid, first] = [...acked][0];
    const retry = await call(base, agent, 'POST', '/api/orders', bodies.get(rid));
    expect(retry.status).toBe(201);
    expect(retry.json).toMatchObject({ orderId: first.orderId, replayed: true });
    const stopped = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await stopped;
  });
});
