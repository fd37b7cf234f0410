// Visit schemas shared by the API and the field screen: check-in, the visit
// form, the day route, follow-ups and progress.
import { z } from 'zod';
import { idParamSchema, idSchema, isoDateSchema, MAX_ID, textSchema } from './primitives.js';
import { JOB_STATES, jobViewSchema } from './jobs.js';
import { launchCheckSchema, routeLaunchSchema } from './cultivation.js';

/** A missing value says "required"; a wrong one "invalid_value". */
const req = { error: (iss: { input: unknown }) => (iss.input === undefined || iss.input === null ? 'required' : 'invalid_value') };

export const PRICE_TAGS = ['complete', 'partial', 'missing'] as const;
export const VISIT_STORE_IMAGES = ['A', 'B', 'C', 'D'] as const;
export const ORDER_DAY_POLICIES = ['any', 'avoid', 'precede'] as const;
export const FOLLOW_UP_KINDS = ['request', 'problem', 'counterfeit'] as const;

export const dateSchema = isoDateSchema;

export const positionSchema = z.object({
  lat: z.number(req).min(-90, 'lat_range').max(90, 'lat_range').nullable().optional(),
  lng: z.number(req).min(-180, 'lng_range').max(180, 'lng_range').nullable().optional(),
  accuracyM: z.number().nonnegative().max(100_000).nullable().optional(),
  /** When the phone took the position (ISO); the server clock when absent. */
  at: z.iso.datetime({ offset: true, error: 'invalid_value' }).optional(),
  farReason: textSchema.trim().max(200, 'text_too_long').optional(),
});

export const checkInSchema = positionSchema.extend({
  id: z.uuid({ error: 'invalid_value' }),
  retailerId: z.number(req).int().positive().max(MAX_ID, 'id_range'),
});
export type CheckIn = z.infer<typeof checkInSchema>;

export const visitFormSchema = z.object({
  displayScore: z.number(req).int('invalid_value').min(1, 'score_range').max(5, 'score_range'),
  priceTags: z.enum(PRICE_TAGS, req),
  newBrands: z.array(textSchema.trim().min(1).max(40, 'text_too_long')).max(30).default([]),
  suspectCounterfeit: z.boolean().default(false),
  counterfeitNote: textSchema.trim().max(300, 'text_too_long').default(''),
  storeImage: z.enum(VISIT_STORE_IMAGES, req),
  consumerFeedback: textSchema.trim().max(500, 'text_too_long').default(''),
  requests: textSchema.trim().max(500, 'text_too_long').default(''),
  problems: textSchema.trim().max(500, 'text_too_long').default(''),
  /** Share of the shop's income that tobacco brings, in %, as the owner reports it (依存度, issue 17); absent = not asked. */
  tobaccoIncomePct: z.number().int('invalid_value').min(0, 'percent_range').max(100, 'percent_range').nullable().optional(),
  /** The shelf check and consumer-trial feedback for a launch whose target holds the shop (品牌培育). */
  launch: launchCheckSchema.nullable().optional(),
});
export type VisitFormInput = z.input<typeof visitFormSchema>;

export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/**
 * The cases a visit form raises, by kind, in the order the visit opens them:
 * the same conditions as the follow-ups (`domain/visits/follow-ups.ts`).
 */
export function raisedCaseKinds(form: { requests?: string; problems?: string; suspectCounterfeit?: boolean }): FollowUpKind[] {
  const out: FollowUpKind[] = [];
  if ((form.requests ?? '').trim()) out.push('request');
  if ((form.problems ?? '').trim()) out.push('problem');
  if (form.suspectCounterfeit) out.push('counterfeit');
  return out;
}

export const visitSubmitSchema = z
  .object({
    retailerId: z.number(req).int().positive().max(MAX_ID, 'id_range'),
    checkIn: positionSchema,
    form: visitFormSchema,
    /** Small JPEG data URLs made on the phone. */
    photos: z.array(z.string().regex(/^data:image\/(jpeg|png|webp);base64,/, 'invalid_value').max(400_000, 'photo_too_large')).max(4).default([]),
    /**
     * Per photo, the kinds of the cases raised on this visit it goes with
     * ([] = it stays on the visit only). Absent: every photo goes with every
     * case, as before this field (a visit queued on a phone before it).
     * Kinds, not case ids: the cases do not exist until the visit reaches the
     * server, and a visit can only name its own (decision 1025).
     */
    photoCases: z.array(z.array(z.enum(FOLLOW_UP_KINDS, req)).max(3)).max(4).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.photoCases) return;
    if (v.photoCases.length !== v.photos.length) ctx.addIssue({ code: 'custom', path: ['photoCases'], message: 'visit_photo_cases_count' });
    const raised = raisedCaseKinds(v.form);
    v.photoCases.forEach((kinds, i) => {
      if (new Set(kinds).size !== kinds.length) ctx.addIssue({ code: 'custom', path: ['photoCases', i], message: 'invalid_value' });
      if (kinds.some((k) => !raised.includes(k))) ctx.addIssue({ code: 'custom', path: ['photoCases', i], message: 'visit_photo_case_not_raised' });
    });
  });
