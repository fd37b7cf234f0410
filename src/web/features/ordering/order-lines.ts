// Order lines as the screens keep them: demand is what was asked; ordered is
// capped at the limit, so demand above the limit is kept, not lost.
import type { OrderingProduct } from '../../../shared/ordering.js';

export type DraftLine = { productId: number; demandQty: number; orderedQty: number };

export function lineFor(p: OrderingProduct, asked: number): DraftLine {
  const demand = Math.max(0, Math.floor(asked));
  const ordered = p.limitQty === null ? demand : Math.min(demand, p.limitQty);
  return { productId: p.productId, demandQty: demand, orderedQty: ordered };
}

export function upsertLine(lines: DraftLine[], line: DraftLine): DraftLine[] {
  const i = lines.findIndex((l) => l.productId === line.productId);
  if (i < 0) return [...lines, line];
  const next = [...lines];
  next[i] = line;
  return next;
}

/** Products matching typed text: code prefix first, then name contains. */
export function matchProducts(products: OrderingProduct[], text: string, max = 6): OrderingProduct[] {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  const byCode = products.filter((p) => p.code.toLowerCase().includes(q));
  const byName = products.filter((p) => !byCode.includes(p) && p.name.toLowerCase().includes(q));
  return [...byCode, ...byName].slice(0, max);
}

/**
 * The suggested order added to what is typed: a suggestion fills only a
 * product with no line yet (or a line of 0), never a demand someone stated,
 * because stated demand feeds the stock-out rates. Answers the new lines and
 * how many suggestions were left out because a line was already there.
 */
export function addSuggested(lines: DraftLine[], suggested: { productId: number; qty: number }[], products: Map<number, OrderingProduct>): { lines: DraftLine[]; kept: number } {
  let next = lines;
  let kept = 0;
  for (const s of suggested) {
    const p = products.get(s.productId);
    // A suggestion the limit cut to nothing is shown with why, never added as a line.
    if (!p || s.qty <= 0) continue;
    const typed = next.find((l) => l.productId === s.productId);
    if (typed && typed.demandQty > 0) {
      if (typed.demandQty !== s.qty) kept++;
      continue;
    }
    next = upsertLine(next, lineFor(p, s.qty));
  }
  return { lines: next, kept };
}

/** The same rule for a demand map (the phone pages): only products without a demand get the suggestion. */
export function fillEmptyDemand(asked: Record<number, number>, suggested: { productId: number; qty: number }[]): Record<number, number> {
  const next = { ...asked };
  for (const s of suggested) if (s.qty > 0 && !(next[s.productId] > 0)) next[s.productId] = s.qty;
  return next;
}

/** Line amount and order totals at the product prices shown (the server's figures are the same prices × ordered). */
export function orderTotals(lines: DraftLine[], products: Map<number, OrderingProduct>): { cartons: number; amount: number } {
  let cartons = 0;
  let amount = 0;
  for (const l of lines) {
    cartons += l.orderedQty;
    amount += l.orderedQty * (products.get(l.productId)?.price ?? 0);
  }
  return { cartons, amount: Math.round(amount * 100) / 100 };
}
