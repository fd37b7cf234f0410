// Notices (issue 16): everyone's inbox and bell; staff send notices to the
// shops of their scope (county-wide SMS after approval), preview them with a
// real shop, read a shop's notice trail and the delivery report.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../app/context.js';
import { createCampaign, decideCampaign, findCampaigns, previewNotice } from '../../app/notices/campaigns.js';
import { countUnread, findInbox, markAllRead, markNoticeRead } from '../../app/notices/inbox.js';
import { findRetailerNotices, getNoticePreferences, noticeReport, setNoticePreferences } from '../../app/notices/notice-report.js';
import { idParams } from '../../shared/primitives.js';
import {
  campaignDecisionSchema,
  campaignListSchema,
  campaignSchema,
  createCampaignSchema,
  inboxQuerySchema,
  inboxSchema,
  markAllReadSchema,
  markReadSchema,
  noticeIdParams,
  noticePreferencesSchema,
  noticeReportQuerySchema,
  noticeReportSchema,
  previewResultSchema,
  previewSchema,
  retailerNoticesSchema,
  unreadSchema,
} from '../../shared/notices.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';

export type NoticeRouteDeps = { db: Db; now: () => Date };

export function noticeRoutes(app: FastifyInstance, { db, now }: NoticeRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notices'];
  const read = requirePermission('notice.read');

  r.get('/api/notices', { preHandler: read, schema: { tags, querystring: inboxQuerySchema, response: { 200: inboxSchema } } }, async (req) =>
    findInbox(db, viewerOf(req), now(), { unreadOnly: req.query.unread === '1', limit: req.query.limit }),
  );
  r.get('/api/notices/unread', { preHandler: read, schema: { tags, response: { 200: unreadSchema } } }, async (req) => ({ unread: await countUnread(db, viewerOf(req), now()) }));
  r.post('/api/notices/:id/read', { preHandler: read, schema: { tags, params: noticeIdParams, response: { 200: markReadSchema } } }, async (req) =>
    markNoticeRead(db, viewerOf(req), req.params.id, now()),
  );
  r.post('/api/notices/read-all', { preHandler: read, schema: { tags, response: { 200: markAllReadSchema } } }, async (req) => markAllRead(db, viewerOf(req), now()));

  r.get('/api/notices/preferences', { preHandler: requirePermission('notice.preferences'), schema: { tags, response: { 200: noticePreferencesSchema } } }, async (req) =>
    getNoticePreferences(db, viewerOf(req)),
  );
  r.put('/api/notices/preferences', { preHandler: requirePermission('notice.preferences'), schema: { tags, body: noticePreferencesSchema, response: { 200: noticePreferencesSchema } } }, async (req) =>
    setNoticePreferences(db, viewerOf(req), req.body, now()),
  );

  r.post('/api/notices/preview', { preHandler: requirePermission('notice.send'), schema: { tags, body: previewSchema, response: { 200: previewResultSchema } } }, async (req) =>
    previewNotice(db, viewerOf(req), req.body),
  );
  r.get('/api/notice-campaigns', { preHandler: requirePermission('notice.send'), schema: { tags, response: { 200: campaignListSchema } } }, async (req) => ({
    items: await findCampaigns(db, viewerOf(req)),
  }));
  r.post('/api/notice-campaigns', { preHandler: requirePermission('notice.send'), schema: { tags, body: createCampaignSchema, response: { 201: campaignSchema } } }, async (req, reply) =>
    reply.status(201).send(await createCampaign(db, viewerOf(req), req.body, now())),
  );
  r.post('/api/notice-campaigns/:id/decision', { preHandler: requirePermission('notice.approve'), schema: { tags, params: idParams, body: campaignDecisionSchema, response: { 200: campaignSchema } } }, async (req) =>
    decideCampaign(db, viewerOf(req), req.params.id, req.body.approve, now()),
  );

  r.get('/api/notices/report', { preHandler: requirePermission('notice.report'), schema: { tags, querystring: noticeReportQuerySchema, response: { 200: noticeReportSchema } } }, async (req) =>
    noticeReport(db, viewerOf(req), req.query.days, now()),
  );
  r.get('/api/retailers/:id/notices', { preHandler: requirePermission('notice.trail'), schema: { tags, params: idParams, response: { 200: retailerNoticesSchema } } }, async (req) =>
    findRetailerNotices(db, viewerOf(req), req.params.id, now()),
  );
}
