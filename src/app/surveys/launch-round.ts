// Launching a round: the frame is every active shop of the county with its
// grid's client manager; the sample is drawn per manager, stratified
// (domain/surveys/sampling.ts); a round that cannot meet some manager's quota
// is refused whole, naming them, and nothing is written.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { RoundFrame } from '../../db/schema-surveys.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { drawSample, stratumOf, type SampleUnit } from '../../domain/surveys/sampling.js';
import { AppError } from '../../shared/app-error.js';
import { writeAudit } from '../audit/audit.js';
import { getQuestionnaire } from './questionnaires.js';
import { getRound } from './rounds.js';

export type LaunchInput = { questionnaireId: number; name: string; share: number; rotate: boolean; seed?: number };

export async function launchRound(db: Db, viewer: Pick<Viewer, 'orgId' | 'userId'>, input: LaunchInput, now: Date, opts: { audit?: boolean } = {}) {
  const orgId = viewer.orgId;
  const q = await getQuestionnaire(db, orgId, input.questionnaireId);
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const units = await query<Omit<SampleUnit, 'eligible'> & { left: boolean }>(
      tx,
      sql`select r.id as "retailerId", g.worker_id as "workerId", g.station_id as "stationId", g.id as "gridId", r.tier, r.business_format as format,
          ${input.rotate ? sql`exists (select 1 from survey_sample s where s.org_id = r.org_id and s.retailer_id = r.id and s.round_id = (
            select ro.id from survey_rounds ro join survey_questionnaires pq on pq.org_id = ro.org_id and pq.id = ro.questionnaire_id
            where ro.org_id = ${orgId} and pq.code = ${q.code} order by ro.opened_at desc, ro.id desc limit 1))` : sql`false`} as "left"
        from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id
        where r.org_id = ${orgId} and r.status = 'active'
        order by r.id`,
    );
    if (units.length === 0) throw new AppError('survey_empty_frame');
    const seed = input.seed ?? now.getTime() % 2_147_483_647;
    const draw = drawSample(
      units.map((u) => ({ ...u, eligible: !u.left })),
      input.share,
      seed,
    );
    if (draw.shortfalls.length) {
      const names = await query<{ id: number; name: string }>(tx, sql`select id, display_name as name from users where org_id = ${orgId} and id = any(${`{${draw.shortfalls.map((s) => s.workerId ?? 0).join(',')}}`}::int[])`);
      throw new AppError('survey_quota_unmet', [], {
        shortfalls: draw.shortfalls.map((s) => ({ ...s, workerName: names.find((n) => n.id === s.workerId)?.name ?? null })),
      });
    }
    const frame: RoundFrame = { total: units.length, grids: {}, workers: {} };
    for (const u of units) {
      frame.grids[u.gridId] = (frame.grids[u.gridId] ?? 0) + 1;
      const w = String(u.workerId ?? 0);
      frame.workers[w] = (frame.workers[w] ?? 0) + 1;
    }
    const [round] = await query<{ id: number }>(
      tx,
      sql`insert into survey_rounds (org_id, questionnaire_id, name, status, share, rotate, seed, frame, link_secret, created_by, opened_at)
        values (${orgId}, ${q.id}, ${input.name}, 'open', ${input.share}, ${input.rotate ? 1 : 0}, ${seed}, ${JSON.stringify(frame)}::jsonb,
          ${randomBytes(32).toString('base64url')}, ${viewer.userId}, ${now.toISOString()}::timestamptz)
        returning id`,
    );
    const byId = new Map(units.map((u) => [u.retailerId, u]));
    const rows = draw.retailerIds.map((id) => {
      const u = byId.get(id)!;
      return { r: id, s: u.stationId, g: u.gridId, w: u.workerId, t: u.tier, f: u.format, k: stratumOf(u) };
    });
    await tx.execute(sql`insert into survey_sample (org_id, round_id, retailer_id, station_id, grid_id, worker_id, tier, format, stratum)
      select ${orgId}, ${round.id}, x.r, x.s, x.g, x.w, x.t, x.f, x.k
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(r int, s int, g int, w int, t smallint, f text, k text)`);
    if (opts.audit !== false)
      await writeAudit(tx, viewer, { action: 'create', entity: 'survey_round', entityIds: [round.id], detail: { name: input.name, questionnaireId: q.id, share: input.share, sampled: rows.length, strata: draw.strata, workers: draw.groups } }, now);
    return { round: await getRound(tx, orgId, round.id), strata: draw.strata, workers: draw.groups };
  });
}

export async function closeRound(db: Db, viewer: Viewer, id: number, now: Date) {
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [r] = await query<{ status: string }>(tx, sql`select status from survey_rounds where org_id = ${viewer.orgId} and id = ${id} for update`);
    if (!r) throw new AppError('not_found');
    if (r.status !== 'open') throw new AppError('survey_round_closed');
    await tx.execute(sql`update survey_rounds set status = 'closed', closed_at = ${now.toISOString()}::timestamptz, closed_by = ${viewer.userId} where org_id = ${viewer.orgId} and id = ${id}`);
    await writeAudit(tx, viewer, { action: 'update', entity: 'survey_round', entityIds: [id], detail: { op: 'close' } }, now);
    return getRound(tx, viewer.orgId, id);
  });
}
