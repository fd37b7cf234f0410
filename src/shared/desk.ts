// The service desk (issue 15): categories with their cause codes and
// jurisdiction, the deadline policy, and the request/response schema of every
// desk endpoint.
import { z } from 'zod';
import { idParamSchema, idSchema, isoDateSchema, textSchema, timestampSchema as timestamp } from './primitives.js';

export const CASE_KINDS = ['complaint', 'request', 'callback'] as const;
export const CASE_CHANNELS = ['phone', 'retailer_app', 'visit', 'walk_in'] as const;
export const JURISDICTIONS = ['marketing', 'logistics', 'monopoly'] as const;
export const CASE_STATUSES = ['open', 'waiting', 'closed'] as const;
export const MILESTONES = ['first_contact', 'reply', 'close', 'none'] as const;
export const SURVEY_RESULTS = ['satisfied', 'basically', 'dissatisfied'] as const;
export const RESOLUTIONS = ['resolved', 'explained', 'compensated', 'forwarded', 'not_valid', 'withdrawn'] as const;
export const SEGMENTS = ['key', 'normal'] as const;
export const REWARD_KINDS = ['goods', 'points', 'priority'] as const;

export type CaseKind = (typeof CASE_KINDS)[number];
export type CaseChannel = (typeof CASE_CHANNELS)[number];
export type Jurisdiction = (typeof JURISDICTIONS)[number];
export type Segment = (typeof SEGMENTS)[number];
export type Milestone = (typeof MILESTONES)[number];

type L = { zh: string; en: string };

/** Category → its jurisdiction and cause codes (the sources' complaint causes). */
export const DESK_CATEGORIES = {
  supply: {
    zh: '货源分配',
    en: 'Supply and allocation',
    jurisdiction: 'marketing',
    causes: { scarce_short: { zh: '紧俏烟不足', en: 'Too little scarce brand' }, allocation_unfair: { zh: '分配不公', en: 'Unfair allocation' }, limit_low: { zh: '限量过低', en: 'Limit too low' } },
  },
  delivery: {
    zh: '配送',
    en: 'Delivery',
    jurisdiction: 'logistics',
    causes: { damaged: { zh: '货损', en: 'Damaged' }, late: { zh: '送货延迟', en: 'Late' }, wrong: { zh: '错送漏送', en: 'Wrong or missing' } },
  },
  settlement: {
    zh: '结算',
    en: 'Settlement',
    jurisdiction: 'marketing',
    causes: { deduction: { zh: '扣款问题', en: 'Deduction' }, pos: { zh: 'POS 刷卡', en: 'POS' }, one_sided: { zh: '单边账', en: 'One-sided record' } },
  },
  ordering: {
    zh: '订货',
    en: 'Ordering',
    jurisdiction: 'marketing',
    causes: { wrong_order: { zh: '订错货', en: 'Wrong order' }, cannot_order: { zh: '无法订货', en: 'Could not order' } },
  },
  conduct: {
    zh: '服务态度',
    en: 'Conduct',
    jurisdiction: 'marketing',
    causes: { client_manager: { zh: '客户经理', en: 'Client manager' }, delivery_person: { zh: '送货员', en: 'Delivery person' } },
  },
  price: {
    zh: '价格',
    en: 'Prices',
    jurisdiction: 'marketing',
    causes: { price: { zh: '价格', en: 'Price' }, price_tags: { zh: '明码标价', en: 'Marked prices' } },
  },
  packaging: { zh: '包装', en: 'Packaging', jurisdiction: 'marketing', causes: { packaging: { zh: '包装破损或缺陷', en: 'Damaged or faulty packaging' } } },
  new_brand: { zh: '新品支持', en: 'New-brand support', jurisdiction: 'marketing', causes: { new_brand: { zh: '新品上柜与推广', en: 'Listing and promotion' } } },
  counterfeit: {
    zh: '假烟串码',
    en: 'Counterfeit / cross-region',
    jurisdiction: 'monopoly',
    causes: { counterfeit: { zh: '假烟', en: 'Counterfeit' }, cross_region: { zh: '串码烟', en: 'Cross-region' } },
  },
  service: { zh: '服务请求', en: 'Service request', jurisdiction: 'marketing', causes: { request: { zh: '一般请求', en: 'General request' }, problem: { zh: '经营问题', en: 'Problem raised' } } },
} as const satisfies Record<string, L & { jurisdiction: Jurisdiction; causes: Record<string, L> }>;

