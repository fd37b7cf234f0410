// Rating runs and their results: create, progress, write results set-based,
// load last month's, publish. A published month is frozen.
import { sql } from 'drizzle-orm';
import type { MonthlyBatchResult, RetailerRating } from '../../domain/rating/monthly-batch.js';
import type { RatingScheme } from '../../domain/rating/scheme.js';
import { scoreStarItems } from '../../domain/rating/score-star.js';
import { segmentRetailer } from '../../domain/rating/segments.js';
import type { RetailerMonthInput, Segment, StarItemResult } from '../../domain/rating/types.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import { writeAudit } from '../audit/audit.js';
import { query, type Db } from '../../db/client.js';
import { previousMonth } from './rating-inputs.js';
import { getSchemeVersion } from './rating-schemes.js';

export type RunStatus = 'computing' | 'draft' | 'published' | 'superseded' | 'failed';

export type RunRow = {
  id: number;
  month: string;
  schemeVersion: string;
  status: RunStatus;
  progress: number;
  step: string;
  retailers: number;
  orderLines: number;
  summary: RunSummary | Record<string, never>;
  error: string | null;
  seconds: number | null;
  startedAt: string;
  finishedAt: string | null;
  publishedAt: string | null;
  createdByName: string | null;
  publishedByName: string | null;
};

export type RunSummary = {
  previousRunId: number | null;
  distribution: MonthlyBatchResult['distribution'];
  movers: Omit<MonthlyBatchResult['movers'], 'list'> & { changed: number };
  /** Absent in runs computed before the monthly cap existed. */
  churn?: MonthlyBatchResult['churn'];
  tierWindowMonths?: number;
  maxMonthlyMove?: number | null;
  starCutoffs: MonthlyBatchResult['starCutoffs'];
  tierContext: { top: MonthlyBatchResult['tierContext']['top']; cutoffs: (number | null)[] };
  frozen: number;
  /** Seconds per step of the job: aggregate, previous, score, write. */
  seconds: Record<string, number>;
};

const runColumns = sql`r.id, r.month, r.scheme_version as "schemeVersion", r.status, r.progress, r.step, r.retailers,
  r.order_lines as "orderLines", r.summary, r.error, r.seconds, r.started_at as "startedAt", r.finished_at as "finishedAt",
  r.published_at as "publishedAt", cu.display_name as "createdByName", pu.display_name as "publishedByName"`;

export async function findRuns(db: Db, orgId: number, month?: string): Promise<RunRow[]> {
  return query<RunRow>(
    db,
    sql`select ${runColumns} from rating_runs r left join users cu on cu.org_id = r.org_id and cu.id = r.created_by left join users pu on pu.org_id = r.org_id and pu.id = r.published_by
      -- A shop moved in from another county brings copies of its runs (status moved_in, decision 1902): not listed.
      where r.org_id = ${orgId} and r.status <> 'moved_in' ${month ? sql`and r.month = ${month}` : sql``} order by r.month desc, r.id desc limit 60`,
  );
}

export async function getRun(db: Db, orgId: number, runId: number): Promise<RunRow> {
  const [run] = await query<RunRow>(
    db,
    sql`select ${runColumns} from rating_runs r left join users cu on cu.org_id = r.org_id and cu.id = r.created_by left join users pu on pu.org_id = r.org_id and pu.id = r.published_by
      where r.org_id = ${orgId} and r.id = ${runId} and r.status <> 'moved_in'`,
  );
  if (!run) throw new AppError('not_found');
  return run;
}

