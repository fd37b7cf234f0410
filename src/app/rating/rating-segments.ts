// What other features read from the ratings: each retailer's relationship
// segment in the latest published month and its service package (visits a
// month, callback hours, scarce-supply priority…), held as data in the scheme
// that rated it. The visit plan and scarce-supply allocation read this.
import { sql } from 'drizzle-orm';
import type { RatingScheme, ServicePackage } from '../../domain/rating/scheme.js';
import type { Segment } from '../../domain/rating/types.js';
import { query, type Db } from '../../db/client.js';
import { getSchemeVersion } from './rating-schemes.js';

export type RetailerServicePackage = { retailerId: number; month: string; segment: Segment; tier: number; star: number; package: ServicePackage };

/** The latest published rating run of the org and the scheme that rated it; null before any month is published. */
async function latestPublishedRun(db: Db, orgId: number): Promise<{ id: number; month: string; scheme: RatingScheme } | null> {
  const [run] = await query<{ id: number; month: string; schemeVersion: string }>(
    db,
    sql`select id, month, scheme_version as "schemeVersion" from rating_runs where org_id = ${orgId} and status = 'published' order by month desc limit 1`,
  );
  return run ? { id: run.id, month: run.month, scheme: await getSchemeVersion(db, orgId, run.schemeVersion) } : null;
}

/** Latest published segment, tier and star per retailer of the org, with the service package of that segment. */
export async function findServicePackages(db: Db, orgId: number): Promise<RetailerServicePackage[]> {
  const run = await latestPublishedRun(db, orgId);
  if (!run) return [];
  const rows = await query<{ retailerId: number; segment: Segment; tier: number; star: number }>(
    db,
    sql`select retailer_id as "retailerId", segment, tier, star from retailer_ratings where run_id = ${run.id} order by retailer_id`,
  );
  return rows.map((r) => ({ ...r, month: run.month, package: run.scheme.segments.packages[r.segment] }));
}

/**
 * The latest published rating run and each segment's scarce-supply priority
 * (1 first) in the scheme that rated it; null before any month is published.
 */
export async function latestSupplyPriorities(db: Db, orgId: number): Promise<{ runId: number; priorities: { segment: Segment; priority: number }[] } | null> {
  const run = await latestPublishedRun(db, orgId);
  if (!run) return null;
  const packages = run.scheme.segments.packages;
  return { runId: run.id, priorities: (Object.keys(packages) as Segment[]).map((segment) => ({ segment, priority: packages[segment].scarceSupplyPriority })) };
}
