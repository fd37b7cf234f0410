// Customer representatives (客户代表制、形象店): ranked candidates, invitations
// within the cap, the shop's own answer and exit, and reviews with a reason.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { writeAudit } from '../../app/audit/audit.js';
import type { Db } from '../../app/context.js';
import {
  capStatus,
  findCandidates,
  findRepresentatives,
  getRepresentative,
  inviteRepresentative,
  reviewRepresentative,
  reviewSuggestions,
  setCapPct,
  setRepresentativeStatus,
} from '../../app/rating/representatives.js';
import { validateCapPct } from '../../domain/rating/representatives.js';
import {
  candidatesSchema,
  capSettingsSchema,
  capStatusSchema,
  exitRepresentativeSchema,
  invitedSchema,
  inviteRepresentativeSchema,
  representativeIdParams as idParams,
  representativesSchema,
  respondedSchema,
  respondRepresentativeSchema,
  reviewedSchema,
  reviewRepresentativeSchema,
} from '../../shared/representatives.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';
import { AppError } from '../errors.js';

export type RepresentativeRouteDeps = { db: Db; now: () => Date };

const tags = ['representatives'];

export function representativeRoutes(app: FastifyInstance, { db, now }: RepresentativeRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Everyone with a rating sees the programme within their scope (a retailer: their own invitation).
  r.get('/api/representatives', { preHandler: requirePermission('rating.read'), schema: { tags, response: { 200: representativesSchema } } }, async (req) => {
    const viewer = viewerOf(req);
    const [items, cap] = await Promise.all([findRepresentatives(db, viewer), capStatus(db, viewer.orgId)]);
    return { ...cap, items };
  });

  r.get('/api/representatives/candidates', { preHandler: requirePermission('rating.review'), schema: { tags, response: { 200: candidatesSchema } } }, async (req) => {
    const viewer = viewerOf(req);
    const [items, suggestions] = await Promise.all([findCandidates(db, viewer, 100), reviewSuggestions(db, viewer)]);
    return { items, suggestions };
  });

  r.put(
    '/api/representatives/settings',
    { preHandler: requirePermission('rating.manage'), schema: { tags, body: capSettingsSchema, response: { 200: capStatusSchema } } },
    async (req) => {
      const viewer = viewerOf(req);
      if (validateCapPct(req.body.capPct)) throw new AppError('representative_cap_invalid', [{ field: 'capPct', code: 'representative_cap_invalid' }]);
      await setCapPct(db, viewer, req.body.capPct);
      await writeAudit(db, viewer, { action: 'update', entity: 'representative_settings', detail: { capPct: req.body.capPct }, ip: req.ip }, now());
      return capStatus(db, viewer.orgId);
    },
  );

  r.post(
    '/api/representatives',
    { preHandler: requirePermission('rating.manage'), schema: { tags, body: inviteRepresentativeSchema, response: { 201: invitedSchema } } },
    async (req, reply) => {
      const viewer = viewerOf(req);
      const id = await inviteRepresentative(db, viewer, req.body.retailerId);
      await writeAudit(db, viewer, { action: 'update', entity: 'customer_representative', entityIds: [req.body.retailerId], detail: { invite: id }, ip: req.ip }, now());
      return reply.status(201).send({ id });
    },
  );

  // Two-way choice: only the shop itself answers an invitation, and only the shop leaves of its own accord.
  r.post(
    '/api/representatives/:id/respond',
    { preHandler: requirePermission('representative.respond'), schema: { tags, params: idParams, body: respondRepresentativeSchema, response: { 200: respondedSchema } } },
    async (req) => {
      const viewer = viewerOf(req);
      const rep = await getRepresentative(db, viewer, req.params.id);
      await setRepresentativeStatus(db, rep.id, 'invited', req.body.accept ? 'active' : 'declined', null);
      return { id: rep.id, status: req.body.accept ? ('active' as const) : ('declined' as const) };
    },
  );

  r.post(
    '/api/representatives/:id/exit',
    { preHandler: requirePermission('representative.respond'), schema: { tags, params: idParams, body: exitRepresentativeSchema, response: { 200: respondedSchema } } },
    async (req) => {
      const viewer = viewerOf(req);
      const rep = await getRepresentative(db, viewer, req.params.id);
      await setRepresentativeStatus(db, rep.id, 'active', 'exited', req.body.reason);
      return { id: rep.id, status: 'exited' as const };
    },
  );

  r.post(
    '/api/representatives/:id/review',
    {
      preHandler: requirePermission('rating.manage'),
      schema: { tags, params: idParams, body: reviewRepresentativeSchema, response: { 200: reviewedSchema } },
    },
    async (req) => {
      const viewer = viewerOf(req);
      await reviewRepresentative(db, viewer, req.params.id, req.body.outcome, req.body.reason);
      await writeAudit(db, viewer, { action: 'update', entity: 'customer_representative', entityIds: [req.params.id], detail: req.body, ip: req.ip }, now());
      return { id: req.params.id, outcome: req.body.outcome };
    },
  );
}
