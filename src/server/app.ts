// The HTTP app: plugins, auth, routes, OpenAPI at /docs, and the built web UI.
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { createJsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import type { Db } from '../app/context.js';
import { validatorCompiler } from './request-validation.js';
import { registerAuth } from './auth/plugin.js';
import { configSchema } from '../shared/auth.js';
import { errorBody, registerErrorHandler, frameworkErrorReply } from './errors.js';
import { DEFAULT_THROTTLE, type ThrottleLimits } from '../domain/access/login-throttle.js';
import { createLoginThrottle } from '../app/auth/login-throttle.js';
import { registerRequestGuard } from './request-guard.js';
import { registerSecurityHeaders } from './security-headers.js';
import { authRoutes } from './routes/auth.js';
import { orgRoutes } from './routes/org.js';
import { orgTreeRoutes } from './routes/org-tree.js';
import { retailerRoutes } from './routes/retailers.js';
import { retailerMoveRoutes } from './routes/retailer-move.js';
import { auditRoutes } from './routes/audit.js';
import { runWithAuditContext } from '../app/audit/audit-context.js';
import { retailerFileRoutes } from './routes/retailer-files.js';
import { orderingRoutes } from './routes/ordering.js';
import { orderCorrectionRoutes } from './routes/order-corrections.js';
import { supplyPlanImportRoutes } from './routes/supply-plan-import.js';
import { settlementRoutes } from './routes/settlement.js';
import { noticeRoutes } from './routes/notices.js';
import { noticeTemplateRoutes } from './routes/notice-templates.js';
import { careRoutes } from './routes/care.js';
import { registerWindowChangedNotices } from '../app/notices/queue-window-changed.js';
import { gridMapRoutes } from './routes/grid-map.js';
import { gridManageRoutes } from './routes/grid-manage.js';
import { layoutRoutes } from './routes/layout.js';
import { serviceDeliveryRoutes } from './routes/service-delivery.js';
import { ratingRoutes } from './routes/ratings.js';
import { representativeRoutes } from './routes/representatives.js';
import { visitRoutes } from './routes/visits.js';
import { jobRoutes } from './routes/jobs.js';
import { deskRoutes } from './routes/desk.js';
import { measureRoutes } from './routes/measures.js';
import { calendarRoutes } from './routes/calendar.js';
import { onboardingRoutes } from './routes/onboarding.js';
import { surveyRoutes } from './routes/surveys.js';
import { cultivationRoutes } from './routes/cultivation.js';
import { userRoutes } from './routes/users.js';
import { forecastRoutes } from './routes/forecast.js';
import { homeRoutes } from './routes/home.js';

export type AppOptions = {
  db: Db;
  now?: () => Date;
  sessionTtlHours?: number;
  /** Returns and corrections are accepted for orders of the last this many days (default 30). */
  correctionDays?: number;
  /** Secure cookie and HSTS: always, never, or `auto` when the request came over HTTPS (default). */
  secureCookie?: boolean | 'auto';
  tiles?: { url: string; crs: 'wgs84' | 'gcj02' | 'bd09' };
  /** Demo mode: the login page lists the demo accounts. */
  demo?: boolean;
  /** Folder of the built web UI; served with an SPA fallback when present. */
  webDir?: string;
  logLevel?: string;
  /** Rows per database page of a retailer export (default 5,000); tests make it small. */
  exportPageSize?: number;
  /** Proxies whose X-Forwarded-* headers are believed (addresses, CIDRs, or `loopback`); none by default. */
  trustProxy?: string[];
  /** Origins besides the request's own host that may send state-changing requests (a proxy that rewrites Host). */
  allowedOrigins?: string[];
  /** Put /docs and /docs/json behind the login (production). */
  protectDocs?: boolean;
  /** Failed-login limits (decision 0902). */
  loginThrottle?: ThrottleLimits;
};

export type ApiContract = { route: string; schema: Record<string, unknown>; handler: string };

/** Largest JSON body by default; routes that need more say so (a visit with photos). */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
/** Largest uploaded file (imports). */
export const UPLOAD_LIMIT = 20 * 1024 * 1024;

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: string[];
    /** The API routes declared `sideEffectFree` (decision 1660), as "METHOD /path". */
    sideEffectFreeRoutes: string[];
    /** Each API route's declared schemas and handler, for the contract test. */
    apiContracts: ApiContract[];
  }
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const now = opts.now ?? (() => new Date());
  const trustProxy = opts.trustProxy?.length ? opts.trustProxy : false;
  const app = Fastify({
    logger: { level: opts.logLevel ?? 'silent' },
    bodyLimit: DEFAULT_BODY_LIMIT,
    trustProxy,
    frameworkErrors: frameworkErrorReply,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  // Bodies are JSON or, on the import routes, files: a text/plain body is a cross-site form (decision 0901).
  app.removeContentTypeParser('text/plain');

  await registerSecurityHeaders(app, { tileUrl: opts.tiles?.url ?? '', https: opts.secureCookie ?? 'auto' });
  registerRequestGuard(app, { allowedOrigins: opts.allowedOrigins });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: UPLOAD_LIMIT, files: 1, fields: 10, parts: 11 } });
  await app.register(swagger, {
    openapi: { info: { title: 'Zhiyin 知音 API', version: '0.1.0' } },
    // Response timestamps are Dates on the server side of their codec: documented as the ISO strings they become.
    transform: createJsonSchemaTransform({
      zodToJsonConfig: {
        unrepresentable: 'any',
        override: (ctx) => {
          if (ctx.zodSchema._zod.def.type === 'date') Object.assign(ctx.jsonSchema, { type: 'string', format: 'date-time' });
        },
      },
    }),
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  // Every API route, as "METHOD /path", for the authorisation-matrix test and /docs.
  const apiRoutes: string[] = [];
  const apiContracts: ApiContract[] = [];
  const sideEffectFreeRoutes: string[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods) {
      if (!route.url.startsWith('/api/') || m === 'HEAD') continue;
      apiRoutes.push(`${m} ${route.url}`);
      if (route.config?.sideEffectFree) {
        // The flag lifts the read-only refusal of a POST; on a read it would only mislead whoever reads the route.
        if (m === 'GET') throw new Error(`${m} ${route.url}: sideEffectFree is for POSTs that write nothing`);
        sideEffectFreeRoutes.push(`${m} ${route.url}`);
      }
      apiContracts.push({ route: `${m} ${route.url}`, schema: (route.schema ?? {}) as Record<string, unknown>, handler: String(route.handler) });
    }
  });
  app.decorate('apiRoutes', apiRoutes);
  app.decorate('apiContracts', apiContracts);
  app.decorate('sideEffectFreeRoutes', sideEffectFreeRoutes);

  // Audit rows written while a request is handled carry its IP and the app's clock (decision 1410).
  // preValidation runs after the body is read, so the context holds through the handler.
  app.addHook('preValidation', (req, _reply, done) => runWithAuditContext({ ip: req.ip, now }, done));

  const viewers = registerAuth(app, opts.db, now, undefined, { protectDocs: opts.protectDocs ?? false });
  const throttle = createLoginThrottle(opts.db, opts.loginThrottle ?? DEFAULT_THROTTLE);
  authRoutes(app, { db: opts.db, now, sessionTtlHours: opts.sessionTtlHours ?? 12, secureCookie: opts.secureCookie ?? 'auto', viewers, throttle });
  orgRoutes(app, { db: opts.db, tiles: opts.tiles ?? { url: '', crs: 'gcj02' } });
  retailerRoutes(app, { db: opts.db, now });
  retailerMoveRoutes(app, { db: opts.db, now });
  retailerFileRoutes(app, { db: opts.db, now, exportPageSize: opts.exportPageSize });
  auditRoutes(app, { db: opts.db, now });
  orderingRoutes(app, { db: opts.db, now });
  orderCorrectionRoutes(app, { db: opts.db, now, correctionDays: opts.correctionDays ?? 30 });
  supplyPlanImportRoutes(app, { db: opts.db, now });
  settlementRoutes(app, { db: opts.db, now });
  gridMapRoutes(app, { db: opts.db });
  gridManageRoutes(app, { db: opts.db, now });
  layoutRoutes(app, { db: opts.db, now });
  serviceDeliveryRoutes(app, { db: opts.db, now });
  ratingRoutes(app, { db: opts.db, now });
  representativeRoutes(app, { db: opts.db, now });
  deskRoutes(app, { db: opts.db, now });
  visitRoutes(app, { db: opts.db, now });
  jobRoutes(app, { db: opts.db });
  calendarRoutes(app, { db: opts.db, now });
  onboardingRoutes(app, { db: opts.db, now });
  noticeRoutes(app, { db: opts.db, now });
  noticeTemplateRoutes(app, { db: opts.db, now });
  surveyRoutes(app, { db: opts.db, now });
  measureRoutes(app, { db: opts.db, now });
  orgTreeRoutes(app, { db: opts.db, now });
  cultivationRoutes(app, { db: opts.db, now });
  forecastRoutes(app, { db: opts.db, now });
  careRoutes(app, { db: opts.db, now });
  homeRoutes(app, { db: opts.db, now });
  userRoutes(app, { db: opts.db, now, viewers });
  // A moved order window tells the shops whose order day it is, in the move's transaction (decision 1400).
  registerWindowChangedNotices();
  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));
  // Public: what the login page needs before anyone is logged in.
  app.get('/api/config', { schema: { tags: ['auth'], response: { 200: configSchema } } }, async () => ({ demo: opts.demo ?? false }));

  const hasWeb = Boolean(opts.webDir && fs.existsSync(path.join(opts.webDir, 'index.html')));
  if (hasWeb) {
    // Hashed bundles (/assets/name-HASH.js) never change: cached for a year. Everything
    // else (index.html, sw.js, the manifest) is revalidated on every load so a new
    // release is seen at once. Brotli/gzip copies are made at build time (vite.config.ts).
    await app.register(fastifyStatic, {
      root: path.resolve(opts.webDir!),
      wildcard: false,
      preCompressed: true,
      setHeaders: (reply: FastifyReply, file: string) => {
        const hashed = /[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.\w+(\.br|\.gz)?$/.test(file);
        reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  // Unknown API paths answer a JSON 404; any other GET is a page of the single-page UI.
  app.setNotFoundHandler((req, reply) => {
    if (!hasWeb || req.url.startsWith('/api/') || req.method !== 'GET') return reply.status(404).send(errorBody('not_found'));
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
