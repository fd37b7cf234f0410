// Typed calls of the ordering API used by the screens.
import { api } from '../../api/client.js';
import type { OrderResult } from '../../../shared/ordering.js';

export type PlanItem = {
  productId: number;
  code: string;
  name: string;
  priceClass: number;
  supplyQty: number;
  scarce: boolean;
  urbanWeight: number;
  ruralWeight: number;
  minTier: number;
  tierExponent: number;
  maxQuota: number;
  allocatedQty: number | null;
  gapPct: number | null;
  orderedQty: number;
};
export type Quota = { productId: number; tier: number; network: 'urban' | 'rural'; quota: number; retailers: number; allocated: number };
export type PlanDetail = { plan: { id: number; weekStart: string; status: string; allocatedAt: string | null }; items: PlanItem[]; quotas: Quota[] };
export type PlanSummary = { id: number; weekStart: string; status: string };

export type OrderingProduct = {
  productId: number;
  code: string;
  name: string;
  priceClass: number;
  price: number;
  scarce: boolean;
  limitQty: number | null;
  quotaQty: number | null;
  reason: { zh: string; en: string } | null;
};
export type RetailerOrdering = {
  retailer: { id: number; customerCode: string; shopName: string; tier: number; network: string; orderWeekday: number; settlementMethod: string };
  window: { planId: number; orderDate: string; opensAt: string; closesAt: string; open: boolean } | null;
  products: OrderingProduct[];
  currentOrder: { orderId: number; version: number; lines: { productId: number; demandQty: number; availableQty: number; orderedQty: number }[] } | null;
  lastOrders: { id: number; orderDate: string; channel: string; totalQty: number; totalAmount: number; settlementStatus: string; lines: { productId: number; orderedQty: number }[] }[];
  suggested: { productId: number; qty: number }[];
};

export const orderingApi = {
  plans: () => api<{ items: PlanSummary[] }>('/api/supply-plans'),
  plan: (id: number) => api<PlanDetail>(`/api/supply-plans/${id}`),
  createPlan: (weekStart: string) => api<PlanDetail>('/api/supply-plans', { method: 'POST', body: { weekStart } }),
  saveItems: (id: number, items: PlanItem[]) =>
    api<PlanDetail>(`/api/supply-plans/${id}/items`, {
      method: 'PUT',
      body: {
        items: items.map((i) => ({
          productId: i.productId,
          supplyQty: i.supplyQty,
          scarce: i.scarce,
          urbanWeight: i.urbanWeight,
          ruralWeight: i.ruralWeight,
          minTier: i.minTier,
          tierExponent: i.tierExponent,
          maxQuota: i.maxQuota,
        })),
      },
    }),
  allocate: (id: number) => api<PlanDetail>(`/api/supply-plans/${id}/allocate`, { method: 'POST' }),
  publish: (id: number) => api<PlanDetail>(`/api/supply-plans/${id}/publish`, { method: 'POST' }),
  retailer: (id: number) => api<RetailerOrdering>(`/api/ordering/retailers/${id}`),
  submit: (body: { retailerId: number; channel: string; idempotencyKey: string; lines: { productId: number; demandQty?: number; orderedQty: number }[] }) =>
    api<OrderResult & { replayed: boolean }>('/api/orders', { method: 'POST', body }),
  amend: (orderId: number, body: { idempotencyKey: string; lines: { productId: number; demandQty?: number; orderedQty: number }[] }) =>
    api<OrderResult & { replayed: boolean }>(`/api/orders/${orderId}`, { method: 'PUT', body }),
};

/** One key per submission attempt; the same key is reused when the same attempt is retried. */
export function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `k-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
