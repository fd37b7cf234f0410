// The API calls the UI makes, typed with the shared schemas' types.
import type { auditListSchema } from '../../shared/audit.js';
import type { AppConfig, Me } from '../../shared/auth.js';
import type { Grid, Org, Station } from '../../shared/org.js';
import type { RetailerCard, RetailerChange, RetailerListResponse, RetailerUpdate } from '../../shared/retailer.js';
import type { importResultSchema } from '../../shared/retailer-files.js';
import { api, toQuery, type Wire } from './client.js';

export type { AuditItem } from '../../shared/audit.js';
export type { ImportResult, ImportRowError } from '../../shared/retailer-files.js';

export const getConfig = () => api<AppConfig>('/api/config');
export const getMe = () => api<Me>('/api/me', { handle401: true });
export const login = (username: string, password: string) =>
  api<Me>('/api/auth/login', { method: 'POST', body: { username, password }, handle401: true });
export const logout = () => api<{ ok: boolean }>('/api/auth/logout', { method: 'POST', body: {} });

export const getOrg = () => api<Org>('/api/org');
export const getStations = () => api<Station[]>('/api/stations');
export const getGrids = () => api<Grid[]>('/api/grids');

export const findRetailers = (query: string, signal?: AbortSignal) => api<RetailerListResponse>(`/api/retailers${query}`, { signal });
/** Active shops matching what was typed, for the pickers of the order and emergency screens. */
export const searchActiveRetailers = (q: string, pageSize: number) => findRetailers(toQuery({ q: q.trim(), status: 'active', pageSize }));
export const getRetailer = (id: number) => api<RetailerCard>(`/api/retailers/${id}`);
export const getRetailerHistory = (id: number) => api<RetailerChange[]>(`/api/retailers/${id}/history`);
export const updateRetailer = (id: number, patch: RetailerUpdate) =>
  api<RetailerCard>(`/api/retailers/${id}`, { method: 'PATCH', body: patch });

export const importRetailers = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api<Wire<typeof importResultSchema>>('/api/retailers/import', { method: 'POST', form });
};
export const IMPORT_TEMPLATE_URL = '/api/retailers/import-template';
export const exportUrl = (format: 'xlsx' | 'csv', filterQuery: string) =>
  `/api/retailers/export?format=${format}${filterQuery ? '&' + filterQuery.replace(/^\?/, '') : ''}`;

export const findAudit = (query: string) => api<Wire<typeof auditListSchema>>(`/api/audit${query}`);
