// The county's accounts (decisions 0862, 0863): the administrator lists them,
// opens staff accounts, edits or closes them, and resets a password; a
// generated password is in the answer, once.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../app/context.js';
import { findUsers } from '../../app/users/find-users.js';
import { resetUserPassword } from '../../app/users/reset-user-password.js';
import { createUser } from '../../app/users/create-user.js';
import { updateUser } from '../../app/users/update-user.js';
import { idParams } from '../../shared/primitives.js';
import {
  passwordResetResultSchema,
  userCreatedSchema,
  userCreateSchema,
  userListQuerySchema,
  userListSchema,
  userSummarySchema,
  userUpdateSchema,
} from '../../shared/users.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';
import type { ViewerCache } from '../auth/viewer-cache.js';

export type UserRouteDeps = { db: Db; now: () => Date; viewers: ViewerCache };

export function userRoutes(app: FastifyInstance, { db, now, viewers }: UserRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  const manage = requirePermission('user.manage');

  r.get('/api/users', { preHandler: manage, schema: { tags, querystring: userListQuerySchema, response: { 200: userListSchema } } }, async (req) =>
    findUsers(db, viewerOf(req), req.query),
  );
  r.post('/api/users', { preHandler: manage, schema: { tags, body: userCreateSchema, response: { 201: userCreatedSchema } } }, async (req, reply) => {
    const result = await createUser(db, viewerOf(req), req.body, now());
    reply.header('cache-control', 'no-store');
    return reply.status(201).send(result);
  });
  r.patch('/api/users/:id', { preHandler: manage, schema: { tags, params: idParams, body: userUpdateSchema, response: { 200: userSummarySchema } } }, async (req) => {
    const { user, sessionsEnded } = await updateUser(db, viewerOf(req), req.params.id, req.body, now());
    if (sessionsEnded || !user.active) viewers.forgetUser(user.id);
    return user;
  });
  r.post('/api/users/:id/password-reset', { preHandler: manage, schema: { tags, params: idParams, response: { 200: passwordResetResultSchema } } }, async (req, reply) => {
    const result = await resetUserPassword(db, viewerOf(req), req.params.id, now());
    // This process forgets the ended sessions at once; another process within its cache's few seconds.
    viewers.forgetUser(result.user.id);
    // The temporary password is in this answer only: no cache keeps it.
    reply.header('cache-control', 'no-store');
    return result;
  });
}
