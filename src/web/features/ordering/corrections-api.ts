// Typed calls for wrong orders and returns, emergency supply, and the
// supply-plan sheet.
import type { z } from 'zod';
import { api, toQuery, type Query, type Wire } from '../../api/client.js';
import type {
  correctionCreatedSchema,
  correctionDecidedSchema,
  correctionListQuerySchema,
  correctionSchema,
  emergencyCreatedSchema,
  emergencyDecidedSchema,
  emergencyListQuerySchema,
  emergencyRequestSchema,
  orderListQuerySchema,
  orderListSchema,
  planImportResultSchema,
  CorrectionDecision,
  CorrectionRequest,
  EmergencyDecision,
  EmergencyRequestInput,
} from '../../../shared/order-corrections.js';

export const correctionsApi = {
  orders: (q: Query<typeof orderListQuerySchema>) => api<Wire<typeof orderListSchema>>(`/api/orders${toQuery(q)}`),
  corrections: (status?: Query<typeof correctionListQuerySchema>['status']) => api<{ items: Wire<typeof correctionSchema>[] }>(`/api/order-corrections${toQuery({ status })}`),
  requestCorrection: (lineId: number, body: CorrectionRequest) => api<Wire<typeof correctionCreatedSchema>>(`/api/order-lines/${lineId}/corrections`, { method: 'POST', body }),
  decideCorrection: (id: number, body: Partial<CorrectionDecision> & { approve: boolean }) =>
    api<Wire<typeof correctionDecidedSchema>>(`/api/order-corrections/${id}/decision`, { method: 'POST', body }),
  emergencies: (status?: Query<typeof emergencyListQuerySchema>['status']) => api<{ items: z.input<typeof emergencyRequestSchema>[] }>(`/api/emergency-requests${toQuery({ status })}`),
  requestEmergency: (body: EmergencyRequestInput) => api<Wire<typeof emergencyCreatedSchema>>('/api/emergency-requests', { method: 'POST', body }),
  decideEmergency: (id: number, body: Partial<EmergencyDecision> & { approve: boolean }) =>
    api<Wire<typeof emergencyDecidedSchema>>(`/api/emergency-requests/${id}/decision`, { method: 'POST', body }),
  planTemplateUrl: (planId: number) => `/api/supply-plans/${planId}/import-template`,
  importPlan: (planId: number, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api<Wire<typeof planImportResultSchema>>(`/api/supply-plans/${planId}/import`, { method: 'POST', form });
  },
};