export type VisitSubmit = z.input<typeof visitSubmitSchema>;

export const visitResultSchema = z.object({
  id: z.string(),
  status: z.enum(['checked_in', 'done']),
  distanceM: z.number(),
  far: z.boolean(),
  /** The same visit had already been received; nothing was changed. */
  duplicate: z.boolean(),
  followUps: z.number(),
});
export type VisitResult = z.infer<typeof visitResultSchema>;

export const dayRouteQuerySchema = z.object({
  date: dateSchema.optional(),
  workerId: idParamSchema.optional(),
});

const visitMarkSchema = z.object({
  id: z.string(),
  status: z.string(),
  checkedInAt: z.string(),
  lat: z.number(),
  lng: z.number(),
  distanceM: z.number(),
  displayScore: z.number().nullable(),
});

export const routeRetailerSchema = z.object({
  id: z.number(),
  shopName: z.string(),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  star: z.number(),
  orderWeekday: z.number(),
  keyCustomer: z.boolean(),
  /** Masked unless the viewer's role sees phones (a grid worker does, to call ahead). */
  phone: z.string(),
});

export const dayRouteSchema = z.object({
  date: z.string(),
  worker: z.object({ id: z.number(), name: z.string() }),
  planId: z.number().nullable(),
  cycleStart: z.string(),
  cycleEnd: z.string(),
  depot: z.object({ lat: z.number(), lng: z.number(), kind: z.string() }).nullable(),
  checkInRadiusM: z.number(),
  stops: z.array(
    z.object({
      stopId: z.number(),
      seq: z.number(),
      plannedStart: z.number(),
      serviceMinutes: z.number(),
      legMetres: z.number(),
      retailer: routeRetailerSchema,
      visit: visitMarkSchema.nullable(),
    }),
  ),
  /** Visits of the day to shops not on the plan. */
  extraVisits: z.array(visitMarkSchema.extend({ retailer: routeRetailerSchema })),
  summary: z.object({ planned: z.number(), done: z.number(), checkedIn: z.number(), km: z.number() }),
  /** No calendar yet: the job making it (poll GET /api/jobs/:id or this route); null otherwise. */
  planning: z.object({ jobId: z.number(), state: z.enum(JOB_STATES), progress: z.number() }).nullable().optional(),
  /** Names of new products, offered in the form's new-brands field. */
  newProducts: z.array(z.string()),
  /** Launches running today whose target holds a shop of the route. */
  launches: z.array(routeLaunchSchema).optional(),
});
export type DayRoute = z.infer<typeof dayRouteSchema>;

export const generatePlansSchema = z.object({
  date: dateSchema.optional(),
  workerIds: z.array(idSchema).max(500).optional(),
});
/** POST /api/visit-plans answers at once with the queued job. */
export const planningQueuedSchema = z.object({ job: jobViewSchema });
export const generatePlansResultSchema = z.object({
  cycleStart: z.string(),
  cycleEnd: z.string(),
  workers: z.array(z.object({ workerId: z.number(), retailers: z.number(), visits: z.number(), km: z.number(), unplanned: z.number() })),
});

export const frequencyRuleSchema = z.object({
  priority: z.number().int().min(0).max(999),
  label: textSchema.trim().min(1, 'required').max(40, 'text_too_long'),
  servicePackage: textSchema.trim().max(40).nullable(),
  starMin: z.number().int().min(0).max(6),
  starMax: z.number().int().min(0).max(6),
  classPrefix: textSchema.trim().max(8).nullable(),
  visitsPerCycle: z.number().int().min(1).max(20),
  serviceMinutes: z.number().int().min(1).max(240),
  keyCustomer: z.boolean(),
});

