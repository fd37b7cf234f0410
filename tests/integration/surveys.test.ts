// Surveys (issue 17 item 1) through the HTTP app: questionnaires refused with
// clear errors, rounds sampled to each client manager's quota (and refused
// when it cannot be met), answers from the phone, an SMS link (once) and an
// agent, never the rated worker (refused and audited), results with the
// margin of error of a hand-computed case, and the satisfaction source.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { loadSatisfactionScores } from '../../src/app/surveys/satisfaction-source.js';
import { startTestApp, type DemoRole, type TestApp } from '../support/test-app.js';

let t: TestApp;
const cookie = {} as Record<DemoRole, string>;
let orgId: number;
let own: number; // the demo retailer's shop (worker1's grid)
let worker1: number;
let questionnaireId: number;

const count = async (table: string) => (await query<{ n: number }>(t.database.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0].n;
const one = (over: Record<string, unknown> = {}) => ({ id: 'q1', kind: 'scale', text: '总体满意吗？', required: true, dimension: 'all', ...over });

/** Answers that give every scored question of the default questionnaire the same scale point. */
function sheet(point: number): Record<string, unknown> {
  return {
    supply_fit: point, supply_fair: point, supply_delivery: point, met_manager: 'yes', service_visit: point, service_hotline: point,
    ...(point > 2 ? { service_settle: point } : { service_why: '热线占线' }), market_order: point, market_price: point, profit_margin: point,
  };
}

beforeAll(async () => {
  t = await startTestApp();
  for (const role of ['admin', 'county_manager', 'station_head', 'grid_worker', 'call_agent', 'retailer'] as DemoRole[]) cookie[role] = await t.login(role);
  const db = t.database.db;
  [{ own, orgId }] = await query<{ own: number; orgId: number }>(db, sql`select retailer_id as own, org_id as "orgId" from users where username = 'retailer'`);
  [{ worker1 }] = await query<{ worker1: number }>(db, sql`select id as worker1 from users where username = 'worker1'`);
  const list = (await t.api(cookie.county_manager, 'GET', '/api/surveys/questionnaires')).json();
  questionnaireId = list.items.find((q: { code: string }) => q.code === 'satisfaction').id;
});
afterAll(() => t?.close());

describe('questionnaires', () => {
  it('refuses a questionnaire without questions, a skip to a missing question or backwards, and weights not summing to 100; nothing is stored', async () => {
    const before = await count('survey_questionnaires');
    const save = (definition: Record<string, unknown>) => t.api(cookie.county_manager, 'POST', '/api/surveys/questionnaires', { code: 'bad', purpose: 'general', definition: { title: '测试', ...definition } });
    let res = await save({ questions: [] });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'survey_questionnaire_invalid', details: [{ field: 'definition.questions', code: 'survey_no_questions' }] });
    expect(res.json().details[0].message).toBe('问卷至少要有一道题');
    res = await save({ dimensions: [{ code: 'all', label: '总体', weight: 100 }], questions: [one({ skip: [{ answer: '1', goTo: 'q9' }] }), one({ id: 'q2', skip: [{ answer: '5', goTo: 'q1' }] })] });
    expect(res.statusCode).toBe(422);
    expect(res.json().details).toEqual([
      expect.objectContaining({ field: 'definition.questions.0.skip.0.goTo', code: 'survey_skip_missing' }),
      expect.objectContaining({ field: 'definition.questions.1.skip.0.goTo', code: 'survey_skip_backward' }),
    ]);
    res = await save({ dimensions: [{ code: 'all', label: '总体', weight: 90 }], questions: [one()] });
    expect(res.json().details).toEqual([expect.objectContaining({ field: 'definition.dimensions', code: 'survey_weights_sum' })]);
    res = await save({ questions: [{ id: 'q1', kind: 'single', text: '选一个', options: [{ value: 'a', label: 'A' }] }] });
    expect(res.json().details).toEqual([expect.objectContaining({ code: 'survey_options_missing' })]);
    expect(await count('survey_questionnaires')).toBe(before);
  });

  it('saves the next version under an existing code; a station head may not design', async () => {
    const def = (await t.api(cookie.county_manager, 'GET', '/api/surveys/questionnaires/default')).json();
    expect(def.definition.dimensions.map((d: { label: string }) => d.label)).toEqual(['卷烟供应', '客户服务', '市场管理', '盈利水平']);
    const res = await t.api(cookie.county_manager, 'POST', '/api/surveys/questionnaires', def);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code: 'satisfaction', version: 2, purpose: 'satisfaction' });
    expect((await t.api(cookie.station_head, 'POST', '/api/surveys/questionnaires', def)).statusCode).toBe(403);
  });
});

