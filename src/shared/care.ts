// Care (issue 16, 关怀): the special-group register, care tasks (calendar and
// expired proofs), disasters (area, shops, contact checklist, help ledger,
// rating freezes, recovery) and community activities. Request and response schemas.
import { z } from 'zod';
import { idSchema, isoDateSchema, textSchema, timestampSchema } from './primitives.js';

/** 五保户/特困, 残疾人, 烈属/军属, 低保, 独居老人. */
export const SPECIAL_GROUP_KINDS = ['wubao', 'disabled', 'martyr', 'dibao', 'elderly_alone'] as const;
export type SpecialGroupKind = (typeof SPECIAL_GROUP_KINDS)[number];
export const CARE_TASK_KINDS = ['proof_expired', 'recheck', 'birthday_visit', 'spring_festival_visit', 'disaster_contact'] as const;
export const HELP_KINDS = ['goods', 'money', 'waived_fee', 'extra_delivery', 'alt_delivery', 'pickup_point'] as const;
/** Help measured in yuan; the others are services (amount optional, 0). */
export const HELP_WITH_AMOUNT: readonly string[] = ['goods', 'money', 'waived_fee'];
export const ACTIVITY_KINDS = ['volunteer', 'donation', 'children_home', 'elderly_home', 'practical_deeds'] as const;
export const DISASTER_KINDS = ['typhoon', 'flood', 'earthquake', 'fire', 'snow', 'other'] as const;

const name = (max: number) => textSchema.pipe(z.string().trim().min(1, 'required').max(max, 'text_too_long'));
const note = (max: number) => textSchema.pipe(z.string().trim().max(max, 'text_too_long'));

/** A photo as a data URL (JPEG, PNG or WebP), ≤ 400 kB; its bytes are checked on the server too. */
export const photoSchema = z.string().regex(/^data:image\/(jpeg|png|webp);base64,/, 'care_photo_type').max(560_000, 'photo_too_large');

// ── Special groups ─────────────────────────────────────────────
export const specialGroupCreateSchema = z.object({
  retailerId: idSchema,
  kind: z.enum(SPECIAL_GROUP_KINDS),
  /** 残疾等级 1–4, only for disabled. */
  disabilityGrade: z.number().int().min(1, 'invalid_value').max(4, 'invalid_value').nullable().default(null),
  authority: name(60),
  documentNo: note(40).default(''),
  /** The proof: a photo of the certificate. */
  photo: photoSchema.optional(),
  validUntil: isoDateSchema,
  recheckOn: isoDateSchema,
  note: note(200).default(''),
});
export const specialGroupRenewSchema = z.object({ validUntil: isoDateSchema, recheckOn: isoDateSchema, photo: photoSchema.optional(), authority: name(60).optional() });

export const specialGroupSchema = z.object({
  id: z.number(),
  retailerId: z.number(),
  shopName: z.string(),
  gridName: z.string(),
  kind: z.enum(SPECIAL_GROUP_KINDS),
  disabilityGrade: z.number().nullable(),
  authority: z.string(),
  documentNo: z.string(),
  photoId: z.number().nullable(),
  validUntil: z.string(),
  recheckOn: z.string(),
  expired: z.boolean(),
  note: z.string(),
});
export const specialGroupListSchema = z.object({ items: z.array(specialGroupSchema) });
export const specialGroupQuerySchema = z.object({ retailerId: z.coerce.number().int().min(1).max(2_147_483_647).optional() });

// ── Care tasks ─────────────────────────────────────────────────
export const careTaskSchema = z.object({
  id: z.number(),
  kind: z.enum(CARE_TASK_KINDS),
  retailerId: z.number(),
  shopName: z.string(),
  assigneeName: z.string().nullable(),
  dueOn: z.string(),
  title: z.string(),
  status: z.enum(['open', 'done']),
  /** On the worker's visit calendar (a stop of that day). */
  onCalendar: z.boolean(),
  doneAt: timestampSchema.nullable(),
});
export const careTaskListSchema = z.object({ items: z.array(careTaskSchema) });
export const careTaskQuerySchema = z.object({ status: z.enum(['open', 'done', 'all']).default('open') });
export const careTaskDoneSchema = z.object({ note: note(200).default('') });

