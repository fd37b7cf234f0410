// New-licensee onboarding: requests and responses of its endpoints.
import { z } from 'zod';
import { idParamSchema, idSchema, textSchema, timestampSchema } from './primitives.js';

export const ONBOARDING_STEPS = ['marketing_notified', 'client_manager_setup', 'customer_entered', 'delivery_ready'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];
export const STEP_OWNERS = ['monopoly', 'client_manager', 'marketing', 'logistics'] as const;
export type StepOwner = (typeof STEP_OWNERS)[number];
export const STEP_STATES = ['waiting', 'open', 'warning', 'breached', 'done', 'done_late'] as const;
export type StepState = (typeof STEP_STATES)[number];

const shortText = textSchema.trim().min(1).max(200);

export const recordLicenceSchema = z.object({
  licenceNo: textSchema.trim().regex(/^\d{12}$/, 'licence_format'),
  shopName: shortText,
  address: textSchema.trim().max(200).default(''),
  gridId: idSchema,
  /** When the licence was granted; defaults to now. */
  licensedAt: z.iso.datetime({ offset: true }).optional(),
});
export type RecordLicenceInput = z.input<typeof recordLicenceSchema>;

/** What each step records when it is done. */
export const completeStepSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('marketing_notified'), note: textSchema.trim().max(500).default('') }),
  z.object({
    step: z.literal('client_manager_setup'),
    eSettlementOpened: z.literal(true),
    fileCollected: z.literal(true),
    shopPhotographed: z.literal(true),
    proposedClass: textSchema.trim().regex(/^[A-Z]{1,3}\d{0,2}$/, 'class_format'),
    proposedTier: z.number().int().min(1).max(30),
    reason: textSchema.trim().min(4, 'reason_required').max(500),
    note: textSchema.trim().max(500).default(''),
  }),
  z.object({
    step: z.literal('customer_entered'),
    retailerId: idSchema,
    /** The shop's order day from now on (ISO weekday): written to its file. */
    orderWeekday: z.number().int().min(1, 'weekday_range').max(7, 'weekday_range'),
    /** Open the shop's ordering login (its licence number) with an initial password shown once (decision 1026). */
    openAccount: z.boolean().default(false),
    note: textSchema.trim().max(500).default(''),
  }),
  z.object({
    step: z.literal('delivery_ready'),
    deliveryRoute: shortText,
    confirmationCardNo: textSchema.trim().min(1).max(40),
    note: textSchema.trim().max(500).default(''),
  }),
]);
export type CompleteStepInput = z.input<typeof completeStepSchema>;

export const onboardingIdParams = z.object({ id: idParamSchema });
export const onboardingListQuery = z.object({ status: z.enum(['open', 'finished', 'all']).default('open') });

export const onboardingStepSchema = z.object({
  step: z.enum(ONBOARDING_STEPS),
  seq: z.number(),
  owner: z.enum(STEP_OWNERS),
  ownerName: z.string().nullable(),
  workingDays: z.number(),
  state: z.enum(STEP_STATES),
  startedAt: timestampSchema.nullable(),
  warnAt: timestampSchema.nullable(),
  dueAt: timestampSchema.nullable(),
  completedAt: timestampSchema.nullable(),
  /** Working days it took (done) or has taken so far (open). */
  daysTaken: z.number().nullable(),
  detail: z.record(z.string(), z.unknown()),
  canComplete: z.boolean(),
});
export const onboardingSchema = z.object({
  id: z.number(),
  licenceNo: z.string(),
  shopName: z.string(),
  address: z.string(),
  gridId: z.number(),
  gridName: z.string(),
  retailerId: z.number().nullable(),
  licensedAt: timestampSchema,
  finishedAt: timestampSchema.nullable(),
  firstOrderOn: z.string().nullable(),
  firstDeliveryOn: z.string().nullable(),
  steps: z.array(onboardingStepSchema),
});
export type OnboardingItem = z.input<typeof onboardingSchema>;
export const onboardingsSchema = z.object({ items: z.array(onboardingSchema) });
export const onboardingCreatedSchema = z.object({ id: z.number() });

export const onboardingStatsSchema = z.object({
  open: z.number(),
  finished: z.number(),
  steps: z.array(
    z.object({
      step: z.enum(ONBOARDING_STEPS),
      workingDays: z.number(),
      done: z.number(),
      late: z.number(),
      medianDays: z.number().nullable(),
      p90Days: z.number().nullable(),
    }),
  ),
});
export type OnboardingStats = z.input<typeof onboardingStatsSchema>;
export const stepCompletedSchema = z.object({
  id: z.number(),
  step: z.enum(ONBOARDING_STEPS),
  nextStep: z.enum(ONBOARDING_STEPS).nullable(),
  /** The shop's ordering login when the step opened it; the initial password only when it was just made (shown once, never stored in clear). */
  account: z.object({ username: z.string(), initialPassword: z.string().nullable() }).nullable().optional(),
});
