// Every 15 minutes (Shanghai cron): onboarding steps that reached their 75 %
// warning or their deadline since the last sweep are marked.
import { z } from 'zod';
import { sweepOnboardingDeadlines } from '../app/onboarding/sweep-onboarding-deadlines.js';
import { defineJob } from './define-job.js';
import type { JobSchedule } from './runner.js';

export const onboardingDeadlinesJob = defineJob({
  name: 'onboarding-deadlines',
  payload: z.object({}),
  maxAttempts: 3,
  timeoutSeconds: 120,
  visibleTo: 'onboarding.read',
  handler: async (_payload, ctx) => sweepOnboardingDeadlines(ctx.db, ctx.now()),
});

export const onboardingDeadlineSchedules: JobSchedule[] = [{ cron: '*/15 * * * *', job: onboardingDeadlinesJob, payload: () => ({}) }];
