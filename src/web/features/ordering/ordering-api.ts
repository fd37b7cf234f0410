// Typed calls of the ordering API used by the screens.
import { api } from '../../api/client.js';
import type { AmendOrderInput, OrderResult, PlanDetail, PlanItem, PlanSummary, RetailerOrdering, SubmitOrderInput } from '../../../shared/ordering.js';
import { randomUuid } from '../../api/random-id.js';

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
  submit: (body: SubmitOrderInput) =>
    api<OrderResult & { replayed: boolean }>('/api/orders', { method: 'POST', body }),
  amend: (orderId: number, body: AmendOrderInput) =>
    api<OrderResult & { replayed: boolean }>(`/api/orders/${orderId}`, { method: 'PUT', body }),
};

/** One key per submission attempt; the same key is reused when the same attempt is retried. */
export function newIdempotencyKey(): string {
  return randomUuid();
}
