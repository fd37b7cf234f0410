// Every job definition and schedule the runner knows. A new kind of work adds
// its definition here, so both the server's runner and `npm run worker` run it.
import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import type { AnyJobDefinition } from './define-job.js';
import { deliveryProposalJob, gridProposalJob } from './map-proposals.js';
import { ratingBatchJob, ratingDraftSchedules, ratingDraftsJob } from './rating-batch.js';
import { allocateSupplyPlanJob } from './supply-plan-allocation.js';
import { visitCalendarSchedules, visitCalendarsJob, visitCalendarsNightlyJob } from './visit-calendars.js';
import { deskSweepJob, deskSweepSchedules } from './desk-sweep.js';
import { onboardingDeadlineSchedules, onboardingDeadlinesJob } from './onboarding-deadlines.js';
import { dispatchNoticesJob, generateNoticesJob, noticeSchedules } from './notices/notice-jobs.js';
import { measuresNightlyJob, measuresNightlySchedules } from './measures-nightly.js';
import { orgRollupJob, orgRollupSchedules, orgRollupsJob } from './org-rollups.js';
import { launchStatsJob, launchStatsSchedules } from './launch-stats.js';
import { careNightlyJob, careSchedules } from './care-nightly.js';
import { forecastSchedules, forecastsJob } from './forecasts.js';
import { JobRunner, type JobSchedule, type RunnerOptions } from './runner.js';

export const jobDefinitions: AnyJobDefinition[] = [
  ratingBatchJob,
  ratingDraftsJob,
  allocateSupplyPlanJob,
  visitCalendarsJob,
  visitCalendarsNightlyJob,
  gridProposalJob,
  deliveryProposalJob,
  onboardingDeadlinesJob,
  deskSweepJob,
  dispatchNoticesJob,
  generateNoticesJob,
  measuresNightlyJob,
  orgRollupJob,
  orgRollupsJob,
  launchStatsJob,
  careNightlyJob,
  forecastsJob,
];

export const jobSchedules: JobSchedule[] = [
  ...visitCalendarSchedules,
  ...ratingDraftSchedules,
  ...deskSweepSchedules,
  ...onboardingDeadlineSchedules,
  ...noticeSchedules,
  ...measuresNightlySchedules,
  ...orgRollupSchedules,
  ...launchStatsSchedules,
  ...careSchedules,
  ...forecastSchedules,
];

export function definitionOf(name: string): AnyJobDefinition | undefined {
  return jobDefinitions.find((d) => d.name === name);
}

/** The runner for this process, with every definition and schedule. */
export function createJobRunner(database: Pick<Database, 'db' | 'kind'>, opts: Partial<RunnerOptions> & { log?: Logger } = {}): JobRunner {
  return new JobRunner({
    db: database.db,
    definitions: jobDefinitions,
    schedules: jobSchedules,
    exclusive: database.kind === 'pglite',
    ...opts,
  });
}
