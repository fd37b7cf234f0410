// The daily report's totals arranged for the screen: one row per settlement
// method with orders and amount per status, and the day's sums.
import { SETTLEMENT_METHODS, SETTLEMENT_STATUSES, type SettlementReport } from '../../../shared/settlement.js';

type Status = (typeof SETTLEMENT_STATUSES)[number];
export type Cell = { orders: number; amount: number };
export type MethodRow = { method: string } & Record<Status | 'all', Cell>;

const empty = (): Cell => ({ orders: 0, amount: 0 });
const add = (c: Cell, orders: number, amount: number) => {
  c.orders += orders;
  c.amount = Math.round((c.amount + amount) * 100) / 100;
};

export function totalsByMethod(totals: SettlementReport['totals']): { rows: MethodRow[]; day: MethodRow } {
  const row = (method: string): MethodRow => ({ method, pending: empty(), deducted: empty(), failed: empty(), all: empty() });
  const rows = new Map<string, MethodRow>(SETTLEMENT_METHODS.map((m) => [m, row(m)]));
  const day = row('all');
  for (const t of totals) {
    const r = rows.get(t.method) ?? rows.set(t.method, row(t.method)).get(t.method)!;
    const status = (SETTLEMENT_STATUSES as readonly string[]).includes(t.status) ? (t.status as Status) : null;
    for (const target of [r, day]) {
      if (status) add(target[status], t.orders, t.amount);
      add(target.all, t.orders, t.amount);
    }
  }
  return { rows: [...rows.values()], day };
}
