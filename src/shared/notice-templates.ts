// Notice templates (issue 16 item 4, decision 1135): marketing lists them,
// edits one (a save is a new version; old ones stay readable), previews it
// with a real shop and sees the SMS length and parts. Request and response schemas.
import { z } from 'zod';
import { idSchema, textSchema, timestampSchema } from './primitives.js';

/** The codes a template can have (the built-in ones; `urgent` is a person's own text and not edited here). */
export const TEMPLATE_CODES = [
  'order_window_open',
  'window_changed',
  'window_nudge',
  'supply_notice',
  'deduction_failed',
  'greeting',
  'survey_invite',
  'launch_below_band',
  'onboarding_deadline',
] as const;
export type EditableTemplateCode = (typeof TEMPLATE_CODES)[number];

/** What each template is for, zh first. */
export const templateLabels: Record<EditableTemplateCode, { zh: string; en: string }> = {
  order_window_open: { zh: '订货窗口提醒', en: 'Order window reminder' },
  window_changed: { zh: '订货时间调整', en: 'Order window moved' },
  window_nudge: { zh: '未订货催订', en: 'Not-yet-ordered nudge' },
  supply_notice: { zh: '货源供应告知', en: 'Supply notice' },
  deduction_failed: { zh: '扣款未成功', en: 'Failed deduction' },
  greeting: { zh: '节日与生日祝福', en: 'Festival and birthday greeting' },
  survey_invite: { zh: '满意度调查邀请', en: 'Survey invitation' },
  launch_below_band: { zh: '新品培育预警（内部）', en: 'Brand launch warning (staff)' },
  onboarding_deadline: { zh: '新办户时限（内部）', en: 'Onboarding deadline (staff)' },
};

export const templateCodeParams = z.object({ code: z.enum(TEMPLATE_CODES, { message: 'invalid_value' }) });

const title = textSchema.pipe(z.string().trim().min(1, 'required').max(60, 'text_too_long'));
const body = textSchema.pipe(z.string().trim().min(1, 'required').max(1000, 'text_too_long'));
const sms = textSchema.pipe(z.string().trim().min(1, 'required').max(500, 'text_too_long')).nullable();

export const templateVersionSchema = z.object({
  version: z.number(),
  title: z.string(),
  body: z.string(),
  sms: z.string().nullable(),
  note: z.string(),
  /** Null for the built-in text (version 1). */
  createdBy: z.string().nullable(),
  createdAt: timestampSchema.nullable(),
});

export const templateSummarySchema = templateVersionSchema.extend({
  code: z.enum(TEMPLATE_CODES),
  /** The variables the text may use, filled by the generator. */
  variables: z.array(z.string()),
  /** False: an in-app-only template (to staff); its SMS text stays empty. */
  smsAllowed: z.boolean(),
  /** How many versions exist, the built-in one included. */
  versions: z.number(),
});
export const templateListSchema = z.object({ items: z.array(templateSummarySchema) });

export const templateVersionsSchema = z.object({ code: z.enum(TEMPLATE_CODES), items: z.array(templateVersionSchema) });

/** A save: the whole text; `baseVersion` is the version the editor started from (a later save by someone else is a 409). */
export const saveTemplateSchema = z.object({
  title,
  body,
  sms,
  note: textSchema.pipe(z.string().trim().max(200, 'text_too_long')).default(''),
  baseVersion: z.number().int().min(1),
});
export type SaveTemplateInput = z.infer<typeof saveTemplateSchema>;

/** Preview of unsaved text with a real shop of the editor's scope (the first active one when none is named). */
export const templatePreviewSchema = z.object({
  title: textSchema.pipe(z.string().max(60, 'text_too_long')),
  body: textSchema.pipe(z.string().max(1000, 'text_too_long')),
  sms: textSchema.pipe(z.string().max(500, 'text_too_long')).nullable(),
  retailerId: idSchema.optional(),
});

export const smsFiguresSchema = z.object({
  /** The text as the phone shows it: signature first. */
  text: z.string(),
  chars: z.number(),
  segments: z.number(),
  /** Over one message: billed as `segments` messages. */
  overOne: z.boolean(),
  tooLong: z.boolean(),
  singleChars: z.number(),
  partChars: z.number(),
  maxChars: z.number(),
});

export const templatePreviewResultSchema = z.object({
  shopName: z.string(),
  retailerId: z.number(),
  title: z.string(),
  body: z.string(),
  sms: smsFiguresSchema.nullable(),
});
