// Who is asking, from where and on which clock, for the audit rows written
// while a request is handled. The server enters it once per request (after
// the body is parsed), so a use-case deep down records the caller's IP and
// the app's clock without each signature passing them along (decision 1410).
import { AsyncLocalStorage } from 'node:async_hooks';

export type AuditContext = { ip?: string; now?: () => Date };

const storage = new AsyncLocalStorage<AuditContext>();

/** Runs `fn` (and everything it schedules) with the request's audit context. */
export function runWithAuditContext<T>(ctx: AuditContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentAuditContext(): AuditContext | undefined {
  return storage.getStore();
}