export type DeskCategory = keyof typeof DESK_CATEGORIES;
export const CATEGORY_CODES = Object.keys(DESK_CATEGORIES) as DeskCategory[];

export function isCategory(c: string): c is DeskCategory {
  return Object.hasOwn(DESK_CATEGORIES, c);
}
export function isCause(category: string, cause: string): boolean {
  return isCategory(category) && Object.hasOwn(DESK_CATEGORIES[category].causes, cause);
}
export function causeLabel(category: string, cause: string, lang: 'zh' | 'en'): string {
  if (!isCategory(category)) return cause;
  const c = (DESK_CATEGORIES[category].causes as Record<string, L>)[cause];
  return c ? c[lang] : cause;
}

export const deskLabels = {
  kind: { complaint: { zh: '投诉', en: 'Complaint' }, request: { zh: '请求', en: 'Request' }, callback: { zh: '回电', en: 'Callback' } },
  channel: { phone: { zh: '电话', en: 'Phone call' }, retailer_app: { zh: '零售户手机', en: "Retailer's phone" }, visit: { zh: '走访', en: 'Visit' }, walk_in: { zh: '来访', en: 'Walk-in' } },
  jurisdiction: { marketing: { zh: '营销', en: 'Marketing' }, logistics: { zh: '物流', en: 'Logistics' }, monopoly: { zh: '专卖', en: 'Monopoly' } },
  status: { open: { zh: '处理中', en: 'Open' }, waiting: { zh: '等待零售户', en: 'Waiting for retailer' }, closed: { zh: '已办结', en: 'Closed' } },
  milestone: { first_contact: { zh: '首次联系', en: 'First contact' }, reply: { zh: '答复', en: 'Reply' }, close: { zh: '办结', en: 'Close' }, none: { zh: '—', en: '—' } },
  survey: { satisfied: { zh: '满意', en: 'Satisfied' }, basically: { zh: '基本满意', en: 'Mostly satisfied' }, dissatisfied: { zh: '不满意', en: 'Dissatisfied' } },
  resolution: {
    resolved: { zh: '已解决', en: 'Resolved' },
    explained: { zh: '已解释说明', en: 'Explained' },
    compensated: { zh: '已补偿', en: 'Compensated' },
    forwarded: { zh: '已移交专卖', en: 'Forwarded to monopoly' },
    not_valid: { zh: '投诉不成立', en: 'Not valid' },
    withdrawn: { zh: '零售户撤回', en: 'Withdrawn' },
  },
  segment: { key: { zh: '重点客户', en: 'Key customer' }, normal: { zh: '一般客户', en: 'Normal' } },
  reward: { goods: { zh: '实物', en: 'Goods' }, points: { zh: '积分', en: 'Points' }, priority: { zh: '优先供货', en: 'Priority supply' } },
  rewardStatus: { proposed: { zh: '待审批', en: 'Proposed' }, approved: { zh: '已批准', en: 'Approved' }, rejected: { zh: '未批准', en: 'Rejected' }, given: { zh: '已发放', en: 'Given' } },
} as const satisfies Record<string, Record<string, L>>;

export function deskLabel(list: keyof typeof deskLabels, code: string, lang: 'zh' | 'en'): string {
  const e = (deskLabels[list] as Record<string, L>)[code];
  return e ? e[lang] : code;
}

// ---- The deadline policy ------------------------------------------------------------

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'time_format');
export const businessPeriodSchema = z.object({ start: hhmm, end: hhmm });

