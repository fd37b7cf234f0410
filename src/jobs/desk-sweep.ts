// The service desk's timer sweep, every five minutes (Asia/Shanghai cron):
// new warnings, breaches and escalations. The case lists also compare due
// times with the clock when read, so a screen is never five minutes behind.
import { z } from 'zod';
import { sweepDeadlines } from '../app/desk/sweep-deadlines.js';
import { defineJob } from './define-job.js';
import type { JobSchedule } from './runner.js';

export const deskSweepJob = defineJob({
  name: 'desk-sweep',
  payload: z.object({}),
  maxAttempts: 2,
  timeoutSeconds: 120,
  visibleTo: 'desk.policy',
  handler: async (_payload, ctx) => sweepDeadlines(ctx.db, ctx.now()),
});

export const deskSweepSchedules: JobSchedule[] = [{ cron: '*/5 * * * *', job: deskSweepJob, payload: () => ({}) }];
