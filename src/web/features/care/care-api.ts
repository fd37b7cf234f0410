// Typed calls of the care API (issue 16 items 6–9).
import { api, toQuery, type Body, type Query, type Wire } from '../../api/client.js';
import type {
  activityCreateSchema,
  activityListSchema,
  approverListSchema,
  careOkSchema,
  careTaskListSchema,
  careTaskQuerySchema,
  contactSchema,
  createdSchema,
  disasterAreaSchema,
  disasterCreateSchema,
  disasterDetailSchema,
  disasterListSchema,
  disasterPreviewResultSchema,
  freezeResultSchema,
  helpCreateSchema,
  recoverySchema,
  retailerCareSchema,
  specialGroupCreateSchema,
  specialGroupListSchema,
  specialGroupRenewSchema,
} from '../../../shared/care.js';

type Ok = Wire<typeof careOkSchema>;
const send = <T>(method: string, url: string, body?: unknown) => api<T>(url, { method, ...(body !== undefined ? { body } : {}) });

export type DisasterDetail = Wire<typeof disasterDetailSchema>;
export type AffectedShop = DisasterDetail['shops'][number];
export type Recovery = Wire<typeof recoverySchema>;

export const careApi = {
  tasks: (q: Query<typeof careTaskQuerySchema>) => api<Wire<typeof careTaskListSchema>>(`/api/care/tasks${toQuery(q)}`),
  taskDone: (id: number) => send<Ok>('POST', `/api/care/tasks/${id}/done`, {}),
  register: () => api<Wire<typeof specialGroupListSchema>>('/api/care/special-groups'),
  addRecord: (body: Body<typeof specialGroupCreateSchema>) => send<Wire<typeof createdSchema>>('POST', '/api/care/special-groups', body),
  renew: (id: number, body: Body<typeof specialGroupRenewSchema>) => send<Ok>('PUT', `/api/care/special-groups/${id}`, body),
  fileUrl: (id: number) => `/api/care/files/${id}`,
  disasters: () => api<Wire<typeof disasterListSchema>>('/api/care/disasters'),
  disaster: (id: number) => api<DisasterDetail>(`/api/care/disasters/${id}`),
  preview: (area: Body<typeof disasterAreaSchema>) => send<Wire<typeof disasterPreviewResultSchema>>('POST', '/api/care/disasters/preview', { area }),
  createDisaster: (body: Body<typeof disasterCreateSchema>) => send<Wire<typeof createdSchema>>('POST', '/api/care/disasters', body),
  contact: (id: number, retailerId: number, body: Body<typeof contactSchema>) => send<Ok>('PUT', `/api/care/disasters/${id}/shops/${retailerId}/contact`, body),
  addHelp: (id: number, body: Body<typeof helpCreateSchema>) => send<Wire<typeof createdSchema>>('POST', `/api/care/disasters/${id}/help`, body),
  freeze: (id: number, months: string[]) => send<Wire<typeof freezeResultSchema>>('POST', `/api/care/disasters/${id}/freeze`, { months }),
  recovery: (id: number) => api<Recovery>(`/api/care/disasters/${id}/recovery`),
  approvers: () => api<Wire<typeof approverListSchema>>('/api/care/approvers'),
  activities: () => api<Wire<typeof activityListSchema>>('/api/care/activities'),
  addActivity: (body: Body<typeof activityCreateSchema>) => send<Wire<typeof createdSchema>>('POST', '/api/care/activities', body),
  retailerCare: (id: number) => api<Wire<typeof retailerCareSchema>>(`/api/retailers/${id}/care`),
};

/** A picked file as a data URL (the server checks its bytes). */
export function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}
