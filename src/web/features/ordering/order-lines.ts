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
