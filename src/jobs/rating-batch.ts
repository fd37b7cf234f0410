// The monthly rating job: one SQL aggregation builds every retailer's inputs,
// the pure engine rates them, results are written in multi-row inserts, and
// the run row carries the progress the county manager watches. Durable: a run
// cut off by a dead process is computed again from the start (its partial
// results removed first), and one whose job fails for good is marked failed.
import { writeAudit } from '../app/audit/audit.js';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { loadRetailerMonthInputs } from '../app/rating/rating-inputs.js';
import { createRun, failRun, finishRun, loadPreviousRatings, setRunProgress, writeRatings, type RunSummary, resetRunForCompute, findRunSchemeVersion } from '../app/rating/rating-runs.js';
import { getActiveScheme, getSchemeVersion } from '../app/rating/rating-schemes.js';
import { RatingSchemeError } from '../domain/rating/monthly-batch.js';
import { defineJob } from './define-job.js';
import { enqueueJob, notifyJobRunners } from './job-queue.js';
import { validateScheme } from '../domain/rating/validate-scheme.js';
import { tierWindowMonths } from '../domain/rating/tier-cap.js';
import { compute } from '../solver/compute.js';
import { previousMonth } from '../app/rating/rating-inputs.js';
import { findCountyOrgIds } from '../app/org-tree/queue-rollups.js';
import { beijingDate } from '../app/ordering/order-reminders.js';
import type { JobSchedule } from './runner.js';

