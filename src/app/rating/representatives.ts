// Customer representatives: candidates from the latest published rating,
// invitations within the cap, the shop's answer, voluntary exit, reviews.
import { sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/access/viewer.js';
import { DEFAULT_CAP_PCT, rankCandidates, representativeCap, reviewSuggestion, type RepresentativeCandidate } from '../../domain/rating/representatives.js';
import type { ComplianceClass, StoreImage } from '../../domain/rating/types.js';
import { AppError } from '../../shared/app-error.js';
import { query, type Db } from '../../db/client.js';
import { retailerScope } from '../../db/scope.js';
import type { REPRESENTATIVE_STATUSES } from '../../shared/representatives.js';

type CandidateRow = RepresentativeCandidate & { shopName: string; gridName: string; lat: number; lng: number; status: string | null };

export async function getCapPct(db: Db, orgId: number): Promise<number> {
  const [row] = await query<{ capPct: number }>(db, sql`select cap_pct as "capPct" from representative_settings where org_id = ${orgId}`);
  return row?.capPct ?? DEFAULT_CAP_PCT;
}

export async function setCapPct(db: Db, viewer: Viewer, capPct: number): Promise<void> {
  await db.execute(sql`insert into representative_settings (org_id, cap_pct, updated_by) values (${viewer.orgId}, ${capPct}, ${viewer.userId})
    on conflict (org_id) do update set cap_pct = excluded.cap_pct, updated_by = excluded.updated_by, updated_at = now()`);
}

/** The cap and how much of it is used (invited + active), for the whole org. */
export async function capStatus(db: Db, orgId: number) {
  const capPct = await getCapPct(db, orgId);
  const [{ retailers, used }] = await query<{ retailers: number; used: number }>(
    db,
    sql`select (select count(*)::int from retailers where org_id = ${orgId} and status = 'active') as retailers,
      (select count(*)::int from customer_representatives where org_id = ${orgId} and status in ('invited', 'active')) as used`,
  );
  return { capPct, retailers, cap: representativeCap(retailers, capPct), used };
}

/** Ranked candidates from the latest published month, within the viewer's scope. */
export async function findCandidates(db: Db, viewer: Viewer, limit = 100) {
  const rows = await query<CandidateRow & { c1: number; q: number }>(
    db,
    sql`with run as (select id from rating_runs where org_id = ${viewer.orgId} and status = 'published' order by month desc limit 1)
      select x.retailer_id::text as "retailerId", x.input->>'complianceClass' as "complianceClass", x.tier_score as "tierScore",
        coalesce((x.input->'orders'->>'class1Cartons')::float8, 0) as c1, coalesce((x.input->'orders'->>'cartons')::float8, 0) as q,
        coalesce((x.input->'orders'->>'brands')::int, 0) as brands, x.input->>'storeImage' as "storeImage",
        coalesce((x.breakdown->'segment'->>'continuity')::float8, 0) as continuity,
        coalesce((x.breakdown->'segment'->>'cooperationMet')::int, 0) as "cooperationMet", x.star,
        r.shop_name as "shopName", g.name as "gridName", r.lat, r.lng, cr.status
      from run join retailer_ratings x on x.run_id = run.id join retailers r on r.org_id = x.org_id and r.id = x.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
      left join customer_representatives cr on cr.org_id = r.org_id and cr.retailer_id = r.id and cr.status in ('invited', 'active')
      where ${retailerScope(viewer)} and r.status = 'active'`,
  );
  const extra = new Map(rows.map((r) => [r.retailerId, r]));
  const ranked = rankCandidates(
    rows.map((r) => ({
      retailerId: r.retailerId,
      complianceClass: r.complianceClass as ComplianceClass,
      tierScore: r.tierScore,
      class1SharePct: r.q > 0 ? (100 * r.c1) / r.q : 0,
      brands: r.brands,
      storeImage: r.storeImage as StoreImage,
      continuity: r.continuity,
      cooperationMet: r.cooperationMet,
      star: r.star,
    })),
  );
  return ranked.slice(0, limit).map((c) => {
    const e = extra.get(c.retailerId)!;
    return { ...c, retailerId: Number(c.retailerId), shopName: e.shopName, gridName: e.gridName, status: e.status };
  });
}

export type RepresentativeRow = {
  id: number;
  retailerId: number;
  shopName: string;
  gridName: string;
  lat: number;
  lng: number;
  status: (typeof REPRESENTATIVE_STATUSES)[number];
  score: number;
  invitedAt: string;
  respondedAt: string | null;
  endedAt: string | null;
  endReason: string | null;
  star: number;
  lastReview: { outcome: string; reason: string; at: string } | null;
};

export async function findRepresentatives(db: Db, viewer: Viewer): Promise<RepresentativeRow[]> {
  return query<RepresentativeRow>(
    db,
    sql`select cr.id, cr.retailer_id as "retailerId", r.shop_name as "shopName", g.name as "gridName", r.lat, r.lng, cr.status, cr.score,
        cr.invited_at as "invitedAt", cr.responded_at as "respondedAt", cr.ended_at as "endedAt", cr.end_reason as "endReason", r.star,
        (select json_build_object('outcome', v.outcome, 'reason', v.reason, 'at', v.at) from representative_reviews v
          where v.representative_id = cr.id order by v.id desc limit 1) as "lastReview"
      from customer_representatives cr join retailers r on r.org_id = cr.org_id and r.id = cr.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
      where cr.org_id = ${viewer.orgId} and ${retailerScope(viewer)}
      order by (cr.status in ('invited', 'active')) desc, cr.status, cr.score desc, cr.id desc limit 500`,
  );
}

export async function inviteRepresentative(db: Db, viewer: Viewer, retailerId: number): Promise<number> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await tx.execute(sql`select pg_advisory_xact_lock(5006, ${viewer.orgId})`);
    const candidates = await findCandidates(t, viewer, 100_000);
    const c = candidates.find((x) => x.retailerId === retailerId);
    if (!c) throw new AppError('not_found');
    if (c.status) throw new AppError('representative_exists');
    if (!c.eligible) throw new AppError('representative_not_eligible');
    const cap = await capStatus(t, viewer.orgId);
    if (cap.used >= cap.cap) throw new AppError('representative_cap_reached', [], { cap: cap.cap, used: cap.used });
    const [row] = await query<{ id: number }>(
      t,
      sql`insert into customer_representatives (org_id, retailer_id, status, score, invited_by) values (${viewer.orgId}, ${retailerId}, 'invited', ${c.score}, ${viewer.userId}) returning id`,
    );
    return row.id;
  });
}

