// The HTTP app: plugins, auth, routes, OpenAPI at /docs, and the built web UI.
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Db } from '../db/client.js';
import { registerAuth } from './auth/plugin.js';
import { errorBody, registerErrorHandler } from './errors.js';
import { authRoutes } from './routes/auth.js';
import { orgRoutes } from './routes/org.js';
import { retailerRoutes } from './routes/retailers.js';
import { auditRoutes } from './routes/audit.js';
import { retailerFileRoutes } from './routes/retailer-files.js';
import { orderingRoutes } from './routes/ordering.js';
import { orderCorrectionRoutes } from './routes/order-corrections.js';
import { supplyPlanImportRoutes } from './routes/supply-plan-import.js';
import { settlementRoutes } from './routes/settlement.js';
import { gridMapRoutes } from './routes/grid-map.js';
import { gridManageRoutes } from './routes/grid-manage.js';
import { layoutRoutes } from './routes/layout.js';
import { serviceDeliveryRoutes } from './routes/service-delivery.js';
import { ratingRoutes } from './routes/ratings.js';
import { representativeRoutes } from './routes/representatives.js';
import { visitRoutes } from './routes/visits.js';
import { jobRoutes } from './routes/jobs.js';

export type AppOptions = {
  db: Db;
  now?: () => Date;
  sessionTtlHours?: number;
  secureCookie?: boolean;
  tiles?: { url: string; crs: 'wgs84' | 'gcj02' | 'bd09' };
  /** Demo mode: the login page lists the demo accounts. */
  demo?: boolean;
  /** Folder of the built web UI; served with an SPA fallback when present. */
  webDir?: string;
  logLevel?: string;
  /** Rows per database page of a retailer export (default 5,000); tests make it small. */
  exportPageSize?: number;
};

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: string[];
  }
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const now = opts.now ?? (() => new Date());
  const app = Fastify({ logger: { level: opts.logLevel ?? 'silent' }, bodyLimit: 20 * 1024 * 1024, trustProxy: true });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: { info: { title: 'Zhiyin 知音 API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  // Every API route, as "METHOD /path", for the authorisation-matrix test and /docs.
  const apiRoutes: string[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods) if (route.url.startsWith('/api/') && m !== 'HEAD') apiRoutes.push(`${m} ${route.url}`);
  });
  app.decorate('apiRoutes', apiRoutes);

  const viewers = registerAuth(app, opts.db, now);
  authRoutes(app, { db: opts.db, now, sessionTtlHours: opts.sessionTtlHours ?? 12, secureCookie: opts.secureCookie ?? false, viewers });
  orgRoutes(app, { db: opts.db, tiles: opts.tiles ?? { url: '', crs: 'gcj02' } });
  retailerRoutes(app, { db: opts.db, now });
  retailerFileRoutes(app, { db: opts.db, now, exportPageSize: opts.exportPageSize });
  auditRoutes(app, { db: opts.db });
  orderingRoutes(app, { db: opts.db, now });
  orderCorrectionRoutes(app, { db: opts.db, now });
  supplyPlanImportRoutes(app, { db: opts.db, now });
  settlementRoutes(app, { db: opts.db, now });
  gridMapRoutes(app, { db: opts.db });
  gridManageRoutes(app, { db: opts.db, now });
  layoutRoutes(app, { db: opts.db, now });
  serviceDeliveryRoutes(app, { db: opts.db, now });
  ratingRoutes(app, { db: opts.db, now });
  representativeRoutes(app, { db: opts.db, now });
  visitRoutes(app, { db: opts.db, now });
  jobRoutes(app, { db: opts.db });
  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));
  // Public: what the login page needs before anyone is logged in.
  app.get('/api/config', { schema: { tags: ['auth'] } }, async () => ({ demo: opts.demo ?? false }));

  const hasWeb = Boolean(opts.webDir && fs.existsSync(path.join(opts.webDir, 'index.html')));
  if (hasWeb) await app.register(fastifyStatic, { root: path.resolve(opts.webDir!), wildcard: false });
  // Unknown API paths answer a JSON 404; any other GET is a page of the single-page UI.
  app.setNotFoundHandler((req, reply) => {
    if (!hasWeb || req.url.startsWith('/api/') || req.method !== 'GET') return reply.status(404).send(errorBody('not_found'));
    return reply.sendFile('index.html');
  });
  return app;
}
