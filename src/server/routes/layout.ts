// 网点布局: blank villages and over-dense spots, as lists and as files.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../app/context.js';
import { findBlankVillages, findDenseSpots } from '../../app/grids/layout-analysis.js';
import { audit } from '../../app/grids/grid-operations.js';
import { blankQuerySchema, blankVillageSchema, denseQuerySchema, denseSpotSchema, layoutExportSchema } from '../../shared/layout.js';
import { fileResponseSchema } from '../../shared/primitives.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';
import { sendTableFile, tableFile as toFile } from '../table-file.js';

export function layoutRoutes(app: FastifyInstance, { db, now }: { db: Db; now: () => Date }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['layout'];
  const perm = requirePermission('layout.read');

  r.get(
    '/api/layout/blank-villages',
    { preHandler: perm, schema: { tags, querystring: blankQuerySchema, response: { 200: z.array(blankVillageSchema) } } },
    async (req) => findBlankVillages(db, viewerOf(req), req.query),
  );

  r.get(
    '/api/layout/dense-spots',
    { preHandler: perm, schema: { tags, querystring: denseQuerySchema, response: { 200: z.array(denseSpotSchema) } } },
    async (req) => findDenseSpots(db, viewerOf(req), req.query),
  );

  r.get('/api/layout/export', { preHandler: perm, schema: { tags, querystring: layoutExportSchema, response: { 200: fileResponseSchema } } }, async (req, reply) => {
    const q = req.query;
    const viewer = viewerOf(req);
    let body: Buffer, name: [string, string];
    if (q.kind === 'blank') {
      const rows = await findBlankVillages(db, viewer, q);
      const header = ['村名', '乡镇', '人口', '最近零售户距离（公里）', '纬度', '经度'];
      body = await toFile(q.format, '空白村', header, rows.map((v) => [v.name, v.township, v.population, v.nearestKm ?? `>${4 * q.radiusKm}`, v.lat, v.lng]));
      name = [`空白村_人口${q.minPopulation}以上_${q.radiusKm}公里内无零售户`, 'blank-villages'];
    } else {
      const rows = await findDenseSpots(db, viewer, q);
      const header = ['中心零售户', '网格', `${q.radiusM} 米内零售户数`, '纬度', '经度'];
      body = await toFile(q.format, '网点过密', header, rows.map((s) => [s.shopName, s.gridName, s.members, s.lat, s.lng]));
      name = [`网点过密_${q.radiusM}米内${q.minCount}户以上`, 'dense-spots'];
    }
    await audit(db, viewer, 'export', 'layout', [], { kind: q.kind, format: q.format }, now());
    return sendTableFile(reply, name, q.format, body);
  });
}
