// The service desk (issue 15): cases from every channel, working them, 回访,
// rewards, the deadline policy and the figures; the retailer's own cases.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../app/context.js';
import { createCase } from '../../app/desk/create-case.js';
import { getCasePhoto } from '../../app/desk/case-photos.js';
import { readCaseForm } from '../case-form.js';
import { findCases, findCasesForExport, findMyCases } from '../../app/desk/find-cases.js';
import { writeAudit } from '../../app/audit/audit.js';
import { sendTableFile, tableFile } from '../table-file.js';
import { getCaseDetail } from '../../app/desk/get-case.js';
import { addNote, closeCase, logCall, reassignCase, recordForward, replyToRetailer } from '../../app/desk/work-case.js';
import { recordSurvey } from '../../app/desk/record-survey.js';
import { getDeskPolicy, saveDeskPolicy } from '../../app/desk/desk-policy.js';
import { deskStats } from '../../app/desk/desk-stats.js';
import { findRewards, moveReward, proposeReward } from '../../app/desk/rewards.js';
import {
  callSchema,
  causeLabel,
  casePhotoParams,
  caseCreatedSchema,
  caseDetailSchema,
  caseExportQuerySchema,
  caseListQuerySchema,
  caseListSchema,
  closeSchema,
  DESK_CATEGORIES,
  deskLabel,
  deskPolicyRulesSchema,
  deskPolicySchema,
  deskStatsSchema,
  forwardSchema,
  isCategory,
  myCasesSchema,
  noteSchema,
  okSchema,
  reassignSchema,
  replySchema,
  rewardDecideSchema,
  rewardListSchema,
  rewardProposeSchema,
  statsExportQuerySchema,
  statsQuerySchema,
  type DeskStats,
  surveySchema,
  SURVEY_RESULTS,
} from '../../shared/desk.js';
import { fileDay, formatFileTime } from '../../shared/format.js';
import { fileResponseSchema, idParams } from '../../shared/primitives.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';
import { sendStoredImage } from '../stored-image.js';

export type DeskRouteDeps = { db: Db; now: () => Date };

