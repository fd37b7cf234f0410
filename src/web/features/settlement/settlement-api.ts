// Typed calls of the settlement API used by the settlement screen.
import { api, toQuery } from '../../api/client.js';
import type { FailedDeductions, SettlementReport } from '../../../shared/settlement.js';

export const settlementApi = {
  report: (date?: string) => api<SettlementReport>(`/api/settlement/report${toQuery({ date })}`),
  failed: () => api<FailedDeductions>('/api/settlement/failed'),
  retry: (orderId: number) => api<{ orderId: number; settlementStatus: 'pending' }>(`/api/orders/${orderId}/settlement/retry`, { method: 'POST' }),
};