export const visitSettingsSchema = z.object({
  cycleWeeks: z.number().int().min(1).max(8),
  cycleAnchor: dateSchema,
  workWeekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  dayStart: z.number().int().min(0).max(1439),
  dayEnd: z.number().int().min(1).max(1440),
  orderDayPolicy: z.enum(ORDER_DAY_POLICIES),
  checkInRadiusM: z.number().int().min(10).max(5000),
  keyCallbackHours: z.number().int().min(1).max(720),
  followUpHours: z.number().int().min(1).max(2160),
  roadFactor: z.number().min(1).max(3),
  speedKmh: z.number().min(3).max(120),
});

export const visitConfigSchema = z.object({ settings: visitSettingsSchema, rules: z.array(frequencyRuleSchema) });
export const visitConfigUpdateSchema = z.object({
  settings: visitSettingsSchema.partial().optional(),
  rules: z.array(frequencyRuleSchema).min(1).max(50).optional(),
});

export const visitOverrideSchema = z.object({
  visitsPerCycle: z.number().int().min(1).max(20).nullable().default(null),
  serviceMinutes: z.number().int().min(1).max(240).nullable().default(null),
  keyCustomer: z.boolean().nullable().default(null),
  opensAt: z.number().int().min(0).max(1439).nullable().default(null),
  closesAt: z.number().int().min(1).max(1440).nullable().default(null),
  note: textSchema.trim().max(200, 'text_too_long').default(''),
});

export const followUpQuerySchema = z.object({
  status: z.enum(['open', 'done', 'all']).default('open'),
  overdue: z.enum(['true', 'false']).optional(),
});
export const followUpSchema = z.object({
  id: z.number(),
  visitId: z.string().nullable(),
  retailerId: z.number(),
  shopName: z.string(),
  workerId: z.number(),
  workerName: z.string(),
  kind: z.string(),
  action: z.string(),
  text: z.string(),
  keyCustomer: z.boolean(),
  dueAt: z.string(),
  status: z.string(),
  overdue: z.boolean(),
  doneAt: z.string().nullable(),
  resolution: z.string(),
  createdAt: z.string(),
});
export type FollowUp = z.infer<typeof followUpSchema>;
export const followUpUpdateSchema = z.object({
  status: z.enum(['open', 'done']),
  resolution: z.string().trim().max(500, 'text_too_long').default(''),
});

export const progressQuerySchema = z.object({
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  workerId: idParamSchema.optional(),
});
const counts = { planned: z.number(), done: z.number(), late: z.number(), missed: z.number(), pending: z.number() };
export const progressSchema = z.object({
  from: z.string(),
  to: z.string(),
  today: z.string(),
  workers: z.array(z.object({ workerId: z.number(), name: z.string(), stationId: z.number().nullable(), ...counts, extra: z.number(), overdueFollowUps: z.number() })),
  days: z.array(z.object({ date: z.string(), ...counts })),
  weeks: z.array(z.object({ week: z.string(), ...counts })),
  /** Calendars of the range are still being made by a job: the planned counts will grow. */
  planning: z.boolean().optional(),
});
export type Progress = z.infer<typeof progressSchema>;

export const visitDepotSchema = z
  .object({
    startFrom: z.enum(['station', 'home'], req),
    homeLat: z.number().min(-90, 'lat_range').max(90, 'lat_range').nullable().default(null),
    homeLng: z.number().min(-180, 'lng_range').max(180, 'lng_range').nullable().default(null),
  })
  .refine((d) => d.startFrom === 'station' || (d.homeLat !== null && d.homeLng !== null), { message: 'required', path: ['homeLat'] });

/** A shop's visits, newest first, for its file (一口清). */
export const retailerVisitSchema = z.object({
  id: z.string(),
  visitDate: z.string(),
  status: z.string(),
  workerName: z.string(),
  checkedInAt: z.string(),
  distanceM: z.number(),
  far: z.boolean(),
  displayScore: z.number().nullable(),
  storeImage: z.string().nullable(),
  priceTags: z.string().nullable(),
  requests: z.string(),
  problems: z.string(),
  suspectCounterfeit: z.boolean(),
  /** Was on the worker's plan for that day (else an extra visit). */
  planned: z.boolean(),
  followUps: z.number(),
});
export type RetailerVisit = z.infer<typeof retailerVisitSchema>;
export const retailerVisitsSchema = z.object({ items: z.array(retailerVisitSchema) });
