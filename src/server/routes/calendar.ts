// The working calendar: the year view every staff member reads, and the
// holiday override table managers keep (2027 on, and local corrections).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addCalendarOverride, calendarYear, deleteCalendarOverride } from '../../app/calendar/calendar-overrides.js';
import { findOrgOverrides } from '../../app/calendar/load-working-calendar.js';
import type { Db } from '../../app/context.js';
import {
  calendarOverrideDateParams,
  calendarOverrideDeletedSchema,
  calendarOverrideInputSchema,
  calendarOverrideSchema,
  calendarOverridesSchema,
  calendarYearParams,
  calendarYearSchema,
} from '../../shared/calendar.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';

export type CalendarRouteDeps = { db: Db; now: () => Date };

const tags = ['calendar'];

export function calendarRoutes(app: FastifyInstance, { db, now }: CalendarRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/calendar/years/:year',
    { preHandler: requirePermission('calendar.read'), schema: { tags, params: calendarYearParams, response: { 200: calendarYearSchema } } },
    async (req) => calendarYear(db, viewerOf(req).orgId, req.params.year),
  );

  r.get(
    '/api/calendar/overrides',
    {
      preHandler: requirePermission('calendar.read'),
      schema: { tags, querystring: z.object({ year: calendarYearParams.shape.year.optional() }), response: { 200: calendarOverridesSchema } },
    },
    async (req) => ({ items: await findOrgOverrides(db, viewerOf(req).orgId, req.query.year) }),
  );

  r.post(
    '/api/calendar/overrides',
    { preHandler: requirePermission('calendar.manage'), schema: { tags, body: calendarOverrideInputSchema, response: { 201: calendarOverrideSchema } } },
    async (req, reply) => reply.status(201).send(await addCalendarOverride(db, viewerOf(req), req.body, now(), req.ip)),
  );

  r.delete(
    '/api/calendar/overrides/:date',
    { preHandler: requirePermission('calendar.manage'), schema: { tags, params: calendarOverrideDateParams, response: { 200: calendarOverrideDeletedSchema } } },
    async (req) => deleteCalendarOverride(db, viewerOf(req), req.params.date, now(), req.ip),
  );
}
