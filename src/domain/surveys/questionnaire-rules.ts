// Checks of a questionnaire and of one respondent's answers, and the score
// of an answer sheet: each dimension 0–100 as the mean of its questions
// (a 1–5 scale point p counts (p − 1) × 25, a choice its option's score),
// the overall score the weighted mean of the dimensions answered.
import { askedQuestions, isAnswered, SKIP_END, type Answers, type QuestionnaireDef } from '../../shared/surveys.js';
import type { FieldError } from '../../shared/app-error.js';

export const SCALE_POINTS = ['1', '2', '3', '4', '5'] as const;

/** Every reason the questionnaire cannot be saved, with the field it is about; empty when it is sound. */
export function checkQuestionnaire(def: QuestionnaireDef): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, code: string) => errors.push({ field, code });
  if (def.questions.length === 0) add('questions', 'survey_no_questions');
  const dims = new Set<string>();
  def.dimensions.forEach((d, i) => {
    if (dims.has(d.code)) add(`dimensions.${i}.code`, 'survey_duplicate_dimension');
    dims.add(d.code);
  });
  if (def.dimensions.length > 0) {
    const sum = def.dimensions.reduce((s, d) => s + d.weight, 0);
    if (Math.abs(sum - 100) > 1e-6) add('dimensions', 'survey_weights_sum');
  }
  const index = new Map<string, number>();
  def.questions.forEach((q, i) => {
    if (index.has(q.id)) add(`questions.${i}.id`, 'survey_duplicate_question');
    else index.set(q.id, i);
  });
  const fed = new Set<string>();
  def.questions.forEach((q, i) => {
    const at = `questions.${i}`;
    const choice = q.kind === 'single' || q.kind === 'multi';
    if (choice && q.options.length < 2) add(`${at}.options`, 'survey_options_missing');
    if (!choice && q.options.length > 0) add(`${at}.options`, 'survey_options_not_allowed');
    const values = new Set<string>();
    q.options.forEach((o, j) => {
      if (values.has(o.value)) add(`${at}.options.${j}.value`, 'survey_duplicate_option');
      values.add(o.value);
    });
    if (q.kind === 'number' && q.min !== null && q.max !== null && q.min > q.max) add(`${at}.max`, 'survey_number_range');
    if (q.dimension !== null) {
      if (!dims.has(q.dimension)) add(`${at}.dimension`, 'survey_unknown_dimension');
      else if (q.kind !== 'scale' && q.kind !== 'single') add(`${at}.dimension`, 'survey_dimension_kind');
      else if (q.kind === 'single' && q.options.some((o) => o.score === null)) add(`${at}.options`, 'survey_option_score_missing');
      else fed.add(q.dimension);
    }
    if (q.skip.length > 0 && q.kind !== 'single' && q.kind !== 'scale') add(`${at}.skip`, 'survey_skip_kind');
    q.skip.forEach((s, j) => {
      const answers = q.kind === 'scale' ? SCALE_POINTS : q.options.map((o) => o.value);
      if (!(answers as readonly string[]).includes(s.answer)) add(`${at}.skip.${j}.answer`, 'survey_skip_answer_unknown');
      if (s.goTo === SKIP_END) return;
      const to = index.get(s.goTo);
      if (to === undefined) add(`${at}.skip.${j}.goTo`, 'survey_skip_missing');
      else if (to <= i) add(`${at}.skip.${j}.goTo`, 'survey_skip_backward');
    });
  });
  def.dimensions.forEach((d, i) => {
    if (!fed.has(d.code) && dims.has(d.code)) add(`dimensions.${i}.code`, 'survey_dimension_empty');
  });
  return errors;
}

/** Every reason one sheet of answers is refused: a required question left empty, a wrong kind of answer, an answer to a question the logic skipped. */
export function checkAnswers(def: QuestionnaireDef, answers: Answers): FieldError[] {
  const errors: FieldError[] = [];
  const asked = askedQuestions(def, answers);
  const askedIds = new Set(asked.map((q) => q.id));
  const known = new Set(def.questions.map((q) => q.id));
  for (const [id, v] of Object.entries(answers)) {
    if (!known.has(id)) errors.push({ field: `answers.${id}`, code: 'survey_answer_unknown' });
    else if (!askedIds.has(id) && isAnswered(v)) errors.push({ field: `answers.${id}`, code: 'survey_answer_skipped' });
  }
  for (const q of asked) {
    const v = answers[q.id];
    const field = `answers.${q.id}`;
    if (!isAnswered(v)) {
      if (q.required) errors.push({ field, code: 'survey_answer_required' });
      continue;
    }
    const values = q.options.map((o) => o.value);
    const ok = (() => {
      switch (q.kind) {
        case 'single':
          return typeof v === 'string' && values.includes(v);
        case 'multi':
          return Array.isArray(v) && new Set(v).size === v.length && v.every((x) => values.includes(x));
        case 'scale':
          return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5;
        case 'number':
          return typeof v === 'number' && (q.min === null || v >= q.min) && (q.max === null || v <= q.max);
        case 'text':
          return typeof v === 'string' && v.length <= 500;
      }
    })();
    if (!ok) errors.push({ field, code: 'survey_answer_invalid' });
  }
  return errors;
}

export type SheetScore = {
  /** Dimension code → 0–100, or null when none of its questions was answered. */
  dimensions: Record<string, number | null>;
  /** Weighted mean of the answered dimensions (weights rescaled over them); null when none. */
  score: number | null;
  /** Questions that fed a dimension. */
  scored: number;
};

/** The score of a sheet that passed `checkAnswers`. */
export function scoreAnswers(def: QuestionnaireDef, answers: Answers): SheetScore {
  const sums = new Map<string, { total: number; n: number }>();
  let scored = 0;
  for (const q of askedQuestions(def, answers)) {
    if (q.dimension === null) continue;
    const v = answers[q.id];
    let points: number | null = null;
    if (q.kind === 'scale' && typeof v === 'number') points = (v - 1) * 25;
    else if (q.kind === 'single' && typeof v === 'string') points = q.options.find((o) => o.value === v)?.score ?? null;
    if (points === null) continue;
    const s = sums.get(q.dimension) ?? { total: 0, n: 0 };
    s.total += points;
    s.n += 1;
    sums.set(q.dimension, s);
    scored += 1;
  }
  const dimensions: Record<string, number | null> = {};
  let weighted = 0;
  let weights = 0;
  for (const d of def.dimensions) {
    const s = sums.get(d.code);
    const value = s ? round2(s.total / s.n) : null;
    dimensions[d.code] = value;
    if (value !== null) {
      weighted += value * d.weight;
      weights += d.weight;
    }
  }
  return { dimensions, score: weights > 0 ? round2(weighted / weights) : null, scored };
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