/** A new run for the month, refused while the month is published or another run is computing. */
export async function createRun(db: Db, orgId: number, month: string, schemeVersion: string, userId: number | null): Promise<number> {
  return db.transaction(async (tx) => {
    // Serialise starts per org so two clicks cannot both pass the checks.
    await tx.execute(sql`select pg_advisory_xact_lock(5005, ${orgId})`);
    // A run still "computing" after an hour was cut off (the process stopped): it no longer blocks the month.
    await tx.execute(sql`update rating_runs set status = 'failed', error = 'interrupted', finished_at = now()
      where org_id = ${orgId} and month = ${month} and status = 'computing' and started_at < now() - interval '1 hour'`);
    const busy = await query<{ status: RunStatus }>(
      tx as unknown as Db,
      sql`select status from rating_runs where org_id = ${orgId} and month = ${month} and status in ('published', 'computing')`,
    );
    if (busy.some((b) => b.status === 'published')) throw new AppError('rating_month_published');
    if (busy.length) throw new AppError('rating_run_busy');
    const [row] = await query<{ id: number }>(
      tx as unknown as Db,
      sql`insert into rating_runs (org_id, month, scheme_version, status, step, created_by)
        values (${orgId}, ${month}, ${schemeVersion}, 'computing', 'queued', ${userId}) returning id`,
    );
    return row.id;
  });
}

export async function setRunProgress(db: Db, runId: number, progress: number, step: string): Promise<void> {
  await db.execute(sql`update rating_runs set progress = ${Math.round(progress)}, step = ${step} where id = ${runId}`);
}

/** A computing run failed for good: the month is free to start again at once. */
export async function failRun(db: Db, runId: number, error: string): Promise<void> {
  await db.execute(sql`update rating_runs set status = 'failed', error = ${error.slice(0, 2000)}, finished_at = now() where id = ${runId} and status = 'computing'`);
}

/** A run's state before (re)computing it: results of a cut-off attempt are removed so the next one writes them anew. */
export async function resetRunForCompute(db: Db, runId: number): Promise<RunStatus | null> {
  const [run] = await query<{ status: RunStatus }>(db, sql`select status from rating_runs where id = ${runId}`);
  if (run?.status === 'computing') await db.execute(sql`delete from retailer_ratings where run_id = ${runId}`);
  return run?.status ?? null;
}

/** The published run of the month, else its latest draft. */
export async function findMonthRun(db: Db, orgId: number, month: string, publishedOnly = false): Promise<number | null> {
  const [row] = await query<{ id: number }>(
    db,
    sql`select id from rating_runs where org_id = ${orgId} and month = ${month}
      and status ${publishedOnly ? sql`= 'published'` : sql`in ('published', 'draft')`}
      order by (status = 'published') desc, id desc limit 1`,
  );
  return row?.id ?? null;
}

type StoredBreakdown = {
  items: StarItemResult[];
  cutoffs: (number | null)[];
  segment: { integrity: string; stability: string; cooperation: string; cv: number | null; continuity: number; cooperationMet: number };
};

const nanOf = (xs: (number | null)[]) => xs.map((x) => (x === null ? Number.NaN : x));
const nullOf = (xs: number[]) => xs.map((x) => (Number.isFinite(x) ? x : null));

/**
 * Last month's ratings for movers and freezes: the light columns for everyone,
 * the full star breakdown only for the retailers frozen this month.
 */
