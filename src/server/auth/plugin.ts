// Resolves the session cookie to a Viewer on every /api request and offers
// `requirePermission` for routes. Unauthenticated requests get 401.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../app/context.js';
import { findViewerBySession } from '../../app/auth/session-queries.js';
import { can, type Permission } from '../../domain/access/permissions.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../errors.js';
import { ViewerCache } from './viewer-cache.js';

export const SESSION_COOKIE = 'zy_session';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
  }
}

/** Resolves sessions on every request; returns the cache so that logout can forget a token. */
export function registerAuth(app: FastifyInstance, db: Db, now: () => Date, cache = new ViewerCache()): ViewerCache {
  app.decorateRequest('viewer', null);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const at = now();
    const cached = cache.get(token, at);
    if (cached) {
      req.viewer = cached;
      return;
    }
    const found = await findViewerBySession(db, token, at);
    req.viewer = found?.viewer ?? null;
    if (found) cache.set(token, found.viewer, found.expiresAt);
  });
  return cache;
}

/** The viewer, or 401 when nobody is logged in. */
export function viewerOf(req: FastifyRequest): Viewer {
  if (!req.viewer) throw new AppError('unauthenticated');
  return req.viewer;
}

/** preHandler: logged in and holding the permission, or 401/403. */
export function requirePermission(permission: Permission) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    const viewer = viewerOf(req);
    if (!can(viewer.role, permission)) throw new AppError('forbidden');
  };
}