describe('rounds', () => {
  it('samples at least 10 % of every client manager’s retailers, stratified, and says how many strata', async () => {
    const res = await t.api(cookie.county_manager, 'POST', '/api/surveys/rounds', { questionnaireId, name: '测试轮次', seed: 7 });
    expect(res.statusCode, res.body).toBe(201);
    const { round, strata, workers } = res.json();
    expect(round).toMatchObject({ status: 'open', share: 0.1, answered: 0 });
    expect(strata).toBeGreaterThan(workers);
    const per = await query<{ workerId: number; population: number; sampled: number }>(
      t.database.db,
      sql`select g.worker_id as "workerId", count(*)::int as population, count(s.retailer_id)::int as sampled
        from retailers r join grids g on g.id = r.grid_id left join survey_sample s on s.retailer_id = r.id and s.round_id = ${round.id}
        where r.org_id = ${orgId} and r.status = 'active' group by g.worker_id`,
    );
    for (const w of per) expect(w.sampled, `worker ${w.workerId}`).toBe(Math.ceil(w.population * 0.1));
    expect(round.sampled).toBe(per.reduce((s, w) => s + w.sampled, 0));
  });

  it('refuses a round whose sample cannot meet the quota, naming the managers, and writes nothing', async () => {
    const rounds = await count('survey_rounds');
    const samples = await count('survey_sample');
    // Rotation leaves out last round's shops; at 95 % every manager runs short.
    const res = await t.api(cookie.county_manager, 'POST', '/api/surveys/rounds', { questionnaireId, name: '轮换', share: 0.95, rotate: true });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('survey_quota_unmet');
    expect(res.json().shortfalls[0]).toMatchObject({ quota: expect.any(Number), eligible: expect.any(Number) });
    expect(res.json().shortfalls[0].workerName).toBeTruthy();
    expect((await t.api(cookie.county_manager, 'POST', '/api/surveys/rounds', { questionnaireId, name: '比例', share: 0 })).json().code).toBe('validation_failed');
    expect(await count('survey_rounds')).toBe(rounds);
    expect(await count('survey_sample')).toBe(samples);
  });
});

