import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditItemSchema as auditRow, auditListSchema, auditQuerySchema as auditQuery } from '../../shared/audit.js';
import { query, type Db } from '../../db/client.js';
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
      const q = req.query;
      const rows = await query<z.infer<typeof auditRow> & { at: string | Date }>(
        db,
        sql`select a.id::int as id, a.at, u.display_name as "userName", a.action, a.entity, a.entity_ids as "entityIds", a.detail, a.ip
          from audit_log a left join users u on u.id = a.user_id
          where a.org_id = ${v.orgId}
          ${q.action ? sql`and a.action = ${q.action}` : sql``}
          ${q.retailerId ? sql`and a.entity = 'retailer' and ${q.retailerId} = any(a.entity_ids)` : sql``}
          order by a.at desc, a.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
      );
      return { items: rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() })) };
    },
  );
}
