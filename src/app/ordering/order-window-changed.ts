// The hook for telling retailers that an order window moved (a holiday, an
// extension). Setting a window calls every subscriber inside its transaction,
// so a subscriber that enqueues a durable job (the notices feature: SMS and
// the message bar to the shops whose order day it is) commits or rolls back
// with the change itself. Nothing here sends anything.
import type { Db } from '../../db/client.js';

export type OrderWindowChanged = {
  orgId: number;
  planId: number;
  weekStart: string;
  weekday: number;
  orderDate: string;
  before: { opensAt: string; closesAt: string };
  after: { opensAt: string; closesAt: string };
  reason: string;
  changedBy: number;
  /** Active retailers whose order day this is: the ones to tell. */
  retailers: number;
  at: string;
};

export type OrderWindowChangedSubscriber = (tx: Db, event: OrderWindowChanged) => Promise<void>;

const subscribers: OrderWindowChangedSubscriber[] = [];

/** Registers a subscriber (e.g. at start-up, by the notices feature); answers a function that removes it. */
export function onOrderWindowChanged(fn: OrderWindowChangedSubscriber): () => void {
  subscribers.push(fn);
  return () => {
    const i = subscribers.indexOf(fn);
    if (i >= 0) subscribers.splice(i, 1);
  };
}

export async function publishOrderWindowChanged(tx: Db, event: OrderWindowChanged): Promise<void> {
  for (const fn of subscribers) await fn(tx, event);
}
