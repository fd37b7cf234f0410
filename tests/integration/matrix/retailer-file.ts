// The retailer file (issue 3): org structure, retailers, history, edit, export, audit.
import { sql } from 'drizzle-orm';
import { query } from '../../../src/db/client.js';
import type { MatrixContext, MatrixModule } from './types.js';

/** A real change: the current version and a store image different from the current one. */
const anEdit = async ({ t }: MatrixContext, id: number) => {
  const [r] = await query<{ version: number; storeImage: string }>(
    t.database.db,
    sql`select version, store_image as "storeImage" from retailers where id = ${id}`,
  );
  return { version: r.version, storeImage: r.storeImage === 'A' ? 'B' : 'A' };
};

export const retailerFile: MatrixModule = {
  // Login, logout and the login page's config are open to all by design, tested in their own suites;
  // import is checked in the matrix test with a multipart body.
  outside: ['POST /api/auth/login', 'POST /api/auth/logout', 'GET /api/config', 'POST /api/retailers/import'],
  calls: (ctx) => [
    //                                                                                        admin mgr  head worker agent retailer
    { name: 'me', method: 'GET', route: '/api/me', url: () => '/api/me', expected: [200, 200, 200, 200, 200, 200], regionalHome: 200 },
    {
      // Everyone changes their own password; a weak new one is refused (422) before the current one is checked, so the
      // matrix neither changes a demo password nor spends a login attempt (the change itself: change-password.test.ts).
      name: 'change own password to a weak one',
      method: 'POST',
      route: '/api/auth/password',
      url: () => '/api/auth/password',
      body: async () => ({ currentPassword: 'not-checked', newPassword: '12345678' }),
      expected: [422, 422, 422, 422, 422, 422],
      regionalHome: 422,
    },
    { name: 'org', method: 'GET', route: '/api/org', url: () => '/api/org', expected: [200, 200, 200, 200, 200, 200] },
    { name: 'stations', method: 'GET', route: '/api/stations', url: () => '/api/stations', expected: [200, 200, 200, 200, 200, 403] },
    { name: 'grids', method: 'GET', route: '/api/grids', url: () => '/api/grids', expected: [200, 200, 200, 200, 200, 403] },
    { name: 'list', method: 'GET', route: '/api/retailers', url: () => '/api/retailers', expected: [200, 200, 200, 200, 200, 403] },
    { name: 'card own', method: 'GET', route: '/api/retailers/:id', url: () => `/api/retailers/${ctx.own()}`, expected: [200, 200, 200, 200, 200, 200] },
    { name: 'card other', method: 'GET', route: '/api/retailers/:id', url: () => `/api/retailers/${ctx.other()}`, expected: [200, 200, 404, 404, 200, 404] },
    {
      // Moving a shop to another county is the administrator's alone; the matrix names its own county, which is refused
      // after the permission check (422) and changes nothing (the move itself: retailer-move.test.ts).
      name: 'move own to the same county',
      method: 'POST',
      route: '/api/retailers/:id/move',
      url: () => `/api/retailers/${ctx.own()}/move`,
      body: async () => {
        const [r] = await query<{ orgId: number; gridId: number }>(ctx.t.database.db, sql`select org_id as "orgId", grid_id as "gridId" from retailers where id = ${ctx.own()}`);
        return { toOrgId: r.orgId, toGridId: r.gridId, reason: '权限矩阵' };
      },
      expected: [422, 403, 403, 403, 403, 403],
    },
    {
      name: 'move preview own',
      method: 'GET',
      route: '/api/retailers/:id/move-preview',
      url: () => `/api/retailers/${ctx.own()}/move-preview`,
      expected: [200, 403, 403, 403, 403, 403],
    },
    {
      name: 'history own',
      method: 'GET',
      route: '/api/retailers/:id/history',
      url: () => `/api/retailers/${ctx.own()}/history`,
      expected: [200, 200, 200, 200, 403, 200],
    },
    {
      name: 'edit own',
      method: 'PATCH',
      route: '/api/retailers/:id',
      url: () => `/api/retailers/${ctx.own()}`,
      body: () => anEdit(ctx, ctx.own()),
      expected: [200, 200, 200, 200, 403, 403],
    },
    {
      name: 'edit other',
      method: 'PATCH',
      route: '/api/retailers/:id',
      url: () => `/api/retailers/${ctx.other()}`,
      body: () => anEdit(ctx, ctx.other()),
      expected: [200, 200, 404, 404, 403, 403],
    },
    { name: 'export', method: 'GET', route: '/api/retailers/export', url: () => '/api/retailers/export?format=csv', expected: [200, 200, 200, 200, 403, 403] },
    {
      name: 'import template',
      method: 'GET',
      route: '/api/retailers/import-template',
      url: () => '/api/retailers/import-template',
      expected: [200, 200, 403, 403, 403, 403],
    },
    { name: 'audit', method: 'GET', route: '/api/audit', url: () => '/api/audit', expected: [200, 403, 403, 403, 403, 403] },
    {
      name: 'audit export',
      method: 'GET',
      route: '/api/audit/export',
      url: () => '/api/audit/export?format=csv&action=update',
      expected: [200, 403, 403, 403, 403, 403],
    },
  ],
};
