// The visit calls of the field screen and the progress page, typed by the shared schemas.
import type { z } from 'zod';
import type {
  dayRouteSchema,
  followUpSchema,
  planningQueuedSchema,
  progressSchema,
  retailerVisitsSchema,
  visitConfigSchema,
  visitConfigUpdateSchema,
  visitResultSchema,
  VisitSubmit,
  CheckIn,
} from '../../../shared/visits.js';
import { ApiError, api, toQuery, type Body, type Wire } from '../../api/client.js';

export const findRetailerVisits = (retailerId: number) => api<Wire<typeof retailerVisitsSchema>>(`/api/retailers/${retailerId}/visits`);
export const getVisitProgress = () => api<Wire<typeof progressSchema>>('/api/visits/progress');
export const findOpenFollowUps = () => api<Wire<z.ZodArray<typeof followUpSchema>>>(`/api/follow-ups${toQuery({ status: 'open' })}`);
export const closeFollowUp = (id: number) => api<{ ok: boolean }>(`/api/follow-ups/${id}`, { method: 'PATCH', body: { status: 'done' } });
/** The viewer's own route today, or a worker's on a day (progress page). */
export const getDayRoute = (q: { workerId?: number; date?: string } = {}) => api<Wire<typeof dayRouteSchema>>(`/api/visit-plans/day${toQuery(q)}`);
/** Queues the calendars; the job's result (generatePlansResultSchema) arrives through GET /api/jobs/:id. */
export const planVisitCalendars = () => api<Wire<typeof planningQueuedSchema>>('/api/visit-plans', { method: 'POST', body: {} });
export const getVisitConfig = () => api<Wire<typeof visitConfigSchema>>('/api/visits/config');
export const saveVisitConfig = (body: Body<typeof visitConfigUpdateSchema>) => api<Wire<typeof visitConfigSchema>>('/api/visits/config', { method: 'PUT', body });
export const sendCheckIn = (body: CheckIn) => api<Wire<typeof visitResultSchema>>('/api/visits/check-in', { method: 'POST', body });

/** One queued visit sent from the outbox: the status and error body decide retry or drop, so a 401 does not leave the page. */
export async function putVisit(id: string, body: VisitSubmit): Promise<{ status: number; body: { code?: string; message?: string } | null }> {
  try {
    await api<Wire<typeof visitResultSchema>>(`/api/visits/${id}`, { method: 'PUT', body, handle401: true });
    return { status: 200, body: null };
  } catch (e) {
    if (e instanceof ApiError) return { status: e.status, body: e.body };
    throw e;
  }
}