export function deskRoutes(app: FastifyInstance, { db, now }: DeskRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['desk'];

  // JSON, or multipart with photos (readCaseForm: the case as JSON in the field `case`, files under `photos`).
  const caseForm = { tags, consumes: ['application/json', 'multipart/form-data'], response: { 201: caseCreatedSchema } };
  r.post('/api/desk/cases', { preHandler: requirePermission('desk.create'), schema: caseForm }, async (req, reply) => {
    const { input, photos } = await readCaseForm(req);
    return reply.status(201).send(await createCase(db, viewerOf(req), input, now(), photos));
  });
  r.get('/api/desk/cases', { preHandler: requirePermission('desk.read'), schema: { tags, querystring: caseListQuerySchema, response: { 200: caseListSchema } } }, async (req) => ({
    items: await findCases(db, viewerOf(req), req.query, now()),
  }));
  r.get('/api/desk/cases/export', { preHandler: requirePermission('desk.read'), schema: { tags, querystring: caseExportQuerySchema, response: { 200: fileResponseSchema } } }, async (req, reply) => {
    const v = viewerOf(req);
    const { format, lang, ...filter } = req.query;
    const at = now();
    const items = await findCasesForExport(db, v, filter, at);
    const body = await tableFile(format, lang === 'zh' ? '工单' : 'Cases', CASE_HEADERS[lang], items.map((c) => caseRow(c, lang)), [8, 8, 22, 26, 14, 24, 10, 10, 10, 18, 18, 18, 12, 10, 8, 10, 50]);
    await writeAudit(db, v, { action: 'export', entity: 'desk_case', entityIds: items.map((c) => c.id), detail: { ...filter, format, count: items.length } }, at);
    const day = fileDay(at);
    return sendTableFile(reply, [`工单_${day}`, `cases-${day}`], format, body);
  });
  r.get('/api/desk/cases/:id/photos/:seq', { preHandler: requirePermission('desk.read'), schema: { tags, params: casePhotoParams, response: { 200: fileResponseSchema } } }, async (req, reply) =>
    sendPhoto(reply, req.params, await getCasePhoto(db, viewerOf(req), req.params.id, req.params.seq)),
  );
  r.get('/api/desk/cases/:id', { preHandler: requirePermission('desk.read'), schema: { tags, params: idParams, response: { 200: caseDetailSchema } } }, async (req) =>
    getCaseDetail(db, viewerOf(req), req.params.id, now()),
  );
  r.post('/api/desk/cases/:id/notes', { preHandler: requirePermission('desk.work'), schema: { tags, params: idParams, body: noteSchema, response: { 200: okSchema } } }, async (req) =>
    addNote(db, viewerOf(req), req.params.id, req.body.text, now()),
  );
  r.post('/api/desk/cases/:id/calls', { preHandler: requirePermission('desk.work'), schema: { tags, params: idParams, body: callSchema, response: { 200: okSchema } } }, async (req) =>
    logCall(db, viewerOf(req), req.params.id, req.body, now()),
  );
  r.post('/api/desk/cases/:id/reply', { preHandler: requirePermission('desk.work'), schema: { tags, params: idParams, body: replySchema, response: { 200: okSchema } } }, async (req) =>
    replyToRetailer(db, viewerOf(req), req.params.id, req.body, now()),
  );
  r.post('/api/desk/cases/:id/close', { preHandler: requirePermission('desk.work'), schema: { tags, params: idParams, body: closeSchema, response: { 200: okSchema } } }, async (req) =>
    closeCase(db, viewerOf(req), req.params.id, req.body, now()),
  );
  r.post('/api/desk/cases/:id/reassign', { preHandler: requirePermission('desk.assign'), schema: { tags, params: idParams, body: reassignSchema, response: { 200: okSchema } } }, async (req) =>
    reassignCase(db, viewerOf(req), req.params.id, req.body, now()),
  );
  r.post('/api/desk/cases/:id/forward', { preHandler: requirePermission('desk.work'), schema: { tags, params: idParams, body: forwardSchema, response: { 200: okSchema } } }, async (req) =>
    recordForward(db, viewerOf(req), req.params.id, req.body, now()),
  );
  r.post('/api/desk/cases/:id/survey', { preHandler: requirePermission('desk.survey'), schema: { tags, params: idParams, body: surveySchema, response: { 200: okSchema } } }, async (req) =>
    recordSurvey(db, viewerOf(req), req.params.id, req.body, now()),
  );
  r.post('/api/desk/cases/:id/rewards', { preHandler: requirePermission('desk.reward'), schema: { tags, params: idParams, body: rewardProposeSchema, response: { 200: okSchema } } }, async (req) =>
    proposeReward(db, viewerOf(req), req.params.id, req.body, now()),
  );
  r.post('/api/desk/rewards/:id/decision', { preHandler: requirePermission('desk.reward.approve'), schema: { tags, params: idParams, body: rewardDecideSchema, response: { 200: okSchema } } }, async (req) =>
    moveReward(db, viewerOf(req), req.params.id, req.body.approve ? 'approved' : 'rejected', now()),
  );
  r.post('/api/desk/rewards/:id/given', { preHandler: requirePermission('desk.reward'), schema: { tags, params: idParams, response: { 200: okSchema } } }, async (req) =>
    moveReward(db, viewerOf(req), req.params.id, 'given', now()),
  );
  r.get('/api/desk/rewards', { preHandler: requirePermission('desk.reward'), schema: { tags, response: { 200: rewardListSchema } } }, async (req) => ({ items: await findRewards(db, viewerOf(req)) }));
  r.get('/api/desk/policy', { preHandler: requirePermission('desk.read'), schema: { tags, response: { 200: deskPolicySchema } } }, async (req) => getDeskPolicy(db, viewerOf(req).orgId));
  r.put('/api/desk/policy', { preHandler: requirePermission('desk.policy'), schema: { tags, body: deskPolicyRulesSchema, response: { 200: deskPolicySchema } } }, async (req) =>
    saveDeskPolicy(db, viewerOf(req), req.body, now()),
  );
  r.get('/api/desk/stats/export', { preHandler: requirePermission('desk.stats'), schema: { tags, querystring: statsExportQuerySchema, response: { 200: fileResponseSchema } } }, async (req, reply) => {
    const v = viewerOf(req);
    const { format, lang, ...q } = req.query;
    const at = now();
    const s = await deskStats(db, v, q, at);
    const body = await tableFile(format, lang === 'zh' ? '工单分析' : 'Desk analysis', STATS_HEADERS[lang], statsRows(s, lang), [14, 30, 10, 10, 10, 10]);
    await writeAudit(db, v, { action: 'export', entity: 'desk_stats', detail: { ...q, from: s.from, to: s.to, format } }, at);
    return sendTableFile(reply, [`工单分析_${s.from}_${s.to}`, `desk-analysis-${s.from}-${s.to}`], format, body);
  });
  r.get('/api/desk/stats', { preHandler: requirePermission('desk.stats'), schema: { tags, querystring: statsQuerySchema, response: { 200: deskStatsSchema } } }, async (req) =>
    deskStats(db, viewerOf(req), req.query, now()),
  );

  // The retailer on their phone: their cases, filing one, answering the 回访.
  r.get('/api/my/cases', { preHandler: requirePermission('desk.mine'), schema: { tags, response: { 200: myCasesSchema } } }, async (req) => ({ items: await findMyCases(db, viewerOf(req)) }));
  r.post('/api/my/cases', { preHandler: requirePermission('desk.mine'), schema: caseForm }, async (req, reply) => {
    const { input, photos } = await readCaseForm(req);
    return reply.status(201).send(await createCase(db, viewerOf(req), input, now(), photos));
  });
  r.get('/api/my/cases/:id/photos/:seq', { preHandler: requirePermission('desk.mine'), schema: { tags, params: casePhotoParams, response: { 200: fileResponseSchema } } }, async (req, reply) =>
    sendPhoto(reply, req.params, await getCasePhoto(db, viewerOf(req), req.params.id, req.params.seq)),
  );
  r.post('/api/my/cases/:id/survey', { preHandler: requirePermission('desk.mine'), schema: { tags, params: idParams, body: surveySchema, response: { 200: okSchema } } }, async (req) =>
    recordSurvey(db, viewerOf(req), req.params.id, req.body, now()),
  );
}

