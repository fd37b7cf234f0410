// Typed calls of the onboarding API used by the onboarding screen.
import { api, type Wire } from '../../api/client.js';
import type {
  CompleteStepInput,
  RecordLicenceInput,
  onboardingCreatedSchema,
  onboardingsSchema,
  onboardingStatsSchema,
  stepCompletedSchema,
} from '../../../shared/onboarding.js';

export const onboardingApi = {
  list: (status: 'open' | 'finished' | 'all') => api<Wire<typeof onboardingsSchema>>(`/api/onboardings?status=${status}`),
  stats: () => api<Wire<typeof onboardingStatsSchema>>('/api/onboardings/stats'),
  record: (body: RecordLicenceInput) => api<Wire<typeof onboardingCreatedSchema>>('/api/onboardings', { method: 'POST', body }),
  complete: (id: number, body: CompleteStepInput) => api<Wire<typeof stepCompletedSchema>>(`/api/onboardings/${id}/steps`, { method: 'POST', body }),
};
