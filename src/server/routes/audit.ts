// 审计日志: the list (filtered by day, person, action and object) and its export.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../app/context.js';
import { writeAudit } from '../../app/audit/audit.js';
import { findAuditEntries, findAuditEntriesForExport, findAuditUsers } from '../../app/audit/find-audit-entries.js';
import { auditActionLabels, auditExportQuerySchema, auditListSchema, auditObjectText, auditQuerySchema as auditQuery, type AuditItem } from '../../shared/audit.js';
import { fileDay, formatFileTime } from '../../shared/format.js';
import { fileResponseSchema } from '../../shared/primitives.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';
import { sendTableFile, tableFile } from '../table-file.js';

function detailText(d: Record<string, unknown>): string {
  return Object.entries(d)
    .map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
    .join('; ');
}

const HEADERS = {
  zh: ['时间', '操作人', '操作', '对象', '详情', 'IP'],
  en: ['When', 'Who', 'Action', 'Object', 'Detail', 'IP'],
};

export function auditRoutes(app: FastifyInstance, { db, now }: { db: Db; now: () => Date }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/audit',
    {
      preHandler: requirePermission('audit.read'),
      schema: { tags: ['audit'], querystring: auditQuery, response: { 200: auditListSchema } },
    },
    async (req) => {
      const v = viewerOf(req);
      return { items: await findAuditEntries(db, v, req.query), users: await findAuditUsers(db, v) };
    },
  );

  r.get(
    '/api/audit/export',
    {
      preHandler: requirePermission('audit.read'),
      schema: { tags: ['audit'], querystring: auditExportQuerySchema, response: { 200: fileResponseSchema } },
    },
    async (req, reply) => {
      const v = viewerOf(req);
      const { format, lang, ...filter } = req.query;
      const items = await findAuditEntriesForExport(db, v, filter);
      const row = (i: AuditItem) => [
        formatFileTime(i.at),
        i.userName ?? (lang === 'zh' ? '系统' : 'System'),
        auditActionLabels[i.action as keyof typeof auditActionLabels]?.[lang] ?? i.action,
        auditObjectText(i, lang),
        detailText(i.detail),
        i.ip ?? '',
      ];
      const body = await tableFile(format, lang === 'zh' ? '审计日志' : 'Audit log', HEADERS[lang], items.map(row), [20, 14, 12, 36, 60, 16]);
      await writeAudit(db, v, { action: 'export', entity: 'audit_log', detail: { ...filter, format, count: items.length } }, now());
      const day = fileDay(now());
      return sendTableFile(reply, [`审计日志_${day}`, `audit-log-${day}`], format, body);
    },
  );
}