// ── Disasters ──────────────────────────────────────────────────
const ring = z.array(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])).min(3, 'polygon_invalid').max(200, 'polygon_invalid');
export const disasterAreaSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('polygon'), ring }),
  z.object({ kind: z.literal('grids'), gridIds: z.array(idSchema).min(1).max(500) }),
  /** Shops within radiusKm of the picked villages. */
  z.object({ kind: z.literal('villages'), villageIds: z.array(idSchema).min(1).max(500), radiusKm: z.number().min(0.2).max(10).default(1.5) }),
]);
export type DisasterArea = z.infer<typeof disasterAreaSchema>;

export const disasterCreateSchema = z.object({
  name: name(40),
  kind: z.enum(DISASTER_KINDS),
  occurredOn: isoDateSchema,
  area: disasterAreaSchema,
  /** The area's weekly orders as a share of before, at which the case closes. */
  recoveryLevel: z.number().min(0.3, 'invalid_value').max(1.5, 'invalid_value').default(0.8),
});
export const disasterPreviewSchema = z.object({ area: disasterAreaSchema });
export const affectedShopSchema = z.object({
  retailerId: z.number(),
  shopName: z.string(),
  address: z.string(),
  gridName: z.string(),
  workerId: z.number().nullable(),
  workerName: z.string().nullable(),
  lat: z.number(),
  lng: z.number(),
  reached: z.boolean().nullable(),
  safe: z.boolean().nullable(),
  damaged: z.boolean().nullable(),
  lossesYuan: z.number().nullable(),
  lossesNote: z.string(),
  contactedAt: timestampSchema.nullable(),
  helpYuan: z.number(),
});
export const disasterPreviewResultSchema = z.object({ shops: z.array(affectedShopSchema.pick({ retailerId: true, shopName: true, gridName: true, workerName: true, lat: true, lng: true })) });

export const disasterSummarySchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(DISASTER_KINDS),
  occurredOn: z.string(),
  status: z.enum(['open', 'closed']),
  recoveryLevel: z.number(),
  shops: z.number(),
  contacted: z.number(),
  helpYuan: z.number(),
  /** The area's latest complete week as a share of before; null before the first week. */
  latestShare: z.number().nullable(),
  closedAt: timestampSchema.nullable(),
});
export const disasterListSchema = z.object({ items: z.array(disasterSummarySchema) });
export const helpEntrySchema = z.object({
  id: z.number(),
  retailerId: z.number(),
  shopName: z.string(),
  kind: z.enum(HELP_KINDS),
  amountYuan: z.number(),
  description: z.string(),
  approverName: z.string(),
  givenOn: z.string(),
  recordedBy: z.string().nullable(),
});
export const disasterDetailSchema = z.object({
  disaster: disasterSummarySchema,
  /** The drawn ring ([lng, lat], WGS-84) when drawn. */
  ring: z.array(z.tuple([z.number(), z.number()])).nullable(),
  shops: z.array(affectedShopSchema),
  help: z.array(helpEntrySchema),
  freezes: z.array(z.object({ month: z.string(), shops: z.number() })),
  can: z.object({ manage: z.boolean(), work: z.boolean() }),
});
export const contactSchema = z.object({
  reached: z.boolean(),
  safe: z.boolean().nullable().default(null),
  damaged: z.boolean().nullable().default(null),
  lossesYuan: z.number().min(0, 'invalid_value').max(10_000_000, 'invalid_value').nullable().default(null),
  lossesNote: note(300).default(''),
});
export const helpCreateSchema = z.object({
  retailerId: idSchema,
  kind: z.enum(HELP_KINDS),
  amountYuan: z.number().min(0, 'invalid_value').max(1_000_000, 'invalid_value').default(0),
  description: name(200),
  approverId: idSchema,
  givenOn: isoDateSchema,
});
export const freezeSchema = z.object({ months: z.array(z.string().regex(/^\d{4}-\d{2}$/, 'invalid_value')).min(1).max(6) });
export const freezeResultSchema = z.object({ frozen: z.number(), skippedPublished: z.array(z.string()) });
export const recoveryPointSchema = z.object({ week: z.string(), share: z.number().nullable() });
export const recoverySchema = z.object({
  level: z.number(),
  eventWeek: z.string(),
  area: z.array(recoveryPointSchema),
  shops: z.array(z.object({ retailerId: z.number(), shopName: z.string(), baseline: z.number(), points: z.array(recoveryPointSchema) })),
  recoveredWeek: z.string().nullable(),
});
export const approverListSchema = z.object({ items: z.array(z.object({ id: z.number(), name: z.string(), role: z.string() })) });

