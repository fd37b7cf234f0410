// Typed calls for wrong orders and returns, emergency supply, and the
// supply-plan sheet.
import { api, toQuery } from '../../api/client.js';
import type {
  Correction,
  CorrectionDecision,
  CorrectionRequest,
  EmergencyDecision,
  EmergencyRequest,
  EmergencyRequestInput,
  OrderList,
  PlanImportResult,
} from '../../../shared/order-corrections.js';

export const correctionsApi = {
  orders: (q: { q?: string; planId?: number; page?: number; pageSize?: number }) => api<OrderList>(`/api/orders${toQuery(q)}`),
  corrections: (status?: string) => api<{ items: Correction[] }>(`/api/order-corrections${toQuery({ status })}`),
  requestCorrection: (lineId: number, body: CorrectionRequest) => api<{ id: number; status: string }>(`/api/order-lines/${lineId}/corrections`, { method: 'POST', body }),
  decideCorrection: (id: number, body: Partial<CorrectionDecision> & { approve: boolean }) =>
    api<{ id: number; status: string }>(`/api/order-corrections/${id}/decision`, { method: 'POST', body }),
  emergencies: (status?: string) => api<{ items: EmergencyRequest[] }>(`/api/emergency-requests${toQuery({ status })}`),
  requestEmergency: (body: EmergencyRequestInput) => api<{ id: number; status: string }>('/api/emergency-requests', { method: 'POST', body }),
  decideEmergency: (id: number, body: Partial<EmergencyDecision> & { approve: boolean }) =>
    api<{ id: number; status: string; approvedQty: number | null }>(`/api/emergency-requests/${id}/decision`, { method: 'POST', body }),
  planTemplateUrl: (planId: number) => `/api/supply-plans/${planId}/import-template`,
  importPlan: (planId: number, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api<PlanImportResult>(`/api/supply-plans/${planId}/import`, { method: 'POST', form });
  },
};
