// One retailer's order as a phone screen edits it: what the retailer asks per
// product (demand), the lines that follow from the limits, and submit or amend
// with an idempotency key. The key is kept while the lines are unchanged, so
// resending after a lost answer replays the first order instead of making a
// second; used by the retailer's own page and the grid worker's visit page.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../api/client.js';
import type { OrderResult, RetailerOrdering } from '../../../shared/ordering.js';
import { newIdempotencyKey, orderingApi } from './ordering-api.js';
import { fillEmptyDemand, lineFor, type DraftLine } from './order-lines.js';

export type OrderDraft = ReturnType<typeof useOrderDraft>;

/**
 * Demand per product to start from: the current order's, else nothing. The suggested order is shown beside the
 * lines and taken with one click: typed in unasked it would be stored as the shop's stated demand, which the
 * forecast learns from (decision 1810).
 */
export function startingDemand(v: RetailerOrdering): Record<number, number> {
  const start: Record<number, number> = {};
  if (v.currentOrder) for (const l of v.currentOrder.lines) start[l.productId] = l.demandQty;
  return start;
}

export function useOrderDraft(retailerId: number | null, channel: 'self' | 'visit' | 'phone') {
  const [view, setView] = useState<RetailerOrdering | null>(null);
  const [loadError, setLoadError] = useState<ApiError | Error | null>(null);
  const [asked, setAsked] = useState<Record<number, number>>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<OrderResult | null>(null);
  const keyRef = useRef<string | null>(null);
  // Set when an answer was lost: the server may hold the order even though the screen does not know.
  const unsureRef = useRef(false);

  const reload = useCallback(async (): Promise<RetailerOrdering | null> => {
    if (!retailerId) return null;
    try {
      const v = await orderingApi.retailer(retailerId);
      setView(v);
      setLoadError(null);
      setAsked(startingDemand(v));
      return v;
    } catch (e) {
      setLoadError(e as Error);
      return null;
    }
  }, [retailerId]);
  useEffect(() => void reload(), [reload]);

  const byId = useMemo(() => new Map((view?.products ?? []).map((p) => [p.productId, p])), [view]);
  const lines: DraftLine[] = useMemo(
    () =>
      Object.entries(asked)
        .filter(([pid, q]) => q > 0 && byId.has(Number(pid)))
        .map(([pid, q]) => lineFor(byId.get(Number(pid))!, q)),
    [asked, byId],
  );

  const setDemand = (productId: number, qty: number) => {
    keyRef.current = null;
    setResult(null);
    setAsked((a) => ({ ...a, [productId]: Math.max(0, Math.floor(qty)) }));
  };
  // Fills products without a demand only: a demand the shop stated stays (issue 14, item 5).
  const takeSuggested = () => {
    if (!view) return;
    keyRef.current = null;
    setResult(null);
    setAsked((a) => fillEmptyDemand(a, view.suggested));
  };

  /** Submits (or amends the current order); returns the confirmed order, or throws the ApiError. */
  const submit = async (): Promise<OrderResult> => {
    if (!view || !retailerId) throw new Error('not loaded');
    setBusy(true);
    try {
      let current = result ?? view.currentOrder;
      // After a lost answer with lines changed since, learn first whether the order got in.
      if (unsureRef.current && !keyRef.current) current = (await orderingApi.retailer(retailerId)).currentOrder ?? current;
      keyRef.current ??= newIdempotencyKey();
      const body = { idempotencyKey: keyRef.current, lines };
      try {
        const r = current ? await orderingApi.amend(current.orderId, body) : await orderingApi.submit({ ...body, retailerId, channel });
        keyRef.current = null;
        unsureRef.current = false;
        setResult(r);
        return r;
      } catch (e) {
        if (e instanceof ApiError && e.status === 0) unsureRef.current = true;
        else keyRef.current = null;
        // Someone else took this week's order meanwhile: show it, so the next tap amends it.
        if (e instanceof ApiError && e.code === 'order_exists') await reload();
        throw e;
      }
    } finally {
      setBusy(false);
    }
  };

  return { view, loadError, asked, byId, lines, setDemand, takeSuggested, submit, busy, result, reload };
}
