// Typed calls of the cultivation (品牌培育) API used by its screens.
import { api, type Wire } from '../../api/client.js';
import type {
  CreateLaunchInput,
  launchCreatedSchema,
  launchDashboardSchema,
  launchListSchema,
  launchOptionsSchema,
  launchRecomputeSchema,
} from '../../../shared/cultivation.js';

export const cultivationApi = {
  list: () => api<Wire<typeof launchListSchema>>('/api/launches'),
  options: () => api<Wire<typeof launchOptionsSchema>>('/api/launches/options'),
  create: (body: CreateLaunchInput) => api<Wire<typeof launchCreatedSchema>>('/api/launches', { method: 'POST', body }),
  dashboard: (id: number) => api<Wire<typeof launchDashboardSchema>>(`/api/launches/${id}`),
  recompute: (id: number) => api<Wire<typeof launchRecomputeSchema>>(`/api/launches/${id}/recompute`, { method: 'POST' }),
};
