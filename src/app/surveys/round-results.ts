// A round's results within the viewer's scope: overall and by dimension, by
// grid and by client manager, each with its sample size and 95 % margin of
// error (finite-population correction from the round's frame), beside the
// previous round of the same questionnaire; and the spread of each question's
// answers: counts of each choice or scale point, a histogram of a number's.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { gridScope } from '../../db/scope.js';
import type { RoundFrame } from '../../db/schema-surveys.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { answerHistogram } from '../../domain/surveys/answer-histogram.js';
import { estimateMean, type Estimate } from '../../domain/surveys/margin.js';
import type { Answers, QuestionnaireDef } from '../../shared/surveys.js';
import { getRound, type RoundItem } from './rounds.js';

type Resp = { roundId: number; gridId: number | null; workerId: number | null; score: number | null; dims: Record<string, number | null>; answers: Answers };

export async function roundResults(db: Db, viewer: Viewer, roundId: number) {
  const round = await getRound(db, viewer.orgId, roundId);
  const [meta] = await query<{ frame: RoundFrame; definition: QuestionnaireDef; prevId: number | null; prevName: string | null; prevFrame: RoundFrame | null }>(
    db,
    sql`select ro.frame, q.definition, p.id as "prevId", p.name as "prevName", p.frame as "prevFrame"
      from survey_rounds ro join survey_questionnaires q on q.org_id = ro.org_id and q.id = ro.questionnaire_id
      left join lateral (select pr.id, pr.name, pr.frame from survey_rounds pr join survey_questionnaires pq on pq.org_id = pr.org_id and pq.id = pr.questionnaire_id
        where pr.org_id = ro.org_id and pq.code = q.code and (pr.opened_at, pr.id) < (ro.opened_at, ro.id) order by pr.opened_at desc, pr.id desc limit 1) p on true
      where ro.org_id = ${viewer.orgId} and ro.id = ${roundId}`,
  );
  const grids = await query<{ id: number; name: string; workerId: number | null; workerName: string | null }>(
    db,
    sql`select g.id, g.name, g.worker_id as "workerId", u.display_name as "workerName" from grids g left join users u on u.org_id = g.org_id and u.id = g.worker_id where ${gridScope(viewer)} order by g.code`,
  );
  const visible = `{${grids.map((g) => g.id).join(',')}}`;
  const rows = await query<Resp>(
    db,
    sql`select p.round_id as "roundId", s.grid_id as "gridId", s.worker_id as "workerId", p.score::float8 as score, p.dimension_scores as dims, p.answers
      from survey_responses p join survey_sample s on s.org_id = p.org_id and s.round_id = p.round_id and s.retailer_id = p.retailer_id
      where p.org_id = ${viewer.orgId} and p.round_id in (${roundId}, ${meta.prevId ?? -1}) and s.grid_id = any(${visible}::int[])`,
  );
  const sampled = await query<{ gridId: number; workerId: number | null; n: number }>(
    db,
    sql`select grid_id as "gridId", worker_id as "workerId", count(*)::int as n from survey_sample
      where org_id = ${viewer.orgId} and round_id = ${roundId} and grid_id = any(${visible}::int[]) group by grid_id, worker_id`,
  );
  const cur = rows.filter((r) => r.roundId === roundId);
  const prev = rows.filter((r) => r.roundId === meta.prevId);
  const popOf = (frame: RoundFrame | null, gridIds: number[]) => (frame ? gridIds.reduce((s, g) => s + (frame.grids[g] ?? 0), 0) : 0);
  const allGrids = grids.map((g) => g.id);
  const est = (list: Resp[], pick: (r: Resp) => number | null, population: number): Estimate =>
    estimateMean(
      list.map(pick).filter((v): v is number => v !== null),
      population > 0 ? population : undefined,
    );
  const both = (filter: (r: Resp) => boolean, pick: (r: Resp) => number | null, gridIds: number[]) => {
    const now = est(cur.filter(filter), pick, popOf(meta.frame, gridIds));
    const before = meta.prevId === null ? null : est(prev.filter(filter), pick, popOf(meta.prevFrame, gridIds));
    return { ...now, previous: before && before.n > 0 ? before : null };
  };
  const all = () => true;
  const byWorker = new Map<string, { workerId: number | null; workerName: string; gridIds: number[] }>();
  for (const g of grids) {
    const k = String(g.workerId ?? `g${g.id}`);
    const w = byWorker.get(k) ?? { workerId: g.workerId, workerName: g.workerName ?? g.name, gridIds: [] };
    w.gridIds.push(g.id);
    byWorker.set(k, w);
  }
  const sampledWhere = (f: (x: { gridId: number; workerId: number | null }) => boolean) => sampled.filter(f).reduce((s, x) => s + x.n, 0);
  return {
    round: round satisfies RoundItem,
    previousRound: meta.prevId === null ? null : { id: meta.prevId, name: meta.prevName ?? '' },
    population: popOf(meta.frame, allGrids),
    overall: both(all, (r) => r.score, allGrids),
    dimensions: meta.definition.dimensions.map((d) => ({ code: d.code, label: d.label, weight: d.weight, ...both(all, (r) => r.dims[d.code] ?? null, allGrids) })),
    byGrid: grids
      .map((g) => ({ gridId: g.id, gridName: g.name, workerName: g.workerName, sampled: sampledWhere((x) => x.gridId === g.id), ...both((r) => r.gridId === g.id, (r) => r.score, [g.id]) }))
      .filter((g) => g.sampled > 0 || g.previous !== null),
    byWorker: [...byWorker.values()]
      .map((w) => ({ workerId: w.workerId, workerName: w.workerName, sampled: sampledWhere((x) => w.gridIds.includes(x.gridId)), ...both((r) => r.gridId !== null && w.gridIds.includes(r.gridId), (r) => r.score, w.gridIds) }))
      .filter((w) => w.sampled > 0 || w.previous !== null),
    questions: meta.definition.questions
      .filter((q) => q.kind !== 'text')
      .map((q) => {
        const given = cur.map((r) => r.answers[q.id]).filter((v) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0));
        if (q.kind === 'number') {
          const xs = given.map(Number).filter((v) => Number.isFinite(v));
          const mean = xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null;
          return { id: q.id, text: q.text, kind: q.kind, n: xs.length, counts: [], bins: answerHistogram(xs, q.min, q.max), mean };
        }
        const values = q.kind === 'scale' ? ['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v })) : q.options.map((o) => ({ value: o.value, label: o.label }));
        const counts = values.map((v) => ({ ...v, n: given.filter((a) => (Array.isArray(a) ? a.includes(v.value) : String(a) === v.value)).length }));
        return { id: q.id, text: q.text, kind: q.kind, n: given.length, counts, bins: [], mean: null };
      }),
  };
}