export async function loadPreviousRatings(
  db: Db,
  orgId: number,
  month: string,
  frozenIds: readonly string[],
): Promise<{ runId: number | null; ratings: RetailerRating[] }> {
  const prev = previousMonth(month);
  const runId = await findMonthRun(db, orgId, prev);
  if (runId === null) return { runId, ratings: [] };
  const rows = await query<{
    r: number;
    net: 'urban' | 'rural';
    cc: string;
    sc: number;
    t: number;
    ts: number;
    s: number;
    ss: number;
    seg: Segment;
    sv: string;
    fmt: RetailerRating['format'];
  }>(
    db,
    sql`select retailer_id as r, network as net, class_code as cc, scale as sc, tier as t, tier_score as ts, star as s,
      star_score as ss, segment as seg, scheme_version as sv, input->>'format' as fmt from retailer_ratings where run_id = ${runId}`,
  );
  // Frozen retailers carry last month's whole result: its items are re-scored from its stored input and scheme.
  const full = new Map<number, StoredBreakdown>();
  if (frozenIds.length) {
    const ids = frozenIds.map(Number);
    const fr = await query<{ r: number; b: Partial<StoredBreakdown>; i: Omit<RetailerMonthInput, 'retailerId'>; sv: string; net: 'urban' | 'rural'; cut: Record<string, (number | null)[]> }>(
      db,
      sql`select x.retailer_id as r, x.breakdown as b, x.input as i, x.scheme_version as sv, x.network as net, run.summary->'starCutoffs' as cut
        from retailer_ratings x join rating_runs run on run.org_id = x.org_id and run.id = x.run_id
        where x.run_id = ${runId} and x.retailer_id = any(${sql.raw(`array[${ids.join(',')}]::int[]`)})`,
    );
    for (const f of fr) {
      const scheme = await getSchemeVersion(db, orgId, f.sv);
      full.set(f.r, {
        items: f.b.items ?? scoreStarItems({ ...f.i, retailerId: String(f.r) }, scheme).items,
        cutoffs: f.b.cutoffs ?? f.cut?.[f.net] ?? [],
        segment: f.b.segment!,
      });
    }
  }
  const ratings = rows.map((x): RetailerRating => {
    const b = full.get(x.r);
    return {
      retailerId: String(x.r),
      month: prev,
      schemeVersion: x.sv,
      network: x.net,
      format: x.fmt,
      classCode: x.cc,
      scale: x.sc,
      tier: x.t,
      tierScore: x.ts,
      segment: x.seg,
      star: {
        retailerId: String(x.r),
        month: prev,
        schemeVersion: x.sv,
        network: x.net,
        score: x.ss,
        star: x.s,
        items: b?.items ?? [],
        cutoffs: b ? nanOf(b.cutoffs) : [],
      },
    };
  });
  return { runId, ratings };
}

const CHUNK = 10_000;
/**
 * Chunks written at once: the server parses one chunk's JSON while the next is
 * built here, and on a server pool two chunks are parsed on two cores (PGlite has
 * one connection and takes them in turn).
 */
const WRITERS = 2;

/** Results in chunks of multi-row inserts from one JSON parameter each, two at a time; `onChunk` reports the share written. */
export async function writeRatings(
  db: Db,
  runId: number,
  orgId: number,
  result: MonthlyBatchResult,
  inputs: readonly RetailerMonthInput[],
  scheme: RatingScheme,
  onChunk: (done: number) => Promise<void>,
): Promise<void> {
  const n = result.ratings.length;
  const pending = new Set<Promise<void>>();
  let written = 0;
  try {
    for (let from = 0; from < n; from += CHUNK) {
      const write = insertChunk(db, { runId, orgId, result, inputs, scheme }, from, Math.min(n, from + CHUNK)).then(async (rows) => {
        written += rows;
        await onChunk(written / n);
      });
      pending.add(write);
      void write.finally(() => pending.delete(write)).catch(() => undefined);
      if (pending.size >= WRITERS) await Promise.race(pending);
    }
    await Promise.all(pending);
  } catch (e) {
    await Promise.allSettled(pending);
    throw e;
  }
}

type RunResults = { runId: number; orgId: number; result: MonthlyBatchResult; inputs: readonly RetailerMonthInput[]; scheme: RatingScheme };

