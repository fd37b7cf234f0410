// A background job as any screen follows it.
import type { JobView } from '../../shared/jobs.js';
import { api } from './client.js';

export const jobsApi = {
  get: (id: number) => api<JobView>(`/api/jobs/${id}`),
};
