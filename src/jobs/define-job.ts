// A job is a definition: a name, a zod payload and a handler. The row in
// `jobs` carries the payload; the runner finds the definition by name.
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Db } from '../db/client.js';
import type { Permission } from '../domain/access/permissions.js';

export type JobContext = {
  db: Db;
  /** Aborted on time-out, on cancel and when the runner stops; check it between steps. */
  signal: AbortSignal;
  log: Logger;
  now: () => Date;
  /** 0–100 and a short text, readable by GET /api/jobs/:id while the job runs. */
  progress: (pct: number, text?: string) => Promise<void>;
  job: { id: number; attempt: number; maxAttempts: number; orgId: number | null; createdBy: number | null };
};

export type JobDefinition<P = unknown, R = unknown> = {
  name: string;
  payload: z.ZodType<P>;
  /** Must be idempotent or resumable: a job cut off by a dead process runs again from the start. */
  handler: (payload: P, ctx: JobContext) => Promise<R>;
  maxAttempts?: number;
  timeoutSeconds?: number;
  /** First retry delay; doubled on each further attempt. */
  backoffSeconds?: number;
  /** Called once when the job has failed for good (no attempts left), e.g. to mark its run failed. */
  onFailed?: (payload: P, error: string, ctx: Pick<JobContext, 'db' | 'log' | 'now'>) => Promise<void>;
  /** Besides the user who started it, same-org users with this permission may read the job. */
  visibleTo?: Permission;
};

// The identity function keeps P and R inferred from the payload schema and the handler.
export function defineJob<P, R>(def: JobDefinition<P, R>): JobDefinition<P, R> {
  return def;
}

/** Any definition, whatever its payload and result. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJobDefinition = JobDefinition<any, any>;