// ── Community activities ───────────────────────────────────────
export const activityCreateSchema = z.object({
  kind: z.enum(ACTIVITY_KINDS),
  title: name(60),
  heldOn: isoDateSchema,
  place: note(100).default(''),
  description: note(1000).default(''),
  retailerIds: z.array(idSchema).max(200).default([]),
  staffIds: z.array(idSchema).max(100).default([]),
  photos: z.array(photoSchema).max(4).default([]),
});
export const activitySchema = z.object({
  id: z.number(),
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string(),
  heldOn: z.string(),
  place: z.string(),
  description: z.string(),
  shops: z.array(z.object({ id: z.number(), name: z.string() })),
  staff: z.array(z.object({ id: z.number(), name: z.string() })),
  photoIds: z.array(z.number()),
});
export const activityListSchema = z.object({ items: z.array(activitySchema) });
export const activityQuerySchema = z.object({ retailerId: z.coerce.number().int().min(1).max(2_147_483_647).optional() });

/** The care of one shop on its file: activities and disaster help (special groups only with permission). */
export const retailerCareSchema = z.object({
  activities: z.array(activitySchema.pick({ id: true, kind: true, title: true, heldOn: true, photoIds: true })),
  help: z.array(helpEntrySchema.extend({ disasterName: z.string() })),
  tasks: z.array(careTaskSchema),
});

export const createdSchema = z.object({ id: z.number() });
export const careOkSchema = z.object({ ok: z.literal(true) });

/** Code labels (zh first). */
export const careLabels = {
  specialGroup: {
    wubao: { zh: '五保户/特困', en: 'Five guarantees / destitute' },
    disabled: { zh: '残疾人', en: 'Disabled' },
    martyr: { zh: '烈属/军属', en: "Martyr's / military family" },
    dibao: { zh: '低保户', en: 'Minimum living allowance' },
    elderly_alone: { zh: '独居老人', en: 'Elderly living alone' },
  },
  task: {
    proof_expired: { zh: '证明过期，请复核', en: 'Proof expired: re-check' },
    recheck: { zh: '到期复核', en: 'Scheduled re-check' },
    birthday_visit: { zh: '生日走访', en: 'Birthday visit' },
    spring_festival_visit: { zh: '春节走访慰问', en: 'Spring Festival visit' },
    disaster_contact: { zh: '受灾联系', en: 'Disaster contact' },
  },
  help: {
    goods: { zh: '物资', en: 'Goods' },
    money: { zh: '慰问金', en: 'Money' },
    waived_fee: { zh: '减免费用', en: 'Waived fees' },
    extra_delivery: { zh: '加送', en: 'Extra delivery' },
    alt_delivery: { zh: '改道配送', en: 'Alternative delivery' },
    pickup_point: { zh: '临时取货点', en: 'Temporary pickup point' },
  },
  activity: {
    volunteer: { zh: '志愿服务', en: 'Volunteer work' },
    donation: { zh: '捐赠', en: 'Donation' },
    children_home: { zh: '看望儿童福利院', en: "Visit to a children's home" },
    elderly_home: { zh: '看望敬老院', en: 'Visit to an elderly home' },
    practical_deeds: { zh: '我为群众办实事', en: 'Practical deeds for the people' },
  },
  disaster: {
    typhoon: { zh: '台风', en: 'Typhoon' },
    flood: { zh: '洪涝', en: 'Flood' },
    earthquake: { zh: '地震', en: 'Earthquake' },
    fire: { zh: '火灾', en: 'Fire' },
    snow: { zh: '冰雪', en: 'Snow and ice' },
    other: { zh: '其他', en: 'Other' },
  },
} as const;
