// New-licensee onboarding: the chain in the viewer's scope, recording a
// licence, completing a step (its owner only, in order) and the dashboard.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../app/context.js';
import { completeOnboardingStep } from '../../app/onboarding/complete-onboarding-step.js';
import { findOnboardings, onboardingStats } from '../../app/onboarding/onboarding-queries.js';
import { recordLicence } from '../../app/onboarding/record-licence.js';
import {
  completeStepSchema,
  onboardingCreatedSchema,
  onboardingIdParams,
  onboardingListQuery,
  onboardingsSchema,
  onboardingStatsSchema,
  recordLicenceSchema,
  stepCompletedSchema,
} from '../../shared/onboarding.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';

export type OnboardingRouteDeps = { db: Db; now: () => Date };

const tags = ['onboarding'];

export function onboardingRoutes(app: FastifyInstance, { db, now }: OnboardingRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/onboardings',
    { preHandler: requirePermission('onboarding.read'), schema: { tags, querystring: onboardingListQuery, response: { 200: onboardingsSchema } } },
    async (req) => ({ items: await findOnboardings(db, viewerOf(req), req.query.status, now()) }),
  );

  r.get(
    '/api/onboardings/stats',
    { preHandler: requirePermission('onboarding.read'), schema: { tags, response: { 200: onboardingStatsSchema } } },
    async (req) => onboardingStats(db, viewerOf(req)),
  );

  r.post(
    '/api/onboardings',
    { preHandler: requirePermission('onboarding.manage'), schema: { tags, body: recordLicenceSchema, response: { 201: onboardingCreatedSchema } } },
    async (req, reply) => reply.status(201).send(await recordLicence(db, viewerOf(req), req.body, now(), req.ip)),
  );

  r.post(
    '/api/onboardings/:id/steps',
    {
      preHandler: requirePermission('onboarding.read'),
      schema: { tags, params: onboardingIdParams, body: completeStepSchema, response: { 200: stepCompletedSchema } },
    },
    async (req) => completeOnboardingStep(db, viewerOf(req), req.params.id, req.body, now(), req.ip),
  );
}
