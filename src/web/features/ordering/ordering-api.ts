// Typed calls of the ordering API used by the screens.
import { api, toQuery, type Query, type Wire } from '../../api/client.js';
import type { orderCycleStatsQuerySchema, orderCycleStatsSchema } from '../../../shared/ordering-stats.js';
import type {
  allocationQueuedSchema,
  AmendOrderInput,
  orderReplySchema,
  planDetailSchema,
  PlanItem,
  planListSchema,
  publishedPlanSchema,
  orderWindowsSchema,
  retailerOrderingSchema,
  SubmitOrderInput,
} from '../../../shared/ordering.js';

type Plan = Wire<typeof planDetailSchema>;
type OrderReply = Wire<typeof orderReplySchema>;
import { randomUuid } from '../../api/random-id.js';

export const orderingApi = {
  plans: () => api<Wire<typeof planListSchema>>('/api/supply-plans'),
  plan: (id: number) => api<Plan>(`/api/supply-plans/${id}`),
  createPlan: (weekStart: string) => api<Plan>('/api/supply-plans', { method: 'POST', body: { weekStart } }),
  saveItems: (id: number, items: PlanItem[]) =>
    api<Plan>(`/api/supply-plans/${id}/items`, {
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
  allocate: (id: number) => api<Wire<typeof allocationQueuedSchema>>(`/api/supply-plans/${id}/allocate`, { method: 'POST' }),
  publish: (id: number) => api<Wire<typeof publishedPlanSchema>>(`/api/supply-plans/${id}/publish`, { method: 'POST' }),
  windows: (id: number) => api<Wire<typeof orderWindowsSchema>>(`/api/supply-plans/${id}/windows`),
  setWindow: (id: number, weekday: number, body: { opensAt: string; closesAt: string; reason: string }) =>
    api<Wire<typeof orderWindowsSchema>>(`/api/supply-plans/${id}/windows/${weekday}`, { method: 'PUT', body }),
  retailer: (id: number) => api<Wire<typeof retailerOrderingSchema>>(`/api/ordering/retailers/${id}`),
  submit: (body: SubmitOrderInput) =>
    api<OrderReply>('/api/orders', { method: 'POST', body }),
  amend: (orderId: number, body: AmendOrderInput) =>
    api<OrderReply>(`/api/orders/${orderId}`, { method: 'PUT', body }),
  stats: (q: Query<typeof orderCycleStatsQuerySchema>) => api<Wire<typeof orderCycleStatsSchema>>(`/api/ordering/stats${toQuery(q)}`),
};

/** One key per submission attempt; the same key is reused when the same attempt is retried. */
export function newIdempotencyKey(): string {
  return randomUuid();
}
