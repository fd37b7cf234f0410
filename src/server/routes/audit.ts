import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../app/context.js';
import { findAuditEntries } from '../../app/audit/find-audit-entries.js';
import { idParamSchema, textSchema } from '../../shared/primitives.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';

const auditQuery = z.object({
  action: textSchema.max(30).optional(),
  retailerId: idParamSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const auditRow = z.object({
  id: z.number(),
  at: z.string(),
  userName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityIds: z.array(z.number()),
  detail: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});

export function auditRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/audit',
    {
      preHandler: requirePermission('audit.read'),
      schema: { tags: ['audit'], querystring: auditQuery, response: { 200: z.object({ items: z.array(auditRow) }) } },
    },
    async (req) => {
      const v = viewerOf(req);
      return { items: await findAuditEntries(db, v, req.query) };
    },
  );
}
