// Surveys (issue 17 item 1): questionnaires (versioned), rounds with a
// stratified sample, answers by the retailer's phone, an SMS link or a
// call-centre agent, and results with sample size and margin of error.
// The questionnaire's shape and its skip logic live here because the web
// renders the same questions the server checks; the checks, scoring and
// sampling are in src/domain/surveys.
import { z } from 'zod';
import { idParamSchema, idSchema, textSchema, timestampSchema as timestamp } from './primitives.js';

export const QUESTION_KINDS = ['single', 'multi', 'scale', 'number', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const SURVEY_PURPOSES = ['satisfaction', 'general'] as const;
export const SURVEY_CHANNELS = ['app', 'sms', 'agent'] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];
/** The number question (0–100) whose answer is the tobacco share of the shop's income: 依存度 where no visit reported it (decision 1740). */
export const TOBACCO_INCOME_QUESTION = 'profit_share';
/** Where a skip rule may go besides a later question. */
export const SKIP_END = 'end';

const text = (max: number) => textSchema.trim().max(max, 'text_too_long');
const code = z.string().regex(/^[a-z][a-z0-9_]{0,23}$/, 'survey_code_format');

export const surveyOptionSchema = z.object({
  value: code,
  label: text(60).min(1, 'required'),
  /** 0–100: what choosing it counts towards the question's dimension (single choice). */
  score: z.number().min(0).max(100).nullable().default(null),
});

/** When the answer is `answer` (an option value, or a scale point "1"–"5"), go to `goTo` (a later question's id, or "end"). */
export const skipRuleSchema = z.object({ answer: z.string().min(1, 'required').max(24), goTo: z.string().min(1, 'required').max(24) });

export const questionSchema = z.object({
  id: code,
  kind: z.enum(QUESTION_KINDS, { error: 'invalid_value' }),
  text: text(200).min(1, 'required'),
  required: z.boolean().default(false),
  options: z.array(surveyOptionSchema).max(12).default([]),
  /** number questions: the allowed range. */
  min: z.number().min(-1e9).max(1e9).nullable().default(null),
  max: z.number().min(-1e9).max(1e9).nullable().default(null),
  /** The dimension a scale or single-choice question is scored towards. */
  dimension: code.nullable().default(null),
  skip: z.array(skipRuleSchema).max(12).default([]),
});
export type Question = z.output<typeof questionSchema>;

export const dimensionSchema = z.object({
  code,
  label: text(30).min(1, 'required'),
  /** Weight in the overall score; the weights of a questionnaire sum to 100. */
  weight: z.number().min(0).max(100),
});

export const questionnaireDefSchema = z.object({
  title: text(80).min(1, 'required'),
  intro: text(500).default(''),
  dimensions: z.array(dimensionSchema).max(8).default([]),
  questions: z.array(questionSchema).max(60),
});
export type QuestionnaireDef = z.output<typeof questionnaireDefSchema>;

/** One answer: an option value (single), values (multi), 1–5 (scale), a number, or text. */
export const answerValueSchema = z.union([z.string().max(1000, 'text_too_long'), z.number().min(-1e9).max(1e9), z.array(z.string().max(24)).max(12)]);
export type AnswerValue = z.infer<typeof answerValueSchema>;
export const answersSchema = z.record(z.string().max(24), answerValueSchema).refine((a) => Object.keys(a).length <= 60, 'invalid_value');
export type Answers = z.infer<typeof answersSchema>;

/** An answer counts as given when it is not empty. */
export function isAnswered(v: AnswerValue | undefined): boolean {
  if (v === undefined) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  return Number.isFinite(v);
}

/**
 * The questions a respondent is asked, in order, given the answers so far:
 * a skip rule whose answer matches jumps forward to its target (or ends).
 * The validator (domain/surveys) makes sure every jump goes forward to a question that exists.
 */
export function askedQuestions(def: Pick<QuestionnaireDef, 'questions'>, answers: Answers): Question[] {
  const qs = def.questions;
  const out: Question[] = [];
  let i = 0;
  while (i < qs.length) {
    const q = qs[i];
    out.push(q);
    const a = answers[q.id];
    const rule = isAnswered(a) && !Array.isArray(a) ? q.skip.find((s) => s.answer === String(a)) : undefined;
    if (!rule) {
      i += 1;
      continue;
    }
    if (rule.goTo === SKIP_END) break;
    const to = qs.findIndex((x) => x.id === rule.goTo);
    if (to <= i) break; // a rule the validator refuses; never loop
    i = to;
  }
  return out;
}

// ---- Requests --------------------------------------------------------------------------

export const questionnaireSaveSchema = z.object({
  /** The questionnaire's code: saving under an existing code makes its next version. */
  code,
  purpose: z.enum(SURVEY_PURPOSES, { error: 'invalid_value' }).default('general'),
  definition: questionnaireDefSchema,
});

export const roundCreateSchema = z.object({
  questionnaireId: idSchema,
  name: text(60).min(1, 'required'),
  /** Share of each client manager's retailers sampled, 0.01–1 (default 10 %). */
  share: z.number().min(0.01, 'survey_share_range').max(1, 'survey_share_range').default(0.1),
  /** Leave out the shops answered or sampled in the last round of this questionnaire (rotation). */
  rotate: z.boolean().default(false),
  seed: z.number().int().min(0).max(2_147_483_647).optional(),
});

