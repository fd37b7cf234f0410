// Resolves the session cookie to a Viewer on every request and offers
// `requirePermission` for routes. A protected route answers 401 in onRequest,
// before its body is read, parsed or validated: an anonymous caller can neither
// make the server read a large body nor learn field names from a 400.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../app/context.js';
import { findViewerBySession } from '../../app/auth/session-queries.js';
import { can, type Permission } from '../../domain/access/permissions.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../errors.js';
import { ViewerCache } from './viewer-cache.js';
import { checkRegionalRoute, scopeViewer } from './regional.js';

export const SESSION_COOKIE = 'zy_session';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
  }
}

/** The API routes anyone may call: what the login page needs, and logging in and out. */
export const PUBLIC_API_ROUTES: ReadonlySet<string> = new Set([
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/config',
  // A survey's SMS link: the signed token is the credential (decision 1705).
  'GET /api/public/surveys/:token',
  'POST /api/public/surveys/:token',
]);

/**
 * What a user whose password must be changed (decisions 0860, 0861) may call besides the public routes: who they
 * are, and the change itself. Everything else answers 403 `password_change_required` until it is changed.
 */
export const PASSWORD_CHANGE_ROUTES: ReadonlySet<string> = new Set(['GET /api/me', 'POST /api/auth/password']);

/** True when the matched route needs a logged-in viewer. */
export function isProtectedRoute(method: string, routeUrl: string | undefined, protectDocs: boolean): boolean {
  if (!routeUrl) return false; // no route: the 404 handler answers
  if (protectDocs && (routeUrl === '/docs' || routeUrl.startsWith('/docs/'))) return true;
  if (!routeUrl.startsWith('/api/')) return false;
  return !PUBLIC_API_ROUTES.has(`${method === 'HEAD' ? 'GET' : method} ${routeUrl}`);
}

/**
 * Resolves sessions on every request and refuses protected routes without one;
 * returns the cache so that logout can forget a token. `protectDocs` puts
 * /docs and /docs/json behind the login too (production).
 */
export function registerAuth(app: FastifyInstance, db: Db, now: () => Date, cache = new ViewerCache(), opts: { protectDocs?: boolean } = {}): ViewerCache {
  app.decorateRequest('viewer', null);
  app.addHook('onRequest', async (req, reply) => {
    req.viewer = await resolveViewer(req.cookies[SESSION_COOKIE]);
    if (!req.viewer && isProtectedRoute(req.method, req.routeOptions.url, opts.protectDocs ?? false)) {
      closeUnreadBody(req, reply);
      throw new AppError('unauthenticated');
    }
    // A password someone else chose is changed before anything else (decision 0861): refused before the body is read.
    const routeKey = `${req.method === 'HEAD' ? 'GET' : req.method} ${req.routeOptions.url}`;
    if (req.viewer?.mustChangePassword && isProtectedRoute(req.method, req.routeOptions.url, false) && !PASSWORD_CHANGE_ROUTES.has(routeKey)) {
      // Read afresh before refusing: another process may have served the change a moment ago.
      req.viewer = await resolveViewer(req.cookies[SESSION_COOKIE], true);
      if (!req.viewer || req.viewer.mustChangePassword) {
        closeUnreadBody(req, reply);
        throw new AppError(req.viewer ? 'password_change_required' : 'unauthenticated');
      }
    }
    // The org tree (decision 1910): a province or city user drilled into a county reads it and writes nothing there.
    // Public routes (logging in again, logging out, the login page's config) are never refused for it.
    if (req.viewer && req.routeOptions.url?.startsWith('/api/') && isProtectedRoute(req.method, req.routeOptions.url, false)) {
      try {
        req.viewer = await scopeViewer(db, req, req.viewer);
        checkRegionalRoute(req.viewer, req.method, req.routeOptions.url, req.routeOptions.config.sideEffectFree === true);
      } catch (e) {
        closeUnreadBody(req, reply);
        throw e;
      }
    }
  });
  async function resolveViewer(token: string | undefined, fresh = false): Promise<Viewer | null> {
    if (!token) return null;
    const at = now();
    const cached = fresh ? undefined : cache.get(token, at);
    if (cached) return cached;
    if (fresh) cache.forget(token);
    const found = await findViewerBySession(db, token, at);
    if (found) cache.set(token, found.viewer, found.expiresAt);
    return found?.viewer ?? null;
  }
  return cache;
}

/**
 * A request refused before its body was read: close the connection after the
 * answer, or Node would read (and drop) the whole body to keep it alive.
 */
export function closeUnreadBody(req: FastifyRequest, reply: FastifyReply) {
  const length = Number(req.headers['content-length'] ?? 0);
  if (length > 0 || req.headers['transfer-encoding'] !== undefined) reply.header('connection', 'close');
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
