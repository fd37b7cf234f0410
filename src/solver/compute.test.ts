// The worker executor: answers come back, a task that throws fails with a
// code, a task past its budget is stopped (and the next call still works),
// the main thread stays free meanwhile, and one owner runs one of a kind.
import { afterAll, describe, expect, it } from 'vitest';
import { compute, ComputeError, exclusive, stopComputeWorkers } from './compute.js';

afterAll(() => stopComputeWorkers());

const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof ComputeError ? e.code : String(e)));

describe('compute', () => {
  it('runs a domain task in a worker and returns its answer', async () => {
    const spots = await compute('denseSpots', {
      centres: [{ id: 1, lat: 27.6, lng: 113.5 }],
      all: [1, 2, 3].map((id) => ({ id, lat: 27.6 + id * 0.0001, lng: 113.5 })),
      radiusKm: 0.15,
      minCount: 3,
    });
    expect(spots).toEqual([{ id: 1, lat: 27.6, lng: 113.5, neighbours: 2, members: 3 }]);
  });

  it('stops a task at its budget with computation_budget_exceeded while the main thread keeps ticking', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const code = await codeOf(compute('probe', { spinMs: 60_000 }, { budgetMs: 1500 }));
    clearInterval(timer);
    expect(code).toBe('computation_budget_exceeded');
    expect(ticks).toBeGreaterThan(5);
    // The stopped worker is gone; the next call gets a fresh one.
    expect(await compute('probe', { spinMs: 1 })).toMatchObject({ spun: expect.any(Number) });
  });

  it('reports a task that throws as computation_failed', async () => {
    expect(await codeOf(compute('probe', { fail: 'boom' }))).toBe('computation_failed');
  });

  it('refuses a second computation of the same kind by the same owner, not by another', async () => {
    let release!: () => void;
    const first = exclusive(7, 'gridPartition', () => new Promise<string>((r) => (release = () => r('first'))));
    expect(await codeOf(exclusive(7, 'gridPartition', async () => 'second'))).toBe('computation_busy');
    expect(await exclusive(8, 'gridPartition', async () => 'other user')).toBe('other user');
    expect(await exclusive(7, 'denseSpots', async () => 'other kind')).toBe('other kind');
    release();
    expect(await first).toBe('first');
    expect(await exclusive(7, 'gridPartition', async () => 'after')).toBe('after');
  });
});
