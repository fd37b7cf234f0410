// Demand forecasts (需求预测): the screen's overview and one product's series
// in the viewer's scope, marketing's overrides and a fresh run (a job), and
// forecast accuracy by grid for a month.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../app/context.js';
import { findForecastOverview, getForecastSeries } from '../../app/forecast/forecast-queries.js';
import { createForecastOverride } from '../../app/forecast/create-forecast-override.js';
import { requestForecastRun } from '../../app/forecast/request-forecast-run.js';
import { findGridAccuracy } from '../../app/forecast/forecast-accuracy.js';
import { findStockoutRisks } from '../../app/forecast/stockout-risks.js';
import { createShopOverride, findShopForecasts, withdrawForecastOverride, withdrawShopOverride } from '../../app/forecast/forecast-overrides.js';
import {
  accuracyQuerySchema,
  createOverrideSchema,
  createShopOverrideSchema,
  forecastOverviewSchema,
  forecastProductParams,
  forecastRunQueuedSchema,
  forecastSeriesSchema,
  gridAccuracySchema,
  shopForecastQuerySchema,
  shopForecastsSchema,
  stockoutRisksSchema,
  withdrawOverrideSchema,
  withdrawShopOverrideSchema,
} from '../../shared/forecast.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';

export type ForecastRouteDeps = { db: Db; now: () => Date };

const tags = ['forecast'];

/** The last month that has begun, in Beijing time (YYYY-MM). */
const thisMonth = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);

export function forecastRoutes(app: FastifyInstance, { db, now }: ForecastRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/forecasts', { preHandler: requirePermission('forecast.read'), schema: { tags, response: { 200: forecastOverviewSchema } } }, async (req) =>
    findForecastOverview(db, viewerOf(req)),
  );

  r.get(
    '/api/forecasts/products/:productId',
    { preHandler: requirePermission('forecast.read'), schema: { tags, params: forecastProductParams, response: { 200: forecastSeriesSchema } } },
    async (req) => getForecastSeries(db, viewerOf(req), req.params.productId),
  );

  r.post(
    '/api/forecasts/overrides',
    { preHandler: requirePermission('forecast.manage'), schema: { tags, body: createOverrideSchema, response: { 201: forecastSeriesSchema } } },
    async (req, reply) => {
      await createForecastOverride(db, viewerOf(req), req.body, now());
      return reply.status(201).send(await getForecastSeries(db, viewerOf(req), req.body.productId));
    },
  );

  r.post(
    '/api/forecasts/overrides/withdraw',
    { preHandler: requirePermission('forecast.manage'), schema: { tags, body: withdrawOverrideSchema, response: { 200: forecastSeriesSchema } } },
    async (req) => {
      await withdrawForecastOverride(db, viewerOf(req), req.body, now());
      return getForecastSeries(db, viewerOf(req), req.body.productId);
    },
  );

  // A worker's own figure for one shop of their scope, and withdrawing it (decision 1814).
  r.get(
    '/api/forecasts/products/:productId/shops',
    { preHandler: requirePermission('forecast.shop'), schema: { tags, params: forecastProductParams, querystring: shopForecastQuerySchema, response: { 200: shopForecastsSchema } } },
    async (req) => findShopForecasts(db, viewerOf(req), req.params.productId, req.query.weekStart),
  );

  r.post(
    '/api/forecasts/shop-overrides',
    { preHandler: requirePermission('forecast.shop'), schema: { tags, body: createShopOverrideSchema, response: { 201: shopForecastsSchema } } },
    async (req, reply) => {
      await createShopOverride(db, viewerOf(req), req.body, now());
      return reply.status(201).send(await findShopForecasts(db, viewerOf(req), req.body.productId, req.body.weekStart));
    },
  );

  r.post(
    '/api/forecasts/shop-overrides/withdraw',
    { preHandler: requirePermission('forecast.shop'), schema: { tags, body: withdrawShopOverrideSchema, response: { 200: shopForecastsSchema } } },
    async (req) => {
      await withdrawShopOverride(db, viewerOf(req), req.body, now());
      return findShopForecasts(db, viewerOf(req), req.body.productId, req.body.weekStart);
    },
  );

  r.post('/api/forecasts/runs', { preHandler: requirePermission('forecast.manage'), schema: { tags, response: { 202: forecastRunQueuedSchema } } }, async (req, reply) =>
    reply.status(202).send(await requestForecastRun(db, viewerOf(req), now())),
  );

  // Emergency-supply planning: shops whose forecast of a scarce product is above their last limit (decision 1815).
  r.get('/api/forecasts/stockout-risks', { preHandler: requirePermission('forecast.read'), schema: { tags, response: { 200: stockoutRisksSchema } } }, async (req) =>
    findStockoutRisks(db, viewerOf(req)),
  );

  r.get(
    '/api/forecasts/accuracy',
    { preHandler: requirePermission('forecast.read'), schema: { tags, querystring: accuracyQuerySchema, response: { 200: gridAccuracySchema } } },
    async (req) => {
      const month = req.query.month ?? thisMonth(now());
      return { month, items: await findGridAccuracy(db, viewerOf(req), month) };
    },
  );
}