describe('answers', () => {
  let roundId: number;
  let gridShops: number[];
  beforeAll(async () => {
    const res = await t.api(cookie.county_manager, 'POST', '/api/surveys/rounds', { questionnaireId, name: '全面调查', share: 1, seed: 3 });
    roundId = res.json().round.id;
    gridShops = (
      await query<{ id: number }>(t.database.db, sql`select r.id from retailers r join grids g on g.id = r.grid_id where g.worker_id = ${worker1} and r.id <> ${own} and r.status = 'active' order by r.id limit 6`)
    ).map((r) => r.id);
  });

  it('refuses answers that break the skip logic or leave a required question empty; nothing is stored', async () => {
    const before = await count('survey_responses');
    const a = { ...sheet(4), service_why: '不该答' }; // service_settle 4 skips service_why
    let res = await t.api(cookie.call_agent, 'POST', `/api/surveys/rounds/${roundId}/answers`, { retailerId: gridShops[0], answers: a });
    expect(res.statusCode).toBe(422);
    expect(res.json().details).toEqual([expect.objectContaining({ field: 'answers.service_why', code: 'survey_answer_skipped' })]);
    const { supply_fit: _, ...missing } = sheet(4);
    res = await t.api(cookie.call_agent, 'POST', `/api/surveys/rounds/${roundId}/answers`, { retailerId: gridShops[0], answers: missing });
    expect(res.json().details).toEqual([expect.objectContaining({ field: 'answers.supply_fit', code: 'survey_answer_required' })]);
    res = await t.api(cookie.call_agent, 'POST', `/api/surveys/rounds/${roundId}/answers`, { retailerId: gridShops[0], answers: { ...sheet(4), supply_fit: 6 } });
    expect(res.json().details).toEqual([expect.objectContaining({ field: 'answers.supply_fit', code: 'survey_answer_invalid' })]);
    expect(await count('survey_responses')).toBe(before);
  });

  it('refuses the client manager being rated, and audits the refusal', async () => {
    const res = await t.api(cookie.grid_worker, 'POST', `/api/surveys/rounds/${roundId}/answers`, { retailerId: gridShops[0], answers: sheet(5) });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'survey_rated_worker', message: '被测评的客户经理不能代录其零售户的答卷' });
    const [audit] = await query<{ detail: Record<string, unknown>; entityIds: number[] }>(
      t.database.db,
      sql`select detail, entity_ids as "entityIds" from audit_log where user_id = ${worker1} and entity = 'survey_round' order by id desc limit 1`,
    );
    expect(audit).toMatchObject({ entityIds: [roundId, gridShops[0]], detail: { refused: 'survey_rated_worker' } });
    const [{ n }] = await query<{ n: number }>(t.database.db, sql`select count(*)::int as n from survey_responses where round_id = ${roundId}`);
    expect(n).toBe(0);
    // Their call list never offers their own shops.
    const calls = (await t.api(cookie.grid_worker, 'GET', `/api/surveys/rounds/${roundId}/calls`)).json();
    expect(calls.items).toEqual([]);
  });

  it('gives the margin of error of a hand-computed case: scores 100, 75, 75, 50 in one grid', async () => {
    for (const [i, p] of [5, 4, 4, 3].entries()) {
      const res = await t.api(cookie.call_agent, 'POST', `/api/surveys/rounds/${roundId}/answers`, { retailerId: gridShops[i], answers: sheet(p) });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().score).toBe((p - 1) * 25);
    }
    const r = (await t.api(cookie.county_manager, 'GET', `/api/surveys/rounds/${roundId}/results`)).json();
    // mean 75; s = √((25² + 0 + 0 + 25²) / 3) = 20.412; 1.96 · 20.412 / √4 = 20.004; × √((N − 4) / (N − 1)) with N shops in the frame.
    const N = r.population;
    expect(N).toBeGreaterThan(200);
    const expected = Math.round(20.004 * Math.sqrt((N - 4) / (N - 1)) * 100) / 100;
    expect(r.overall).toMatchObject({ n: 4, mean: 75 });
    expect(r.overall.moe).toBeCloseTo(expected, 1);
    expect(r.dimensions.find((d: { code: string }) => d.code === 'supply')).toMatchObject({ n: 4, mean: 75, label: '卷烟供应' });
    const w = r.byWorker.find((x: { workerId: number }) => x.workerId === worker1);
    expect(w).toMatchObject({ n: 4, mean: 75 });
    expect(w.moe).toBeGreaterThan(0);
    expect(r.previousRound).not.toBeNull(); // the earlier test round of the same questionnaire
    // Each question's spread: the scale's points, the single choice's options; free text is not charted.
    const q = (id: string) => r.questions.find((x: { id: string }) => x.id === id);
    expect(q('supply_fit')).toMatchObject({ n: 4, kind: 'scale' });
    expect(q('supply_fit').counts.map((c: { n: number }) => c.n)).toEqual([0, 0, 1, 2, 1]);
    expect(q('met_manager').counts).toEqual([{ value: 'yes', label: '拜访过', n: 4 }, { value: 'no', label: '没有', n: 0 }]);
    expect(q('service_why')).toBeUndefined();
    // The station head sees their station only; the grid worker their grids.
    const mine = (await t.api(cookie.grid_worker, 'GET', `/api/surveys/rounds/${roundId}/results`)).json();
    expect(mine.byWorker.map((x: { workerId: number }) => x.workerId)).toEqual([worker1]);
  });

  it('takes the retailer’s own answer on their phone once', async () => {
    const mine = (await t.api(cookie.retailer, 'GET', '/api/my/surveys')).json();
    expect(mine.items.some((i: { roundId: number; answeredAt: string | null }) => i.roundId === roundId && i.answeredAt === null)).toBe(true);
    const res = await t.api(cookie.retailer, 'POST', `/api/my/surveys/${roundId}/answers`, { answers: sheet(2) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().score).toBe(25);
    expect((await t.api(cookie.retailer, 'POST', `/api/my/surveys/${roundId}/answers`, { answers: sheet(2) })).json().code).toBe('survey_already_answered');
  });

  it('texts a signed link through the notices outbox; the link answers once, a forged one never', async () => {
    const target = gridShops[5];
    const res = await t.api(cookie.county_manager, 'POST', `/api/surveys/rounds/${roundId}/invitations`, { retailerIds: [target] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ invited: 1, deliveries: 1 });
    const [notice] = await query<{ smsText: string; channel: string }>(
      t.database.db,
      sql`select n.sms_text as "smsText", d.channel from notices n join notice_deliveries d on d.notice_id = n.id where n.retailer_id = ${target} and n.template = 'survey_invite'`,
    );
    expect(notice.channel).toBe('sms');
    const token = /\/s\/([^\s]+)/.exec(notice.smsText)![1];
    const page = await t.api(null, 'GET', `/api/public/surveys/${token}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().definition.questions.length).toBeGreaterThan(5);
    const forged = token.slice(0, -3) + (token.endsWith('AAA') ? 'BBB' : 'AAA');
    expect((await t.api(null, 'GET', `/api/public/surveys/${forged}`)).json().code).toBe('survey_link_invalid');
    expect((await t.api(null, 'POST', `/api/public/surveys/${forged}`, { answers: sheet(5) })).statusCode).toBe(404);
    const first = await t.api(null, 'POST', `/api/public/surveys/${token}`, { answers: sheet(5) });
    expect(first.statusCode, first.body).toBe(201);
    const again = await t.api(null, 'POST', `/api/public/surveys/${token}`, { answers: sheet(1) });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('survey_link_used');
    const [stored] = await query<{ channel: string; score: number }>(t.database.db, sql`select channel, score::float8 as score from survey_responses where round_id = ${roundId} and retailer_id = ${target}`);
    expect(stored).toEqual({ channel: 'sms', score: 100 });
  });

  it('gives the measures job the latest satisfaction score of each shop, and none for shops never surveyed', async () => {
    const scores = await loadSatisfactionScores(t.database.db, orgId);
    // A 2 on the hotline skips the settlement question: 8 scored questions fed the score.
    expect(scores.get(own)).toMatchObject({ score: 25, roundId, answers: 8 });
    expect(scores.get(gridShops[0])).toMatchObject({ score: 100, roundId });
    const [{ never }] = await query<{ never: number }>(t.database.db, sql`select r.id as never from retailers r where r.org_id = ${orgId} and not exists (select 1 from survey_responses p where p.retailer_id = r.id) limit 1`);
    expect(scores.has(never)).toBe(false);
  });

  it('refuses answers once the round is closed', async () => {
    expect((await t.api(cookie.county_manager, 'POST', `/api/surveys/rounds/${roundId}/close`)).statusCode).toBe(200);
    const res = await t.api(cookie.call_agent, 'POST', `/api/surveys/rounds/${roundId}/answers`, { retailerId: gridShops[4], answers: sheet(4) });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('survey_round_closed');
  });
});

describe('the demo county', () => {
  it('has a finished round with answers of realistic spread and an open one', async () => {
    const rounds = (await t.api(cookie.county_manager, 'GET', '/api/surveys/rounds')).json().items;
    const closed = rounds.find((r: { name: string }) => r.name === '三季度零售客户满意度调查');
    expect(closed).toMatchObject({ status: 'closed' });
    expect(closed.answered / closed.sampled).toBeGreaterThan(0.7);
    expect(rounds.find((r: { name: string }) => r.name === '四季度零售客户满意度调查')).toMatchObject({ status: 'open' });
    const r = (await t.api(cookie.county_manager, 'GET', `/api/surveys/rounds/${closed.id}/results`)).json();
    expect(r.overall.mean).toBeGreaterThan(50);
    expect(r.overall.mean).toBeLessThan(90);
    expect(r.overall.moe).toBeGreaterThan(1);
    const means = r.byGrid.map((g: { mean: number | null }) => g.mean).filter((m: number | null) => m !== null);
    expect(Math.max(...means) - Math.min(...means)).toBeGreaterThan(5);
    expect(closed.byChannel.sms).toBeGreaterThan(0);
    expect(closed.byChannel.agent).toBeGreaterThan(0);
    // The income share (a number question) as a histogram over its 0–100 range, ten bins of ten, holding every answer.
    const income = r.questions.find((x: { id: string }) => x.id === 'profit_share');
    expect(income.bins.map((b: { from: number }) => b.from)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(income.bins.reduce((s: number, b: { n: number }) => s + b.n, 0)).toBe(income.n);
    expect(income.n).toBeGreaterThan(0);
    expect(income.mean).toBeGreaterThan(25);
    expect(income.mean).toBeLessThan(75);
    expect(r.questions.find((x: { id: string }) => x.id === 'wishes').kind).toBe('multi');
  });

  it('had the demo retailer answer last quarter on their phone, and leaves this round to them', async () => {
    const open = (await t.api(cookie.county_manager, 'GET', '/api/surveys/rounds')).json().items.find((r: { name: string }) => r.name === '四季度零售客户满意度调查');
    const mine = (await t.api(cookie.retailer, 'GET', '/api/my/surveys')).json().items;
    expect(mine.find((i: { roundId: number }) => i.roundId === open.id)).toMatchObject({ answeredAt: null });
    const [answered] = await query<{ channel: string }>(
      t.database.db,
      sql`select p.channel from survey_responses p join survey_rounds ro on ro.id = p.round_id where p.retailer_id = ${own} and ro.name = '三季度零售客户满意度调查'`,
    );
    expect(answered).toEqual({ channel: 'app' });
  });
});
