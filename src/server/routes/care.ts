// Care (issue 16 items 6–9): the special-group register and its photos, care
// tasks, disasters (area, shops, checklist, help, freezes, recovery) and
// community activities; the care section of a shop's file.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../app/context.js';
import { createActivity, findActivities, findRetailerCare } from '../../app/care/activities.js';
import { getCarePhoto } from '../../app/care/care-files.js';
import { completeCareTask, findCareTasks } from '../../app/care/care-tasks.js';
import { disasterRecovery } from '../../app/care/disaster-recovery.js';
import { addHelp, findHelpApprovers, freezeDisasterMonths, recordContact } from '../../app/care/disaster-work.js';
import { createDisaster, findDisasters, getDisaster, previewDisasterArea } from '../../app/care/disasters.js';
import { createSpecialGroup, findSpecialGroups, renewSpecialGroup } from '../../app/care/special-groups.js';
import {
  activityCreateSchema,
  activityListSchema,
  activityQuerySchema,
  approverListSchema,
  careOkSchema,
  careTaskDoneSchema,
  careTaskListSchema,
  careTaskQuerySchema,
  contactSchema,
  createdSchema,
  disasterCreateSchema,
  disasterDetailSchema,
  disasterListSchema,
  disasterPreviewResultSchema,
  disasterPreviewSchema,
  freezeResultSchema,
  freezeSchema,
  helpCreateSchema,
  recoverySchema,
  retailerCareSchema,
  specialGroupCreateSchema,
  specialGroupListSchema,
  specialGroupQuerySchema,
  specialGroupRenewSchema,
} from '../../shared/care.js';
import { fileResponseSchema, idParamSchema, idParams } from '../../shared/primitives.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';
import { sendStoredImage } from '../stored-image.js';

export type CareRouteDeps = { db: Db; now: () => Date };

// Photos travel as data URLs (≤ 400 kB of bytes each, four at most).
const PHOTO_BODY = 3 * 1024 * 1024;
const shopParams = z.object({ id: idParamSchema, retailerId: idParamSchema });

export function careRoutes(app: FastifyInstance, { db, now }: CareRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['care'];

  // Special-group register
  r.get('/api/care/special-groups', { preHandler: requirePermission('care.special.read'), schema: { tags, querystring: specialGroupQuerySchema, response: { 200: specialGroupListSchema } } }, async (req) => ({
    items: await findSpecialGroups(db, viewerOf(req), req.query, now()),
  }));
  r.post(
    '/api/care/special-groups',
    { bodyLimit: PHOTO_BODY, preHandler: requirePermission('care.special.manage'), schema: { tags, body: specialGroupCreateSchema, response: { 201: createdSchema } } },
    async (req, reply) => reply.status(201).send(await createSpecialGroup(db, viewerOf(req), req.body, now())),
  );
  r.put(
    '/api/care/special-groups/:id',
    { bodyLimit: PHOTO_BODY, preHandler: requirePermission('care.special.manage'), schema: { tags, params: idParams, body: specialGroupRenewSchema, response: { 200: careOkSchema } } },
    async (req) => renewSpecialGroup(db, viewerOf(req), req.params.id, req.body, now()),
  );
  r.get('/api/care/files/:id', { preHandler: requirePermission('care.read'), schema: { tags, params: idParams, response: { 200: fileResponseSchema } } }, async (req, reply) =>
    sendStoredImage(reply, `care-${req.params.id}`, await getCarePhoto(db, viewerOf(req), req.params.id, now())),
  );

  // Care tasks
  r.get('/api/care/tasks', { preHandler: requirePermission('care.read'), schema: { tags, querystring: careTaskQuerySchema, response: { 200: careTaskListSchema } } }, async (req) => ({
    items: await findCareTasks(db, viewerOf(req), req.query),
  }));
  r.post('/api/care/tasks/:id/done', { preHandler: requirePermission('care.work'), schema: { tags, params: idParams, body: careTaskDoneSchema, response: { 200: careOkSchema } } }, async (req) =>
    completeCareTask(db, viewerOf(req), req.params.id, req.body.note, now()),
  );

  // Disasters
  r.get('/api/care/disasters', { preHandler: requirePermission('care.read'), schema: { tags, response: { 200: disasterListSchema } } }, async (req) => ({ items: await findDisasters(db, viewerOf(req)) }));
  r.post('/api/care/disasters/preview', { preHandler: requirePermission('care.manage'), schema: { tags, body: disasterPreviewSchema, response: { 200: disasterPreviewResultSchema } } }, async (req) => ({
    shops: await previewDisasterArea(db, viewerOf(req), req.body.area),
  }));
  r.post('/api/care/disasters', { preHandler: requirePermission('care.manage'), schema: { tags, body: disasterCreateSchema, response: { 201: createdSchema.extend({ shops: z.number() }) } } }, async (req, reply) =>
    reply.status(201).send(await createDisaster(db, viewerOf(req), req.body, now())),
  );
  r.get('/api/care/disasters/:id', { preHandler: requirePermission('care.read'), schema: { tags, params: idParams, response: { 200: disasterDetailSchema } } }, async (req) =>
    getDisaster(db, viewerOf(req), req.params.id),
  );
  r.put(
    '/api/care/disasters/:id/shops/:retailerId/contact',
    { preHandler: requirePermission('care.work'), schema: { tags, params: shopParams, body: contactSchema, response: { 200: careOkSchema } } },
    async (req) => recordContact(db, viewerOf(req), req.params.id, req.params.retailerId, req.body, now()),
  );
  r.post('/api/care/disasters/:id/help', { preHandler: requirePermission('care.work'), schema: { tags, params: idParams, body: helpCreateSchema, response: { 201: createdSchema } } }, async (req, reply) =>
    reply.status(201).send(await addHelp(db, viewerOf(req), req.params.id, req.body, now())),
  );
  r.post('/api/care/disasters/:id/freeze', { preHandler: requirePermission('care.manage'), schema: { tags, params: idParams, body: freezeSchema, response: { 200: freezeResultSchema } } }, async (req) =>
    freezeDisasterMonths(db, viewerOf(req), req.params.id, req.body.months, now()),
  );
  r.get('/api/care/disasters/:id/recovery', { preHandler: requirePermission('care.read'), schema: { tags, params: idParams, response: { 200: recoverySchema } } }, async (req) =>
    disasterRecovery(db, viewerOf(req), req.params.id, now()),
  );
  r.get('/api/care/approvers', { preHandler: requirePermission('care.work'), schema: { tags, response: { 200: approverListSchema } } }, async (req) => ({
    items: await findHelpApprovers(db, viewerOf(req).orgId),
  }));

  // Community activities
  r.get('/api/care/activities', { preHandler: requirePermission('care.read'), schema: { tags, querystring: activityQuerySchema, response: { 200: activityListSchema } } }, async (req) => ({
    items: await findActivities(db, viewerOf(req), req.query),
  }));
  r.post(
    '/api/care/activities',
    { bodyLimit: PHOTO_BODY * 2, preHandler: requirePermission('care.work'), schema: { tags, body: activityCreateSchema, response: { 201: createdSchema } } },
    async (req, reply) => reply.status(201).send(await createActivity(db, viewerOf(req), req.body, now())),
  );
  r.get('/api/retailers/:id/care', { preHandler: requirePermission('care.read'), schema: { tags, params: idParams, response: { 200: retailerCareSchema } } }, async (req) =>
    findRetailerCare(db, viewerOf(req), req.params.id),
  );
}