export const answerSubmitSchema = z.object({ answers: answersSchema });
export const agentAnswerSchema = z.object({ retailerId: idSchema, answers: answersSchema, note: text(200).default('') });
export const invitationsSchema = z.object({ retailerIds: z.array(idSchema).max(5000).optional() });
export const roundParams = z.object({ id: idParamSchema });
export const tokenParams = z.object({ token: z.string().min(10).max(200) });

// ---- Responses -------------------------------------------------------------------------

export const questionnaireItemSchema = z.object({
  id: z.number(),
  code: z.string(),
  version: z.number(),
  purpose: z.string(),
  definition: questionnaireDefSchema,
  createdAt: timestamp,
  createdByName: z.string().nullable(),
  rounds: z.number(),
});
export const questionnaireListSchema = z.object({ items: z.array(questionnaireItemSchema) });
export const questionnaireTemplateSchema = z.object({ code: z.string(), purpose: z.string(), definition: questionnaireDefSchema });

export const roundItemSchema = z.object({
  id: z.number(),
  name: z.string(),
  status: z.string(),
  share: z.number(),
  questionnaireId: z.number(),
  questionnaireCode: z.string(),
  questionnaireVersion: z.number(),
  title: z.string(),
  purpose: z.string(),
  sampled: z.number(),
  answered: z.number(),
  invited: z.number(),
  byChannel: z.object({ app: z.number(), sms: z.number(), agent: z.number() }),
  openedAt: timestamp,
  closedAt: timestamp.nullable(),
});
export const roundListSchema = z.object({ items: z.array(roundItemSchema) });
export const roundCreatedSchema = z.object({ round: roundItemSchema, strata: z.number(), workers: z.number() });

export const estimateSchema = z.object({ n: z.number(), mean: z.number().nullable(), moe: z.number().nullable() });
const compareSchema = estimateSchema.extend({ previous: estimateSchema.nullable() });

export const roundResultsSchema = z.object({
  round: roundItemSchema,
  previousRound: z.object({ id: z.number(), name: z.string() }).nullable(),
  /** Shops in the frame the figures stand for (finite-population correction). */
  population: z.number(),
  overall: compareSchema,
  dimensions: z.array(compareSchema.extend({ code: z.string(), label: z.string(), weight: z.number() })),
  byGrid: z.array(compareSchema.extend({ gridId: z.number(), gridName: z.string(), workerName: z.string().nullable(), sampled: z.number() })),
  byWorker: z.array(compareSchema.extend({ workerId: z.number().nullable(), workerName: z.string(), sampled: z.number() })),
  /** The spread of each question's answers (free text aside): the count of each option or scale point; a number question's histogram and mean. */
  questions: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      kind: z.string(),
      /** Respondents who answered it. */
      n: z.number(),
      counts: z.array(z.object({ value: z.string(), label: z.string(), n: z.number() })),
      /** number questions: bins [from, to), the last one closed. */
      bins: z.array(z.object({ from: z.number(), to: z.number(), n: z.number() })),
      mean: z.number().nullable(),
    }),
  ),
});

export const callListSchema = z.object({
  round: roundItemSchema,
  definition: questionnaireDefSchema,
  items: z.array(z.object({ retailerId: z.number(), shopName: z.string(), customerCode: z.string(), phone: z.string(), gridName: z.string(), invited: z.boolean() })),
});

export const mySurveysSchema = z.object({
  items: z.array(z.object({ roundId: z.number(), name: z.string(), definition: questionnaireDefSchema, answeredAt: timestamp.nullable() })),
});

export const publicSurveySchema = z.object({ roundName: z.string(), shopName: z.string(), definition: questionnaireDefSchema });
export const answerRecordedSchema = z.object({ id: z.number(), score: z.number().nullable() });
export const invitationsSentSchema = z.object({ invited: z.number(), deliveries: z.number() });
export const surveyOkSchema = z.object({ ok: z.literal(true) });

export const surveyLabels = {
  kind: {
    single: { zh: '单选', en: 'Single choice' },
    multi: { zh: '多选', en: 'Multiple choice' },
    scale: { zh: '1–5 分量表', en: '1–5 scale' },
    number: { zh: '数字', en: 'Number' },
    text: { zh: '文字', en: 'Free text' },
  },
  channel: { app: { zh: '零售户手机', en: "Retailer's phone" }, sms: { zh: '短信链接', en: 'SMS link' }, agent: { zh: '电话访问', en: 'Phone interview' } },
  status: { open: { zh: '进行中', en: 'Open' }, closed: { zh: '已结束', en: 'Closed' } },
  purpose: { satisfaction: { zh: '满意度', en: 'Satisfaction' }, general: { zh: '一般调查', en: 'General' } },
} as const satisfies Record<string, Record<string, { zh: string; en: string }>>;

export function surveyLabel(list: keyof typeof surveyLabels, c: string, lang: 'zh' | 'en'): string {
  const e = (surveyLabels[list] as Record<string, { zh: string; en: string }>)[c];
  return e ? e[lang] : c;
}