/** Working minutes to each milestone; '*' matches any category or segment; the most specific row wins. */
export const deadlineRuleSchema = z.object({
  category: z.string().max(40),
  segment: z.enum([...SEGMENTS, '*']),
  firstContactMinutes: z.number().int(),
  replyMinutes: z.number().int(),
  closeMinutes: z.number().int(),
});

export const deskPolicyRulesSchema = z.object({
  periods: z.array(businessPeriodSchema).min(1).max(6),
  /** Share of the working time to a deadline at which it warns (0.75). */
  warnShare: z.number().gt(0).lt(1),
  /** After a breach, working minutes until the case goes on to the county. */
  countyAfterMinutes: z.number().int(),
  /** 回访 within this many working days of the close. */
  surveyWorkingDays: z.number().int(),
  deadlines: z.array(deadlineRuleSchema).min(1).max(100),
  /** Handlers of the county-level queues (null: the first county manager). */
  logisticsHandlerId: idSchema.nullable(),
  monopolyHandlerId: idSchema.nullable(),
});
export type DeskPolicyRules = z.infer<typeof deskPolicyRulesSchema>;
/** What a province or city may set for its counties' desks (decision 1927): any part of the policy but the county's own handlers. */
const complaintPolicyFields = deskPolicyRulesSchema.omit({ logisticsHandlerId: true, monopolyHandlerId: true }).partial();
export const complaintPolicyRuleSchema = complaintPolicyFields.strict();
/** Reading a stored rule: keys it does not know (a rule saved before 1927) are left out. */
export const complaintPolicyRuleReadSchema = complaintPolicyFields;
export type ComplaintPolicyRule = z.infer<typeof complaintPolicyRuleSchema>;
/** Where the policy in force comes from when it is not the county's own (a province or city rule). */
export const deskPolicySourceSchema = z.object({ orgName: z.string(), level: z.enum(['province', 'city', 'county']), version: z.number(), overridable: z.boolean() });
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

/** Minutes of one business day under these periods (08:30–12:00 + 13:30–17:30 → 450): a policy's "working day". */
export function businessDayMinutes(periods: { start: string; end: string }[]): number {
  const min = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return periods.reduce((sum, p) => sum + Math.max(0, min(p.end) - min(p.start)), 0);
}

export const deskPolicySchema = z.object({
  version: z.number(),
  rules: deskPolicyRulesSchema,
  createdAt: timestamp.nullable(),
  /** Set when a province or city rule is in force (decision 1927); its locked fields cannot be changed by the county. */
  inheritedFrom: deskPolicySourceSchema.extend({ fields: z.array(z.string()) }).nullable().optional(),
});

// ---- Requests ------------------------------------------------------------------------

const text = (max: number) => textSchema.trim().max(max, 'text_too_long');

/** Photos with a case (the retailer's form): multipart files beside the JSON field `case`, each checked by its bytes. */
export const DESK_PHOTO_MAX = 4;
export const DESK_PHOTO_MAX_BYTES = 1_000_000;
/** The multipart field that carries the case itself as JSON (the fields of caseCreateSchema). */
export const CASE_FORM_FIELD = 'case';

export const caseCreateSchema = z.object({
  /** Staff name the shop; a retailer files for their own shop. */
  retailerId: idSchema.optional(),
  kind: z.enum(CASE_KINDS, { error: 'invalid_value' }).default('complaint'),
  channel: z.enum(CASE_CHANNELS, { error: 'invalid_value' }).optional(),
  category: z.string().max(40),
  cause: z.string().max(40).optional(),
  text: text(2000).min(1, 'required'),
  /** The worker a conduct complaint is about. */
  subjectUserId: idSchema.nullable().optional(),
});
export type CaseCreate = z.input<typeof caseCreateSchema>;

export const caseListQuerySchema = z.object({
  status: z.enum(['open', 'closed', 'all', 'survey_due']).default('open'),
  mine: z.enum(['true', 'false']).optional(),
  retailerId: idParamSchema.optional(),
  due: z.enum(['warning', 'breached']).optional(),
});

