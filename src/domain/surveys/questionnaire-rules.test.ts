import { describe, expect, it } from 'vitest';
import { askedQuestions, questionnaireDefSchema, type QuestionnaireDef } from '../../shared/surveys.js';
import { checkAnswers, checkQuestionnaire, scoreAnswers } from './questionnaire-rules.js';
import { defaultSatisfactionQuestionnaire } from './default-satisfaction.js';

const def = (raw: unknown): QuestionnaireDef => questionnaireDefSchema.parse(raw);
const base = {
  title: 't',
  dimensions: [
    { code: 'a', label: 'A', weight: 60 },
    { code: 'b', label: 'B', weight: 40 },
  ],
  questions: [
    { id: 'q1', kind: 'scale', text: '1', required: true, dimension: 'a', skip: [{ answer: '1', goTo: 'q3' }] },
    { id: 'q2', kind: 'single', text: '2', options: [{ value: 'x', label: 'X', score: 100 }, { value: 'y', label: 'Y', score: 0 }], dimension: 'a' },
    { id: 'q3', kind: 'scale', text: '3', required: true, dimension: 'b', skip: [{ answer: '5', goTo: 'end' }] },
    { id: 'q4', kind: 'text', text: '4', required: true },
  ],
};

describe('checkQuestionnaire', () => {
  it('accepts the default satisfaction questionnaire and a sound one', () => {
    expect(checkQuestionnaire(defaultSatisfactionQuestionnaire())).toEqual([]);
    expect(checkQuestionnaire(def(base))).toEqual([]);
  });
  it('names every fault with its field', () => {
    const bad = def({
      title: 't',
      dimensions: [{ code: 'a', label: 'A', weight: 50 }],
      questions: [
        { id: 'q1', kind: 'multi', text: '1', options: [{ value: 'x', label: 'X' }, { value: 'x', label: 'Y' }], skip: [{ answer: 'x', goTo: 'q2' }] },
        { id: 'q1', kind: 'number', text: '2', min: 5, max: 1, dimension: 'zz' },
        { id: 'q3', kind: 'scale', text: '3', skip: [{ answer: '7', goTo: 'q1' }] },
      ],
    });
    expect(checkQuestionnaire(bad).map((e) => `${e.field}:${e.code}`)).toEqual([
      'dimensions:survey_weights_sum',
      'questions.1.id:survey_duplicate_question',
      'questions.0.options.1.value:survey_duplicate_option',
      'questions.0.skip:survey_skip_kind',
      'questions.0.skip.0.goTo:survey_skip_missing',
      'questions.1.max:survey_number_range',
      'questions.1.dimension:survey_unknown_dimension',
      'questions.2.skip.0.answer:survey_skip_answer_unknown',
      'questions.2.skip.0.goTo:survey_skip_backward',
      'dimensions.0.code:survey_dimension_empty',
    ]);
    expect(checkQuestionnaire(def({ title: 't', questions: [] }))).toEqual([{ field: 'questions', code: 'survey_no_questions' }]);
  });
});

describe('skip logic and answers', () => {
  const d = def(base);
  it('jumps forward on a matching answer, and ends on "end"', () => {
    expect(askedQuestions(d, { q1: 1 }).map((q) => q.id)).toEqual(['q1', 'q3', 'q4']);
    expect(askedQuestions(d, { q1: 3, q3: 5 }).map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);
    expect(askedQuestions(d, {}).map((q) => q.id)).toEqual(['q1', 'q2', 'q3', 'q4']);
  });
  it('refuses required answers left out, answers the logic skipped, wrong kinds and unknown questions', () => {
    expect(checkAnswers(d, { q1: 1, q2: 'x', q3: 3 }).map((e) => `${e.field}:${e.code}`)).toEqual(['answers.q2:survey_answer_skipped', 'answers.q4:survey_answer_required']);
    expect(checkAnswers(d, { q1: 6, q2: 'z', q3: 2.5, q4: 'ok', q9: 1 }).map((e) => e.code)).toEqual(['survey_answer_unknown', 'survey_answer_invalid', 'survey_answer_invalid', 'survey_answer_invalid']);
    expect(checkAnswers(d, { q1: 4, q3: 5 })).toEqual([]);
  });
  it('scores dimensions 0–100 and weighs the answered ones', () => {
    // a = mean(75, 100) = 87.5; b = 50; overall = 0.6 · 87.5 + 0.4 · 50 = 72.5
    expect(scoreAnswers(d, { q1: 4, q2: 'x', q3: 3, q4: '好' })).toEqual({ dimensions: { a: 87.5, b: 50 }, score: 72.5, scored: 3 });
    // Only a answered (q3 left out is not possible when required, but the weights rescale): a = 0
    expect(scoreAnswers(d, { q1: 1 }).dimensions).toEqual({ a: 0, b: null });
    expect(scoreAnswers(d, { q1: 1 }).score).toBe(0);
  });
});
