// Typed calls of the settlement API used by the settlement screen.
import { api, toQuery, type Wire } from '../../api/client.js';
import type { failedDeductionsSchema, settlementReportSchema, settlementRetrySchema } from '../../../shared/settlement.js';

export const settlementApi = {
  report: (date?: string) => api<Wire<typeof settlementReportSchema>>(`/api/settlement/report${toQuery({ date })}`),
  failed: () => api<Wire<typeof failedDeductionsSchema>>('/api/settlement/failed'),
  retry: (orderId: number) => api<Wire<typeof settlementRetrySchema>>(`/api/orders/${orderId}/settlement/retry`, { method: 'POST' }),
};
