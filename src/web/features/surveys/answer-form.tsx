// One questionnaire to fill in, the same on the retailer's phone, the SMS-link
// page and the agent's screen: questions appear as the skip logic asks them
// (askedQuestions, shared with the server), answers the logic skips are not
// sent, and the server's refusals show under their question.
import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Input, InputNumber, Radio, Space, Typography } from 'antd';
import { useT } from '../../i18n/i18n.js';
import { ApiError } from '../../api/client.js';
import type { z } from 'zod';
import { askedQuestions, isAnswered, questionnaireDefSchema, type AnswerValue, type Answers, type Question } from '../../../shared/surveys.js';

export function AnswerForm({ def: wire, onSubmit, extra }: { def: z.input<typeof questionnaireDefSchema>; onSubmit: (answers: Answers) => Promise<void>; extra?: React.ReactNode }) {
  const { t, lang } = useT();
  const s = t.surveys;
  // The wire form leaves defaults out; the same schema fills them in.
  const def = useMemo(() => questionnaireDefSchema.parse(wire), [wire]);
  const [answers, setAnswers] = useState<Answers>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const asked = useMemo(() => askedQuestions(def, answers), [def, answers]);
  const set = (id: string, v: AnswerValue | undefined) =>
    setAnswers((a) => {
      const next = { ...a };
      if (v === undefined || v === null) delete next[id];
      else next[id] = v;
      return next;
    });

  const submit = async () => {
    const sent: Answers = {};
    for (const q of asked) if (isAnswered(answers[q.id])) sent[q.id] = answers[q.id];
    const missing = asked.filter((q) => q.required && !isAnswered(sent[q.id]));
    if (missing.length) {
      setErrors(Object.fromEntries(missing.map((q) => [q.id, s.answerRequired])));
      return;
    }
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      await onSubmit(sent);
    } catch (e) {
      if (e instanceof ApiError) {
        setFailure(e.text(lang));
        setErrors(Object.fromEntries(e.details.filter((d) => d.field.startsWith('answers.')).map((d) => [d.field.slice(8), lang === 'en' ? d.messageEn : d.message])));
      } else setFailure(String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="answer-form">
      {def.intro && <Typography.Paragraph type="secondary">{def.intro}</Typography.Paragraph>}
      {asked.map((q, i) => (
        <div key={q.id} data-testid={`question-${q.id}`} className="zy-survey-question">
          <Typography.Text strong>
            {i + 1}. {q.text}
            {q.required && <span style={{ color: '#cf1322' }}> *</span>}
          </Typography.Text>
          <div style={{ marginTop: 6 }}>
            <QuestionInput q={q} value={answers[q.id]} onChange={(v) => set(q.id, v)} />
          </div>
          {errors[q.id] && (
            <Typography.Text type="danger" data-testid={`error-${q.id}`}>
              {errors[q.id]}
            </Typography.Text>
          )}
        </div>
      ))}
      {extra}
      {failure && <Alert type="error" showIcon message={failure} />}
      <Button type="primary" size="large" block loading={busy} onClick={() => void submit()} data-testid="submit-answers">
        {s.submit}
      </Button>
    </Space>
  );
}

function QuestionInput({ q, value, onChange }: { q: Question; value: AnswerValue | undefined; onChange: (v: AnswerValue | undefined) => void }) {
  const { t } = useT();
  switch (q.kind) {
    case 'single':
      return (
        <Radio.Group value={value} onChange={(e) => onChange(e.target.value as string)}>
          <Space direction="vertical">
            {q.options.map((o) => (
              <Radio key={o.value} value={o.value}>
                {o.label}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      );
    case 'multi':
      return (
        <Checkbox.Group value={Array.isArray(value) ? value : []} onChange={(v) => onChange(v.length ? (v as string[]) : undefined)}>
          <Space direction="vertical">
            {q.options.map((o) => (
              <Checkbox key={o.value} value={o.value}>
                {o.label}
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      );
    case 'scale':
      return (
        <div>
          <Radio.Group value={value} onChange={(e) => onChange(e.target.value as number)} optionType="button" buttonStyle="solid" size="large">
            {[1, 2, 3, 4, 5].map((p) => (
              <Radio.Button key={p} value={p} data-testid={`scale-${q.id}-${p}`} style={{ minWidth: 48, textAlign: 'center' }}>
                {p}
              </Radio.Button>
            ))}
          </Radio.Group>
          <div style={{ display: 'flex', justifyContent: 'space-between', maxWidth: 260, fontSize: 12, color: '#8c8c8c' }}>
            <span>{t.surveys.scaleLow}</span>
            <span>{t.surveys.scaleHigh}</span>
          </div>
        </div>
      );
    case 'number':
      return (
        <InputNumber
          value={typeof value === 'number' ? value : null}
          min={q.min ?? undefined}
          max={q.max ?? undefined}
          onChange={(v) => onChange(v === null ? undefined : Number(v))}
          style={{ width: 160 }}
        />
      );
    case 'text':
      return <Input.TextArea value={typeof value === 'string' ? value : ''} maxLength={500} autoSize={{ minRows: 2 }} onChange={(e) => onChange(e.target.value || undefined)} />;
  }
}