/** Rows `from` to `to` (exclusive) of the run's results as one insert. */
async function insertChunk(db: Db, { runId, orgId, result, inputs, scheme }: RunResults, from: number, to: number): Promise<number> {
  const rows = [];
  for (let i = from; i < to; i++) {
    const r = result.ratings[i];
    const input = inputs[i];
    const seg = segmentRetailer(input, scheme);
    // Items and cut-offs are re-scored from the stored input and the run's lines when read;
    // only a frozen row, which carries last month's result, stores them.
    const { retailerId: _id, weeklyCartons: _w, ...inputData } = input;
    const segment = {
      integrity: seg.integrity,
      stability: seg.stability,
      cooperation: seg.cooperation,
      cv: Number.isFinite(seg.cv) ? round3(seg.cv) : null,
      continuity: round3(seg.continuity),
      cooperationMet: seg.cooperationMet,
    };
    rows.push({
      r: Number(r.retailerId),
      sv: r.schemeVersion,
      net: r.network,
      cc: r.classCode,
      sc: r.scale,
      t: r.tier,
      ts: round3(r.tierScore),
      s: r.star.star,
      ss: round3(r.star.score),
      seg: r.segment,
      b: {
        ...(r.frozenReason ? { items: r.star.items, cutoffs: nullOf(r.star.cutoffs) } : {}),
        segment,
        ...(r.tierCap ? { tierCap: r.tierCap } : {}),
      },
      i: inputData,
      fr: r.frozenReason ?? null,
    });
  }
  await db.execute(sql`insert into retailer_ratings (run_id, org_id, retailer_id, month, scheme_version, network, class_code, scale,
      tier, tier_score, star, star_score, segment, breakdown, input, frozen_reason)
    select ${runId}, ${orgId}, x.r, ${result.month}, x.sv, x.net, x.cc, x.sc, x.t, x.ts, x.s, x.ss, x.seg, x.b, x.i, x.fr
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(r int, sv text, net text, cc text, sc int, t int, ts float8,
      s int, ss float8, seg text, b jsonb, i jsonb, fr text)`);
  return rows.length;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Mark the run a draft with its summary; older drafts of the month are superseded. */
export async function finishRun(
  db: Db,
  runId: number,
  orgId: number,
  month: string,
  summary: RunSummary,
  counts: { retailers: number; orderLines: number; seconds: number },
): Promise<void> {
  await db.transaction(async (tx) => {
    // Only a run still computing becomes the draft: one failed meanwhile stays failed.
    const done = await query<{ id: number }>(
      tx as unknown as Db,
      sql`update rating_runs set status = 'draft', progress = 100, step = 'done', summary = ${JSON.stringify(summary)}::jsonb,
        retailers = ${counts.retailers}, order_lines = ${counts.orderLines}, seconds = ${counts.seconds}, finished_at = now()
        where id = ${runId} and status = 'computing' returning id`,
    );
    if (done.length)
      await tx.execute(sql`update rating_runs set status = 'superseded' where org_id = ${orgId} and month = ${month} and status = 'draft' and id <> ${runId}`);
  });
}

/**
 * Publish a draft: the month is frozen, and when it is the latest published
 * month the retailers' star, tier and class are set from it (one UPDATE … FROM).
 */
export async function publishRun(db: Db, viewer: Viewer, runId: number, now: Date, ip?: string): Promise<void> {
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await tx.execute(sql`select pg_advisory_xact_lock(5005, ${viewer.orgId})`);
    const [run] = await query<{ month: string; status: RunStatus }>(
      t,
      sql`select month, status from rating_runs where id = ${runId} and org_id = ${viewer.orgId} for update`,
    );
    if (!run) throw new AppError('not_found');
    if (run.status === 'published') throw new AppError('rating_month_published');
    if (run.status !== 'draft') throw new AppError('rating_run_not_draft');
    const [pub] = await query<{ n: number }>(t, sql`select count(*)::int as n from rating_runs where org_id = ${viewer.orgId} and month = ${run.month} and status = 'published'`);
    if (pub.n > 0) throw new AppError('rating_month_published');
    await tx.execute(sql`update rating_runs set status = 'published', published_at = ${now.toISOString()}::timestamptz, published_by = ${viewer.userId} where id = ${runId}`);
    const [later] = await query<{ n: number }>(
      t,
      sql`select count(*)::int as n from rating_runs where org_id = ${viewer.orgId} and month > ${run.month} and status = 'published'`,
    );
    if (later.n === 0) {
      await tx.execute(sql`update retailers r set star = x.star, tier = x.tier, class_code = x.class_code
        from retailer_ratings x where x.run_id = ${runId} and x.retailer_id = r.id
          and (r.star, r.tier, r.class_code) is distinct from (x.star, x.tier, x.class_code)`);
    }
    await writeAudit(t, viewer, { action: 'publish', entity: 'rating_run', entityIds: [runId], detail: { month: run.month }, ip }, now);
  });
}

/** The scheme version a run was started under; null when there is no such run in the org. */
export async function findRunSchemeVersion(db: Db, orgId: number, runId: number): Promise<string | null> {
  const [row] = await query<{ version: string }>(db, sql`select scheme_version as version from rating_runs where org_id = ${orgId} and id = ${runId}`);
  return row?.version ?? null;
}
