import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../app/context.js';
import { writeAudit } from '../../app/audit/audit.js';
import {
  findMonthlySales,
  findRetailerDetail,
  findRetailerHistory,
  findRetailers,
} from '../../app/retailers/retailer-queries.js';
import { updateRetailer } from '../../app/retailers/retailer-update.js';
import { findRetailerForward } from '../../app/retailers/retailer-forwards.js';
import { piiPolicy } from '../../domain/access/permissions.js';
import { maskChange, unmaskedChangeFields, maskPii, unmaskedFields } from '../../domain/access/mask-retailer.js';
import { nextBirthday } from '../../domain/retailers/birthday.js';
import { fillMonths, lastMonths, trendSlope } from '../../domain/retailers/sales-trend.js';
import type { Viewer } from '../../domain/access/viewer.js';
import {
  retailerCardSchema,
  retailerChangeSchema,
  retailerListQuerySchema,
  retailerListResponseSchema,
  retailerUpdateSchema,
  type RetailerCard,
} from '../../shared/retailer.js';
import { idParams } from '../../shared/primitives.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';
import { AppError } from '../errors.js';
import { maskPhone } from '../../domain/access/masking.js';
import { isPhoneLikeQuery } from '../../domain/retailers/search-tokens.js';

export type RetailerRouteDeps = { db: Db; now: () => Date };


export async function loadCard(db: Db, viewer: Viewer, id: number, now: Date): Promise<RetailerCard> {
  const row = await findRetailerDetail(db, viewer, id);
  if (!row) {
    // A shop that moved to another county: its old county reads where it went, never the file (decision 1902).
    const moved = viewer.role === 'retailer' ? undefined : await findRetailerForward(db, viewer.orgId, id);
    if (moved) throw new AppError('retailer_moved', [], { movedTo: moved });
    throw new AppError('not_found');
  }
  const months = lastMonths(now, 12);
  const sales = await findMonthlySales(db, id, `${months[0]}-01`);
  const filled = fillMonths(months, sales.months);
  const policy = piiPolicy(viewer.role);
  const card = {
    ...row,
    familyMembers: row.familyMembers ?? [],
    specialGroups: row.specialGroups ?? [],
    nextBirthday: nextBirthday(row.birthday, row.birthdayCalendar, now),
    masked: { phone: !policy.phone, family: !policy.family, idNumber: !policy.idNumber },
    sales: {
      months: filled,
      trendPerMonth: Math.round(trendSlope(filled.map((m) => m.qty)) * 100) / 100,
      avgMonthlyQty: Math.round((filled.reduce((a, m) => a + m.qty, 0) / filled.length) * 10) / 10,
      lastOrderDate: sales.lastOrderDate,
    },
  };
  return maskPii(card, policy);
}

export function retailerRoutes(app: FastifyInstance, { db, now }: RetailerRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/retailers',
    {
      preHandler: requirePermission('retailer.list'),
      schema: { tags: ['retailers'], querystring: retailerListQuerySchema, response: { 200: retailerListResponseSchema } },
    },
    async (req) => {
      const viewer = viewerOf(req);
      const { total, totalCapped, items } = await findRetailers(db, viewer, req.query);
      const policy = piiPolicy(viewer.role);
      if (req.query.q && isPhoneLikeQuery(req.query.q)) {
        await writeAudit(db, viewer, { action: 'search', entity: 'retailer', entityIds: items.map((i) => i.id), detail: { q: req.query.q, via: 'list' }, ip: req.ip }, now());
      }
      if (policy.phone && items.length) {
        await writeAudit(db, viewer, { action: 'view_pii', entity: 'retailer', entityIds: items.map((i) => i.id), detail: { fields: ['phone'], via: 'list' }, ip: req.ip }, now());
      }
      return {
        total,
        totalCapped,
        page: req.query.page,
        pageSize: req.query.pageSize,
        items: items.map((i) => ({ ...i, phone: policy.phone ? i.phone : maskPhone(i.phone), phoneMasked: !policy.phone })),
      };
    },
  );

  r.get(
    '/api/retailers/:id',
    {
      preHandler: requirePermission('retailer.read'),
      schema: { tags: ['retailers'], params: idParams, response: { 200: retailerCardSchema } },
    },
    async (req) => {
      const viewer = viewerOf(req);
      const card = await loadCard(db, viewer, req.params.id, now());
      const shown = unmaskedFields(card, piiPolicy(viewer.role));
      if (shown.length) {
        await writeAudit(db, viewer, { action: 'view_pii', entity: 'retailer', entityIds: [card.id], detail: { fields: shown, via: 'card' }, ip: req.ip }, now());
      }
      return card;
    },
  );

  r.patch(
    '/api/retailers/:id',
    {
      preHandler: requirePermission('retailer.update'),
      schema: { tags: ['retailers'], params: idParams, body: retailerUpdateSchema, response: { 200: retailerCardSchema } },
    },
    async (req) => {
      const viewer = viewerOf(req);
      await updateRetailer(db, viewer, req.params.id, req.body, now());
      return loadCard(db, viewer, req.params.id, now());
    },
  );

  r.get(
    '/api/retailers/:id/history',
    {
      preHandler: requirePermission('retailer.history'),
      schema: { tags: ['retailers'], params: idParams, response: { 200: z.array(retailerChangeSchema) } },
    },
    async (req) => {
      const viewer = viewerOf(req);
      // Not found and out of scope look the same.
      if (!(await findRetailerDetail(db, viewer, req.params.id))) throw new AppError('not_found');
      const policy = piiPolicy(viewer.role);
      const rows = await findRetailerHistory(db, viewer, req.params.id);
      // Old and new phone numbers shown in the history are as personal as the card's.
      const shown = unmaskedChangeFields(rows.flatMap((h) => h.changes), policy);
      if (shown.length) {
        await writeAudit(db, viewer, { action: 'view_pii', entity: 'retailer', entityIds: [req.params.id], detail: { fields: shown, via: 'history' }, ip: req.ip }, now());
      }
      return rows.map((h) => ({ ...h, changes: h.changes.map((c) => maskChange(c, policy)) }));
    },
  );
}
