// The phone's outbox of visits not yet on the server. A visit is written here
// first, then sent; it leaves the outbox only when the server has answered
// that it holds it (a fresh save or a duplicate of one it already has). A
// connection that drops mid-sync leaves the visit in place, and the resend
// carries the same UUID, so the server stores it exactly once.
import type { VisitSubmit } from '../../../shared/visits.js';

export type OutboxItem = {
  id: string;
  retailerId: number;
  shopName: string;
  body: VisitSubmit;
  createdAt: string;
  attempts: number;
  /** Set when the server refused the visit (4xx): it stays for the worker to see, and is not resent. */
  rejected?: { code: string; message: string };
};

export interface OutboxStore {
  all(): Promise<OutboxItem[]>;
  put(item: OutboxItem): Promise<void>;
  remove(id: string): Promise<void>;
}

/** Outcome of one send: stored (fresh or duplicate), refused for good, or not reached (retry later). */
export type SendOutcome = { kind: 'stored' } | { kind: 'refused'; code: string; message: string } | { kind: 'unreachable' };

export type SyncReport = { sent: number; refused: number; remaining: number };

let running: Promise<SyncReport> | null = null;

/** Sends pending visits in order; one sync at a time. Stops at the first visit the server cannot be reached for. */
export function syncOutbox(store: OutboxStore, send: (item: OutboxItem) => Promise<SendOutcome>): Promise<SyncReport> {
  if (running) return running;
  running = (async () => {
    let sent = 0;
    let refused = 0;
    try {
      for (const item of (await store.all()).sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
        if (item.rejected) continue;
        const attempt = { ...item, attempts: item.attempts + 1 };
        await store.put(attempt);
        let outcome: SendOutcome;
        try {
          outcome = await send(attempt);
        } catch {
          outcome = { kind: 'unreachable' };
        }
        if (outcome.kind === 'unreachable') break;
        if (outcome.kind === 'stored') {
          await store.remove(item.id);
          sent++;
        } else {
          await store.put({ ...attempt, rejected: { code: outcome.code, message: outcome.message } });
          refused++;
        }
      }
    } finally {
      running = null;
    }
    return { sent, refused, remaining: (await store.all()).length };
  })();
  return running;
}

/** Classifies an HTTP status: 2xx stored; 401, 408, 429 and 5xx are worth retrying; other 4xx are refusals. */
export function outcomeOf(status: number, body: { code?: string; message?: string } | null): SendOutcome {
  if (status >= 200 && status < 300) return { kind: 'stored' };
  if (status === 0 || status === 401 || status === 408 || status === 429 || status >= 500) return { kind: 'unreachable' };
  return { kind: 'refused', code: body?.code ?? `http_${status}`, message: body?.message ?? `HTTP ${status}` };
}

export function memoryOutbox(): OutboxStore {
  const items = new Map<string, OutboxItem>();
  return {
    all: async () => [...items.values()].map((i) => structuredClone(i)),
    put: async (item) => void items.set(item.id, structuredClone(item)),
    remove: async (id) => void items.delete(id),
  };
}