function sendPhoto(reply: FastifyReply, p: { id: number; seq: number }, photo: { contentType: string; bytes: Buffer }) {
  return sendStoredImage(reply, `case-${p.id}-${p.seq}`, photo);
}

const STATS_HEADERS = {
  zh: ['分组', '项目', '件数', '按时', '超时', '达成率'],
  en: ['Group', 'Item', 'Cases', 'On time', 'Breached', 'Attainment'],
};

/** The analysis as rows: attainment tables, then causes, months and 回访 with the columns that apply. */
function statsRows(s: DeskStats, lang: 'zh' | 'en'): (string | number)[][] {
  const zh = lang === 'zh';
  const rate = (a: number, b: number) => (b ? `${Math.round((100 * a) / b)}%` : '');
  const attain = (group: string, rows: DeskStats['byHandler'], label: (r: DeskStats['byHandler'][number]) => string) =>
    rows.map((r) => [group, label(r), r.total, r.onTime, r.breached, rate(r.onTime, r.total)]);
  const cat = (c: string) => (isCategory(c) ? DESK_CATEGORIES[c][lang] : c);
  return [
    ...attain(zh ? '按类别' : 'By category', s.byCategory, (r) => cat(r.key)),
    ...attain(zh ? '按承办人' : 'By handler', s.byHandler, (r) => r.label),
    ...attain(zh ? '按服务站' : 'By station', s.byStation, (r) => r.label),
    ...s.pareto.map((p) => [zh ? '原因' : 'Cause', `${cat(p.category)} · ${causeLabel(p.category, p.cause, lang)}`, p.count, '', '', '']),
    ...s.monthly.map((m) => [zh ? '月度（登记/办结/超时）' : 'Month (opened/closed/breached)', m.month, m.opened, m.closed, m.breached, '']),
    ...SURVEY_RESULTS.map((r) => [zh ? '回访' : '回访 (callback survey)', deskLabel('survey', r, lang), s.surveys[r], '', '', '']),
    [zh ? '重开' : 'Reopened', zh ? '办结后重开' : 'Reopened after closing', s.reopened, '', '', rate(s.reopened, s.closed + s.reopened)],
  ];
}

const CASE_HEADERS = {
  zh: ['编号', '类型', '零售户', '类别', '客户编码', '原因', '渠道', '归口', '状态', '受理时间', '时限', '办结时间', '办结方式', '按时', '重开', '回访', '内容'],
  en: ['No.', 'Kind', 'Retailer', 'Category', 'Customer code', 'Cause', 'Channel', 'Jurisdiction', 'Status', 'Opened', 'Due', 'Closed', 'Resolution', 'On time', 'Reopened', 'Callback', 'Text'],
};

function caseRow(c: Awaited<ReturnType<typeof findCasesForExport>>[number], lang: 'zh' | 'en') {
  const yes = lang === 'zh' ? '是' : 'yes';
  const no = lang === 'zh' ? '否' : 'no';
  return [
    c.id,
    deskLabel('kind', c.kind, lang),
    c.shopName,
    isCategory(c.category) ? DESK_CATEGORIES[c.category][lang] : c.category,
    c.customerCode,
    causeLabel(c.category, c.cause, lang),
    deskLabel('channel', c.channel, lang),
    deskLabel('jurisdiction', c.jurisdiction, lang),
    deskLabel('status', c.status, lang),
    formatFileTime(c.openedAt),
    formatFileTime(c.dueAt),
    formatFileTime(c.closedAt),
    c.resolution ? deskLabel('resolution', c.resolution, lang) : '',
    c.attained === null ? '' : c.attained ? yes : no,
    c.reopenCount,
    c.surveyResult ? deskLabel('survey', c.surveyResult, lang) : '',
    c.text,
  ];
}
