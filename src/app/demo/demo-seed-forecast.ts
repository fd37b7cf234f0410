// Demo forecasts: the forecast job queued for the demo county, so the job
// runner beside `npm start` computes them in the background (a full county's
// two years of history take a minute or more: the demo opens without waiting).
import type { Db } from '../../db/client.js';
import { enqueueJob } from '../../jobs/job-queue.js';
import { forecastsJob } from '../../jobs/forecasts.js';

export async function seedDemoForecasts(db: Db, orgId: number, _today: Date): Promise<void> {
  await enqueueJob(db, forecastsJob, { orgId }, { orgId, singletonKey: `forecasts:${orgId}` });
}
