import { describe, expect, it } from 'vitest';
import { memoryOutbox, outcomeOf, syncOutbox, type OutboxItem } from './visit-outbox.js';

const item = (id: string, createdAt: string): OutboxItem => ({
  id,
  retailerId: 1,
  shopName: '店',
  body: { retailerId: 1, checkIn: { lat: 27.6, lng: 113.5 }, form: { displayScore: 4, priceTags: 'complete', storeImage: 'B' } },
  createdAt,
  attempts: 0,
});

describe('syncOutbox', () => {
  it('sends in order, keeps what could not be sent, and parks refusals', async () => {
    const store = memoryOutbox();
    await store.put(item('b', '2026-11-24T02:00:00Z'));
    await store.put(item('a', '2026-11-24T01:00:00Z'));
    await store.put(item('c', '2026-11-24T03:00:00Z'));
    const seen: string[] = [];
    const report = await syncOutbox(store, async (i) => {
      seen.push(i.id);
      if (i.id === 'a') return { kind: 'stored' };
      if (i.id === 'b') return { kind: 'refused', code: 'validation_failed', message: 'bad' };
      return { kind: 'unreachable' };
    });
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(report).toEqual({ sent: 1, refused: 1, remaining: 2 });
    const left = await store.all();
    expect(left.find((i) => i.id === 'b')?.rejected?.code).toBe('validation_failed');
    expect(left.find((i) => i.id === 'c')?.attempts).toBe(1);
  });

  it('treats a thrown send as unreachable and keeps the visit', async () => {
    const store = memoryOutbox();
    await store.put(item('a', '2026-11-24T01:00:00Z'));
    const report = await syncOutbox(store, async () => {
      throw new Error('connection reset');
    });
    expect(report.remaining).toBe(1);
  });

  it('runs one sync at a time', async () => {
    const store = memoryOutbox();
    await store.put(item('a', '2026-11-24T01:00:00Z'));
    let calls = 0;
    const send = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 5));
      return { kind: 'stored' as const };
    };
    const [x, y] = await Promise.all([syncOutbox(store, send), syncOutbox(store, send)]);
    expect(calls).toBe(1);
    expect(x).toBe(y);
  });

  it('classifies statuses', () => {
    expect(outcomeOf(200, null).kind).toBe('stored');
    expect(outcomeOf(503, null).kind).toBe('unreachable');
    expect(outcomeOf(0, null).kind).toBe('unreachable');
    expect(outcomeOf(422, { code: 'check_in_too_far', message: 'x' })).toEqual({ kind: 'refused', code: 'check_in_too_far', message: 'x' });
  });
});
