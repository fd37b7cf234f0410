// What any screen reads about a background job while it runs and after.
import { z } from 'zod';

export const JOB_STATES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;

export const jobIdParams = z.object({ id: z.coerce.number().int().positive().max(2147483647) });

export const jobViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  state: z.enum(JOB_STATES),
  /** 0–100 */
  progress: z.number(),
  progressText: z.string(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  result: z.unknown(),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type JobView = z.infer<typeof jobViewSchema>;

/** The answer to a request whose work was queued (202): follow it at GET /api/jobs/:id. */
export const jobQueuedSchema = z.object({ job: jobViewSchema });
