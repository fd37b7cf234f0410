// Notice templates (decision 1135): list, one code's versions, preview of
// unsaved text with a real shop, save a new version (marketing only).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../app/context.js';
import { findTemplates, findTemplateVersions, previewTemplate, saveTemplate } from '../../app/notices/notice-templates.js';
import {
  saveTemplateSchema,
  templateCodeParams,
  templateListSchema,
  templatePreviewResultSchema,
  templatePreviewSchema,
  templateSummarySchema,
  templateVersionsSchema,
} from '../../shared/notice-templates.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';

export type NoticeTemplateRouteDeps = { db: Db; now: () => Date };

export function noticeTemplateRoutes(app: FastifyInstance, { db, now }: NoticeTemplateRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notices'];
  const read = requirePermission('notice.template.read');

  r.get('/api/notice-templates', { preHandler: read, schema: { tags, response: { 200: templateListSchema } } }, async (req) => findTemplates(db, viewerOf(req)));
  r.get('/api/notice-templates/:code/versions', { preHandler: read, schema: { tags, params: templateCodeParams, response: { 200: templateVersionsSchema } } }, async (req) =>
    findTemplateVersions(db, viewerOf(req), req.params.code),
  );
  // A preview renders unsaved text and writes nothing: a province or city user drilled into a county may call it (1660).
  r.post('/api/notice-templates/:code/preview', { preHandler: read, config: { sideEffectFree: true }, schema: { tags, params: templateCodeParams, body: templatePreviewSchema, response: { 200: templatePreviewResultSchema } } }, async (req) =>
    previewTemplate(db, viewerOf(req), req.params.code, req.body, now()),
  );
  r.post(
    '/api/notice-templates/:code/versions',
    { preHandler: requirePermission('notice.template.manage'), schema: { tags, params: templateCodeParams, body: saveTemplateSchema, response: { 201: templateSummarySchema } } },
    async (req, reply) => reply.status(201).send(await saveTemplate(db, viewerOf(req), req.params.code, req.body, now())),
  );
}