/** Up to this many cases go into one export; the screen says so when a filter matches more. */
export const CASE_EXPORT_LIMIT = 20_000;

/** The case list as a download: the list's filter, the file format and the language of its headers and labels. */
export const caseExportQuerySchema = caseListQuerySchema.extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  lang: z.enum(['zh', 'en']).default('zh'),
});

export const noteSchema = z.object({ text: text(2000).min(1, 'required') });
export const callSchema = z.object({ text: text(2000).default(''), reached: z.boolean().default(true), minutes: z.number().int().min(0).max(600).default(0) });
export const replySchema = z.object({ text: text(2000).min(1, 'required'), waitForRetailer: z.boolean().default(false) });
export const closeSchema = z.object({ resolution: z.enum(RESOLUTIONS, { error: 'invalid_value' }), text: text(2000).default(''), valid: z.boolean().optional() });
export const reassignSchema = z.object({ handlerId: idSchema, reason: text(500).min(1, 'required') });
export const surveySchema = z.object({ result: z.enum(SURVEY_RESULTS, { error: 'invalid_value' }), note: text(500).default('') });
export const forwardSchema = z.object({ ref: text(60).default(''), text: text(1000).default('') });
export const rewardProposeSchema = z.object({ kind: z.enum(REWARD_KINDS, { error: 'invalid_value' }), description: text(200).min(1, 'required'), amount: z.number().int().min(0).max(1_000_000).default(0) });
export const rewardDecideSchema = z.object({ approve: z.boolean() });
export const statsQuerySchema = z.object({ from: isoDateSchema.optional(), to: isoDateSchema.optional(), mine: z.enum(['true', 'false']).optional() });
/** The figures as a download: one sheet, a section per table (attainment by category, handler, station; causes; months; 回访). */
export const statsExportQuerySchema = statsQuerySchema.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx'), lang: z.enum(['zh', 'en']).default('zh') });

// ---- Responses -----------------------------------------------------------------------

export const caseItemSchema = z.object({
  id: z.number(),
  kind: z.string(),
  channel: z.string(),
  category: z.string(),
  cause: z.string(),
  jurisdiction: z.string(),
  retailerId: z.number(),
  shopName: z.string(),
  customerCode: z.string(),
  stationId: z.number().nullable(),
  handlerId: z.number().nullable(),
  handlerName: z.string().nullable(),
  text: z.string(),
  segment: z.string(),
  status: z.string(),
  milestone: z.string(),
  warnAt: timestamp.nullable(),
  dueAt: timestamp.nullable(),
  warnedAt: timestamp.nullable(),
  breachedAt: timestamp.nullable(),
  escalation: z.number(),
  openedAt: timestamp,
  closedAt: timestamp.nullable(),
  resolution: z.string().nullable(),
  surveyDueAt: timestamp.nullable(),
  reopenCount: z.number(),
  forwardedAt: timestamp.nullable(),
  /** Set when the case is closed and its 回访 is still to be recorded. */
  surveyPending: z.boolean(),
  /** By the server's clock: breached | warning | ok | none (closed or the clock stopped). */
  dueState: z.enum(['breached', 'warning', 'ok', 'none']),
});
export type CaseItem = z.infer<typeof caseItemSchema>;
export const caseListSchema = z.object({ items: z.array(caseItemSchema) });

export const caseEventSchema = z.object({
  id: z.number(),
  type: z.string(),
  byName: z.string().nullable(),
  text: z.string(),
  detail: z.record(z.string(), z.unknown()),
  toRetailer: z.boolean(),
  at: timestamp,
});

