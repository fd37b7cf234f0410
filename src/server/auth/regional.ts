// Province and city users (decision 1910). A regional viewer at home reads the
// roll-ups; with a county chosen (the `x-zy-org` header, or the `zy_org`
// cookie the web sets when drilling down) they read that county as its county
// manager would (auditors as its administrator), and every write there is
// refused with `org_read_only`. A county user can never choose another county.
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../app/context.js';
import { loadOrgTree } from '../../app/org-tree/org-tree-queries.js';
import { isWithin } from '../../domain/org-tree/org-tree.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { isRegionalRole } from '../../shared/codes.js';
import { AppError } from '../errors.js';

export const ORG_HEADER = 'x-zy-org';
export const ORG_COOKIE = 'zy_org';

/** What a regional user may call at home, without a county chosen. */
export const REGIONAL_HOME_ROUTES: ReadonlySet<string> = new Set([
  'GET /api/me',
  'GET /api/config',
  'POST /api/auth/logout',
  'POST /api/auth/password',
  'GET /api/org-tree',
  'GET /api/rollups',
  'GET /api/rollups/retailers',
  'GET /api/rollups/export',
  'POST /api/rollups/refresh',
  'GET /api/org-rules/:kind',
  'PUT /api/org-rules/:kind',
  'GET /api/jobs/:id',
]);

/** Writes to the user's own account, not to any county's data: allowed wherever a regional user is looking. */
export const OWN_ACCOUNT_ROUTES: ReadonlySet<string> = new Set(['POST /api/auth/logout', 'POST /api/auth/password']);

function requestedOrg(req: FastifyRequest): { id: number | null; fromHeader: boolean } {
  const header = req.headers[ORG_HEADER];
  const raw = typeof header === 'string' && header !== '' ? header : undefined;
  const cookie = req.cookies[ORG_COOKIE];
  const value = raw ?? (cookie !== undefined && cookie !== '' ? cookie : undefined);
  if (value === undefined) return { id: null, fromHeader: false };
  const id = /^\d{1,9}$/.test(value) ? Number(value) : -1;
  return { id, fromHeader: raw !== undefined };
}

/** The viewer this request acts as: a regional user drilled into a county, or the session's viewer unchanged. */
export async function scopeViewer(db: Db, req: FastifyRequest, viewer: Viewer): Promise<Viewer> {
  const asked = requestedOrg(req);
  if (!isRegionalRole(viewer.role)) {
    // A county user asking for another org by header is refused; a cookie left by another login is ignored.
    if (asked.fromHeader && asked.id !== viewer.orgId) throw new AppError('org_out_of_scope');
    return viewer;
  }
  const tree = await loadOrgTree(db);
  const home = tree.nodes.get(viewer.orgId);
  const base: Viewer = { ...viewer, regional: { role: viewer.role, homeOrgId: viewer.orgId, level: home?.level ?? 'province', countyId: null } };
  if (asked.id === null || asked.id === viewer.orgId) return base;
  const county = tree.nodes.get(asked.id);
  if (!county || !isWithin(tree, county.orgId, viewer.orgId)) throw new AppError('org_out_of_scope');
  if (county.level !== 'county') throw new AppError('org_county_required');
  return {
    ...base,
    orgId: county.orgId,
    role: viewer.role === 'regional_auditor' ? 'admin' : 'county_manager',
    stationId: null,
    retailerId: null,
    regional: { ...base.regional!, countyId: county.orgId },
  };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A POST that computes an answer and writes nothing (no row, no audit, no job): a read-only viewer — a province
     * or city user drilled into a county — may call it (decision 1660). Its permission and scope checks still apply.
     * Declared on the route (`config: { sideEffectFree: true }`); the app refuses it on a GET, where it means nothing.
     */
    sideEffectFree?: boolean;
  }
}

/**
 * Refuses what a regional viewer may not do on this route: any write in a county (a route declared side-effect
 * free is not a write), any county screen at home.
 */
export function checkRegionalRoute(viewer: Viewer, method: string, routeUrl: string | undefined, sideEffectFree = false) {
  if (!viewer.regional || !routeUrl?.startsWith('/api/')) return;
  const key = `${method === 'HEAD' ? 'GET' : method} ${routeUrl}`;
  if (OWN_ACCOUNT_ROUTES.has(key)) return;
  if (viewer.regional.countyId !== null) {
    if (method !== 'GET' && method !== 'HEAD' && !sideEffectFree) throw new AppError('org_read_only');
    return;
  }
  if (!REGIONAL_HOME_ROUTES.has(key)) throw new AppError('org_county_required');
}
