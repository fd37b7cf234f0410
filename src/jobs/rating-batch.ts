// The monthly rating job: one SQL aggregation builds every retailer's inputs,
// the pure engine rates them, results are written in multi-row inserts, and
// the run row carries the progress the county manager watches.
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { loadRetailerMonthInputs } from '../db/rating-inputs.js';
import { createRun, failRun, finishRun, loadPreviousRatings, setRunProgress, writeRatings, type RunSummary } from '../db/rating-runs.js';
import { getActiveScheme } from '../db/rating-schemes.js';
import { RatingSchemeError } from '../domain/rating/monthly-batch.js';
import { validateScheme } from '../domain/rating/validate-scheme.js';
import { compute } from '../solver/compute.js';
import { runInBackground } from './background.js';

export const ratingBatchPayload = z.object({
  orgId: z.number().int(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  userId: z.number().int().nullable(),
});
export type RatingBatchPayload = z.infer<typeof ratingBatchPayload>;

/** Create the run (refused if the month is published or busy) and compute it in the background. */
export async function startRatingBatch(db: Db, payload: RatingBatchPayload): Promise<number> {
  const p = ratingBatchPayload.parse(payload);
  const scheme = await getActiveScheme(db, p.orgId, p.userId);
  const runId = await createRun(db, p.orgId, p.month, scheme.version, p.userId);
  runInBackground('rating-batch', () => computeRatingRun(db, runId, p), (e) => failRun(db, runId, e instanceof Error ? e.message : String(e)));
  return runId;
}

/** The whole batch for one run; also called directly by the benchmark. */
export async function computeRatingRun(db: Db, runId: number, { orgId, month }: RatingBatchPayload): Promise<RunSummary> {
  const t0 = performance.now();
  const steps: Record<string, number> = {};
  let last = t0;
  const lap = (name: string) => {
    const now = performance.now();
    steps[name] = Math.round(now - last) / 1000;
    last = now;
  };
  const scheme = await getActiveScheme(db, orgId, null);
  await setRunProgress(db, runId, 5, 'aggregating');
  const { inputs, frozen, orderLines } = await loadRetailerMonthInputs(db, orgId, month);
  lap('aggregate');
  await setRunProgress(db, runId, 45, 'scoring');
  const previous = await loadPreviousRatings(db, orgId, month, [...frozen.keys()]);
  lap('previous');
  // Checked here so a bad scheme fails with its own error, not as a failed computation.
  const schemeErrors = validateScheme(scheme);
  if (schemeErrors.length > 0) throw new RatingSchemeError(schemeErrors);
  // Scored in a worker (decision 0810): a whole county is seconds of pure JS.
  const result = await compute('ratingBatch', { month, scheme, retailers: inputs, previous: previous.ratings, frozen });
  lap('score');
  await setRunProgress(db, runId, 55, 'writing');
  await writeRatings(db, runId, orgId, result, inputs, scheme, (done) => setRunProgress(db, runId, 55 + 40 * done, 'writing'));
  lap('write');
  const { list, ...moverCounts } = result.movers;
  const summary: RunSummary = {
    previousRunId: previous.runId,
    distribution: result.distribution,
    movers: { ...moverCounts, changed: list.length },
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