const limitLineSchema = z.object({
  productName: z.string(),
  limitQty: z.number(),
  reason: z.object({ zh: z.string(), en: z.string() }).nullable(),
  /** What shops of the same tier and market got of it (average limit and shops). */
  sameTierAvg: z.number().nullable(),
  sameTierShops: z.number(),
});
export const linkedRecordsSchema = z.object({
  retailer: z.object({ tier: z.number(), star: z.number(), classCode: z.string(), network: z.string(), gridName: z.string(), workerName: z.string().nullable() }),
  allocation: z.object({ weekStart: z.string().nullable(), lines: z.array(limitLineSchema) }).nullable(),
  orders: z
    .array(z.object({ id: z.number(), orderDate: z.string(), channel: z.string(), totalQty: z.number(), totalAmount: z.number(), settlementStatus: z.string(), lines: z.array(z.object({ productName: z.string(), orderedQty: z.number() })) }))
    .nullable(),
  deductions: z.array(z.object({ orderId: z.number(), orderDate: z.string(), status: z.string(), amount: z.number(), failureReason: z.string().nullable(), at: timestamp })).nullable(),
});
export type LinkedRecords = z.infer<typeof linkedRecordsSchema>;

export const surveyItemSchema = z.object({ id: z.number(), result: z.string(), channel: z.string(), note: z.string(), late: z.boolean(), at: timestamp });
export const rewardItemSchema = z.object({
  id: z.number(),
  caseId: z.number(),
  retailerId: z.number(),
  shopName: z.string(),
  kind: z.string(),
  description: z.string(),
  amount: z.number(),
  status: z.string(),
  proposedAt: timestamp,
  decidedAt: timestamp.nullable(),
  givenAt: timestamp.nullable(),
});

export const caseDetailSchema = z.object({
  case: caseItemSchema.extend({ /** Numbers of the case's photos: GET …/photos/:seq. */ photos: z.array(z.number()), subjectUserId: z.number().nullable(), forwardRef: z.string().nullable(), valid: z.boolean().nullable(), version: z.number() }),
  events: z.array(caseEventSchema),
  surveys: z.array(surveyItemSchema),
  rewards: z.array(rewardItemSchema),
  linked: linkedRecordsSchema.nullable(),
  /** Who the viewer may reassign to (staff only). */
  handlers: z.array(z.object({ id: z.number(), name: z.string(), role: z.string() })),
  /** What the viewer may do now. */
  can: z.object({ work: z.boolean(), survey: z.boolean(), reassign: z.boolean(), reward: z.boolean() }),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

/** The retailer's view of their own case: only what was said to them. */
export const myCaseSchema = z.object({
  id: z.number(),
  kind: z.string(),
  category: z.string(),
  cause: z.string(),
  text: z.string(),
  status: z.string(),
  openedAt: timestamp,
  closedAt: timestamp.nullable(),
  resolution: z.string().nullable(),
  replies: z.array(z.object({ text: z.string(), at: timestamp })),
  surveyPending: z.boolean(),
  photos: z.array(z.number()),
});
export const myCasesSchema = z.object({ items: z.array(myCaseSchema) });

export const caseCreatedSchema = z.object({ id: z.number(), handlerId: z.number().nullable(), jurisdiction: z.string(), dueAt: timestamp.nullable() });
export const okSchema = z.object({ ok: z.boolean() });
export const casePhotoParams = z.object({ id: idParamSchema, seq: z.coerce.number().int().min(1).max(DESK_PHOTO_MAX) });

const countRow = z.object({ key: z.string(), label: z.string(), total: z.number(), onTime: z.number(), breached: z.number() });
export const deskStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  pareto: z.array(z.object({ category: z.string(), cause: z.string(), count: z.number() })),
  byHandler: z.array(countRow),
  byStation: z.array(countRow),
  byCategory: z.array(countRow),
  closed: z.number(),
  reopened: z.number(),
  surveys: z.object({ satisfied: z.number(), basically: z.number(), dissatisfied: z.number() }),
  monthly: z.array(z.object({ month: z.string(), opened: z.number(), closed: z.number(), breached: z.number() })),
});
export type DeskStats = z.infer<typeof deskStatsSchema>;

export const policyCheckSchema = z.object({ errors: z.array(z.object({ code: z.string(), message: z.string() })) });
export const rewardListSchema = z.object({ items: z.array(rewardItemSchema) });
