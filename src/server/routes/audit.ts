import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../app/context.js';
import { findAuditEntries } from '../../app/audit/find-audit-entries.js';
import { auditListSchema, auditQuerySchema as auditQuery } from '../../shared/audit.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';

export function auditRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/audit',
    {
      preHandler: requirePermission('audit.read'),
      schema: { tags: ['audit'], querystring: auditQuery, response: { 200: auditListSchema } },
    },
    async (req) => {
      const v = viewerOf(req);
      return { items: await findAuditEntries(db, v, req.query) };
    },
  );
}