/** The row of a representative within the viewer's scope, or 404. */
export async function getRepresentative(db: Db, viewer: Viewer, id: number) {
  const [row] = await query<{ id: number; retailerId: number; status: string }>(
    db,
    sql`select cr.id, cr.retailer_id as "retailerId", cr.status from customer_representatives cr
      join retailers r on r.org_id = cr.org_id and r.id = cr.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
      where cr.id = ${id} and cr.org_id = ${viewer.orgId} and ${retailerScope(viewer)}`,
  );
  if (!row) throw new AppError('not_found');
  return row;
}

export async function setRepresentativeStatus(db: Db, id: number, from: string, to: string, reason: string | null): Promise<void> {
  const ended = to === 'exited' || to === 'demoted' || to === 'declined';
  const res = await query<{ id: number }>(
    db,
    sql`update customer_representatives set status = ${to},
        responded_at = case when ${from} = 'invited' then now() else responded_at end,
        ended_at = case when ${ended} then now() else ended_at end, end_reason = ${reason}
      where id = ${id} and status = ${from} returning id`,
  );
  if (!res.length) throw new AppError('representative_wrong_state');
}

export async function reviewRepresentative(db: Db, viewer: Viewer, id: number, outcome: 'keep' | 'demote', reason: string) {
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const rep = await getRepresentative(t, viewer, id);
    if (rep.status !== 'active') throw new AppError('representative_wrong_state');
    if (outcome === 'demote') await setRepresentativeStatus(t, id, 'active', 'demoted', reason);
    await tx.execute(sql`insert into representative_reviews (org_id, representative_id, outcome, reason, reviewed_by)
      values (${viewer.orgId}, ${id}, ${outcome}, ${reason}, ${viewer.userId})`);
  });
}

/** What a review would suggest for each active representative, from the latest published month. */
export async function reviewSuggestions(db: Db, viewer: Viewer) {
  const candidates = await findCandidates(db, viewer, 100_000);
  return candidates.filter((c) => c.status === 'active').map((c) => ({ retailerId: c.retailerId, ...reviewSuggestion({ ...c, retailerId: String(c.retailerId) }) }));
}
