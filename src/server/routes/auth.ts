import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../app/context.js';
import { createSession, deleteSession, findUserByUsername, isPasswordChangeRequired } from '../../app/auth/session-queries.js';
import { changePassword } from '../../app/auth/change-password.js';
import { writeAudit, type AuditEntry } from '../../app/audit/audit.js';
import { menuOf, permissionsOf } from '../../domain/access/permissions.js';
import { readMenuOf, readPermissionsOf } from '../../domain/access/read-only.js';
import { verifyPassword, verifyAgainstDummy } from '../../app/auth/password.js';
import type { LoginThrottle } from '../../app/auth/login-throttle.js';
import { SESSION_COOKIE, viewerOf } from '../auth/plugin.js';
import type { ViewerCache } from '../auth/viewer-cache.js';
import { AppError } from '../errors.js';
import { changePasswordResultSchema, changePasswordSchema, loginSchema, meSchema, type Me } from '../../shared/auth.js';
import { loadOrgTree } from '../../app/org-tree/org-tree-queries.js';
import { isRegionalRole } from '../../shared/codes.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { ORG_COOKIE } from '../auth/regional.js';

export type AuthRouteDeps = { db: Db; now: () => Date; sessionTtlHours: number; secureCookie: boolean | 'auto'; viewers: ViewerCache; throttle: LoginThrottle };

export function authRoutes(app: FastifyInstance, deps: AuthRouteDeps) {
  const { db, now } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  // A refused login is audited after the answer is sent: an unknown username
  // (nobody to audit) must not answer faster than a known one.
  const auditInBackground = (req: FastifyRequest, reply: FastifyReply, who: { orgId: number; userId: number }, entry: AuditEntry) => {
    const at = now();
    reply.raw.once('finish', () => void writeAudit(db, who, entry, at).catch((err: unknown) => req.log.error(err)));
  };

  r.post('/api/auth/login', { schema: { tags: ['auth'], body: loginSchema, response: { 200: meSchema } } }, async (req, reply) => {
    const { username, password } = req.body;
    // The attempt is counted before the password is checked (decision 0910): parallel guesses draw on one count.
    const wait = await deps.throttle.claim(username, req.ip, now());
    const user = await findUserByUsername(db, username);
    if (wait > 0) {
      if (user) auditInBackground(req, reply, { orgId: user.orgId, userId: user.id }, { action: 'login_throttled', entity: 'user', entityIds: [user.id], ip: req.ip });
      else req.log.warn({ ip: req.ip }, 'login throttled for an unknown username');
      reply.header('retry-after', String(wait));
      throw new AppError('too_many_attempts', [], { retryAfterSeconds: wait });
    }
    const passwordOk = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
    if (!user || !passwordOk) {
      if (user) auditInBackground(req, reply, { orgId: user.orgId, userId: user.id }, { action: 'login_failed', entity: 'user', entityIds: [user.id], ip: req.ip });
      throw new AppError('bad_credentials');
    }
    await deps.throttle.succeed(username, req.ip);
    const token = await createSession(db, user.id, now(), deps.sessionTtlHours);
    // A county chosen by an earlier login in this browser does not carry over (decision 1910).
    if (req.cookies[ORG_COOKIE] !== undefined) reply.clearCookie(ORG_COOKIE, { path: '/' });
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.secureCookie === 'auto' ? req.protocol === 'https' : deps.secureCookie,
      path: '/',
      maxAge: Math.round(deps.sessionTtlHours * 3600),
    });
    await writeAudit(db, { orgId: user.orgId, userId: user.id }, { action: 'login', entity: 'user', entityIds: [user.id], ip: req.ip }, now());
    return {
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        stationId: user.stationId,
        retailerId: user.retailerId,
        mustChangePassword: user.passwordChangeRequired,
      },
      permissions: permissionsOf(user.role),
      menu: menuOf(user.role),
      regional: await regionalOf({ orgId: user.orgId, role: user.role }),
    };
  });

  /** A province or city user's own role and company, and the county they look into (decision 1910). */
  async function regionalOf(v: Pick<Viewer, 'orgId' | 'role' | 'regional'>): Promise<Me['regional']> {
    const homeOrgId = v.regional?.homeOrgId ?? v.orgId;
    const role = v.regional?.role ?? v.role;
    if (!isRegionalRole(role)) return undefined;
    const tree = await loadOrgTree(db);
    const home = tree.nodes.get(homeOrgId)!;
    const county = v.regional?.countyId ? tree.nodes.get(v.regional.countyId) : undefined;
    return { role, level: home.level, homeOrgId, homeOrgName: home.name, county: county ? { orgId: county.orgId, name: county.name } : null };
  }

  r.post('/api/auth/logout', { schema: { tags: ['auth'], response: { 200: z.object({ ok: z.boolean() }) } } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const who = req.viewer;
      if (who) await writeAudit(db, who, { action: 'logout', entity: 'user', entityIds: [who.userId], ip: req.ip }, deps.now());
      deps.viewers.forget(token);
      await deleteSession(db, token);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    if (req.cookies[ORG_COOKIE] !== undefined) reply.clearCookie(ORG_COOKIE, { path: '/' });
    return { ok: true };
  });

  // The user's own password (decision 0860): every role, and a province or city user wherever they look.
  r.post(
    '/api/auth/password',
    { schema: { tags: ['auth'], body: changePasswordSchema, response: { 200: changePasswordResultSchema } } },
    async (req, reply) => {
      const v = viewerOf(req);
      const token = req.cookies[SESSION_COOKIE]!;
      try {
        const result = await changePassword(db, deps.throttle, v, req.body, { sessionToken: token, ip: req.ip, now: now() });
        // This process forgets the ended sessions at once; another process within its cache's few seconds. This
        // session is forgotten too: its cached viewer still says the password must be changed (decision 0861).
        deps.viewers.forgetUser(v.userId);
        return result;
      } catch (e) {
        if (e instanceof AppError && e.code === 'too_many_attempts') reply.header('retry-after', String(e.extra.retryAfterSeconds));
        throw e;
      }
    },
  );

  r.get('/api/me', { schema: { tags: ['auth'], response: { 200: meSchema } } }, async (req) => {
    const v = viewerOf(req);
    return {
      user: {
        id: v.userId,
        username: v.username,
        displayName: v.displayName,
        role: v.role,
        stationId: v.stationId,
        retailerId: v.retailerId,
        // Read each time rather than cached with the session: it changes with the password (decision 0860).
        mustChangePassword: await isPasswordChangeRequired(db, v.userId),
      },
      // Drilled into a county, a province or city user reads only: the web hides what the server would refuse (1920).
      permissions: v.regional?.countyId ? readPermissionsOf(v.role) : permissionsOf(v.role),
      menu: v.regional?.countyId ? readMenuOf(v.role) : menuOf(v.role),
      regional: await regionalOf(v),
    };
  });
}