export const ratingBatchPayload = z.object({
  orgId: z.number().int(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  userId: z.number().int().nullable(),
});
export type RatingBatchPayload = z.infer<typeof ratingBatchPayload>;

export const ratingBatchJob = defineJob({
  name: 'rating-batch',
  payload: ratingBatchPayload.extend({ runId: z.number().int() }),
  maxAttempts: 3,
  timeoutSeconds: 1800,
  backoffSeconds: 10,
  visibleTo: 'rating.review',
  handler: async ({ runId, ...p }, ctx) => {
    const status = await resetRunForCompute(ctx.db, runId);
    // Finished by an earlier attempt that died before its job row said so, or failed meanwhile: nothing to do.
    if (status !== 'computing') return { runId, status };
    const summary = await computeRatingRun(ctx.db, runId, p, { signal: ctx.signal, progress: ctx.progress });
    return { runId, status: 'draft', distribution: summary.distribution };
  },
  onFailed: ({ runId }, error, ctx) => failRun(ctx.db, runId, error),
});

/** Create the run (refused if the month is published or busy) and queue its computation, both or neither. */
export async function startRatingBatch(db: Db, payload: RatingBatchPayload): Promise<{ runId: number; jobId: number }> {
  const p = ratingBatchPayload.parse(payload);
  const scheme = await getActiveScheme(db, p.orgId, p.userId);
  const started = await db.transaction(async (tx) => {
    const runId = await createRun(tx as unknown as Db, p.orgId, p.month, scheme.version, p.userId);
    const { job } = await enqueueJob(tx as unknown as Db, ratingBatchJob, { ...p, runId }, { orgId: p.orgId, createdBy: p.userId, singletonKey: `run:${runId}` });
    if (p.userId) await writeAudit(tx, { orgId: p.orgId, userId: p.userId }, { action: 'create', entity: 'rating_run', entityIds: [runId], detail: { month: p.month, scheme: scheme.version, jobId: job.id } });
    return { runId, jobId: job.id };
  });
  notifyJobRunners();
  return started;
}

type ComputeHooks = { signal?: AbortSignal; progress?: (pct: number, step: string) => Promise<void> };

/** The whole batch for one run; also called directly by the benchmark. */
export async function computeRatingRun(db: Db, runId: number, { orgId, month }: RatingBatchPayload, hooks: ComputeHooks = {}): Promise<RunSummary> {
  const t0 = performance.now();
  const steps: Record<string, number> = {};
  let last = t0;
  const lap = (name: string) => {
    const now = performance.now();
    steps[name] = Math.round(now - last) / 1000;
    last = now;
  };
  const step = async (pct: number, name: string) => {
    hooks.signal?.throwIfAborted();
    await setRunProgress(db, runId, pct, name);
    await hooks.progress?.(pct, name);
  };
  // The scheme the run was started under (recorded on it), not whatever is active when the job gets to it.
  const recorded = await findRunSchemeVersion(db, orgId, runId);
  const scheme = recorded ? await getSchemeVersion(db, orgId, recorded) : await getActiveScheme(db, orgId, null);
  await step(5, 'aggregating');
  const { inputs, frozen, tierCauses, orderLines } = await loadRetailerMonthInputs(db, orgId, month, tierWindowMonths(scheme));
  lap('aggregate');
  await step(45, 'scoring');
  const previous = await loadPreviousRatings(db, orgId, month, [...frozen.keys()]);
  lap('previous');
  // Checked here so a bad scheme fails with its own error, not as a failed computation.
  const schemeErrors = validateScheme(scheme);
  if (schemeErrors.length > 0) throw new RatingSchemeError(schemeErrors);
  // Scored in a worker (decision 0810): a whole county is seconds of pure JS.
  const result = await compute('ratingBatch', { month, scheme, retailers: inputs, previous: previous.ratings, frozen, tierCauses });
  lap('score');
  await step(55, 'writing');
  await writeRatings(db, runId, orgId, result, inputs, scheme, (done) => step(55 + 40 * done, 'writing'));
  lap('write');
  const { list, ...moverCounts } = result.movers;
  const summary: RunSummary = {
    previousRunId: previous.runId,
    distribution: result.distribution,
    movers: { ...moverCounts, changed: list.length },
    churn: result.churn,
    tierWindowMonths: tierWindowMonths(scheme),
    maxMonthlyMove: scheme.tiers.maxMonthlyMove ?? null,
    starCutoffs: result.starCutoffs,
    tierContext: { top: result.tierContext.top, cutoffs: result.tierContext.cutoffs.map((c) => (Number.isFinite(c) ? c : null)) },
    frozen: result.ratings.filter((r) => r.frozenReason).length,
    seconds: steps,
  };
  await finishRun(db, runId, orgId, month, summary, {
    retailers: inputs.length,
    orderLines,
    seconds: (performance.now() - t0) / 1000,
  });
  return summary;
}

/**
 * On the 1st, a draft rating of the month just ended for every county (decision 1925): one `rating-batch` job per
 * county under its org, so a province's counties are computed in parallel and claimed fairly (1914); each county's
 * managers still review and publish their own. A county whose month is published or already computing is skipped,
 * and one that cannot start (e.g. its scheme is invalid) is listed without holding up the others.
 */
export const ratingDraftsJob = defineJob({
  name: 'rating-drafts',
  payload: z.object({ month: ratingBatchPayload.shape.month.optional() }),
  maxAttempts: 2,
  timeoutSeconds: 600,
  visibleTo: 'rating.review',
  handler: async ({ month }, ctx) => {
    const m = month ?? previousMonth(beijingDate(ctx.now()).slice(0, 7));
    const started: { orgId: number; runId: number; jobId: number }[] = [];
    const skipped: { orgId: number; reason: string }[] = [];
    for (const orgId of await findCountyOrgIds(ctx.db)) {
      ctx.signal.throwIfAborted();
      try {
        started.push({ orgId, ...(await startRatingBatch(ctx.db, { orgId, month: m, userId: null })) });
      } catch (e) {
        skipped.push({ orgId, reason: e instanceof Error ? e.message : String(e) });
      }
    }
    return { month: m, started, skipped };
  },
});

export const ratingDraftSchedules: JobSchedule[] = [{ cron: '0 2 1 * *', job: ratingDraftsJob, payload: () => ({}) }];
