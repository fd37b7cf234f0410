// The API calls the UI makes, typed with the shared schemas' types.
import type { Me } from '../../shared/auth.js';
import type { Grid, Org, Station } from '../../shared/org.js';
import type { RetailerCard, RetailerChange, RetailerListResponse, RetailerUpdate } from '../../shared/retailer.js';
import { api } from './client.js';

export type AuditItem = {
  id: number;
  at: string;
  userName: string | null;
  action: string;
  entity: string;
  entityIds: number[];
  detail: Record<string, unknown>;
  ip: string | null;
};

export type ImportResult = { created: number; updated: number; total: number };
export type ImportRowError = { row: number; column: string; value: unknown; code: string; message: string; messageEn: string };

export const getConfig = () => api<{ demo: boolean }>('/api/config');
export const getMe = () => api<Me>('/api/me', { handle401: true });
export const login = (username: string, password: string) =>
  api<Me>('/api/auth/login', { method: 'POST', body: { username, password }, handle401: true });
export const logout = () => api<{ ok: boolean }>('/api/auth/logout', { method: 'POST', body: {} });

export const getOrg = () => api<Org>('/api/org');
export const getStations = () => api<Station[]>('/api/stations');
export const getGrids = () => api<Grid[]>('/api/grids');

export const findRetailers = (query: string, signal?: AbortSignal) => api<RetailerListResponse>(`/api/retailers${query}`, { signal });
export const getRetailer = (id: number) => api<RetailerCard>(`/api/retailers/${id}`);
export const getRetailerHistory = (id: number) => api<RetailerChange[]>(`/api/retailers/${id}/history`);
export const updateRetailer = (id: number, patch: RetailerUpdate) =>
  api<RetailerCard>(`/api/retailers/${id}`, { method: 'PATCH', body: patch });

export const importRetailers = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api<ImportResult>('/api/retailers/import', { method: 'POST', form });
};
export const IMPORT_TEMPLATE_URL = '/api/retailers/import-template';
export const exportUrl = (format: 'xlsx' | 'csv', filterQuery: string) =>
  `/api/retailers/export?format=${format}${filterQuery ? '&' + filterQuery.replace(/^\?/, '') : ''}`;

export const findAudit = (query: string) => api<{ items: AuditItem[] }>(`/api/audit${query}`);
