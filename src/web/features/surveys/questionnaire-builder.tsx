// The questionnaire builder: dimensions with weights, questions of every kind
// with options, scores, required and skip logic. Saving makes a new version;
// the server's refusals are listed with the question they are about.
import { useState } from 'react';
import { Alert, App, Button, Card, Divider, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useT } from '../../i18n/i18n.js';
import { ApiError } from '../../api/client.js';
import { QUESTION_KINDS, SKIP_END, surveyLabel, type Question, type QuestionnaireDef } from '../../../shared/surveys.js';
import { surveysApi } from './surveys-api.js';

export type Draft = { code: string; purpose: 'satisfaction' | 'general'; definition: QuestionnaireDef };

const blankQuestion = (n: number): Question => ({ id: `q${n}`, kind: 'scale', text: '', required: true, options: [], min: null, max: null, dimension: null, skip: [] });

export function QuestionnaireBuilder({ draft: initial, onSaved }: { draft: Draft; onSaved: () => void }) {
  const { t, lang } = useT();
  const s = t.surveys;
  const { message } = App.useApp();
  const [d, setD] = useState<Draft>(initial);
  const [errors, setErrors] = useState<{ field: string; text: string }[]>([]);
  const def = d.definition;
  const setDef = (patch: Partial<QuestionnaireDef>) => setD({ ...d, definition: { ...def, ...patch } });
  const setQ = (i: number, patch: Partial<Question>) => setDef({ questions: def.questions.map((q, j) => (j === i ? { ...q, ...patch } : q)) });
  const questionLabel = (field: string) => {
    const m = /questions\.(\d+)/.exec(field);
    return m ? `${Number(m[1]) + 1}. ${def.questions[Number(m[1])]?.text || def.questions[Number(m[1])]?.id || ''}` : field.replace('definition.', '');
  };

  const save = async () => {
    try {
      const saved = await surveysApi.saveQuestionnaire(d);
      setErrors([]);
      message.success(`${s.saved} ${saved.version}`);
      onSaved();
    } catch (e) {
      if (e instanceof ApiError) setErrors(e.details.length ? e.details.map((x) => ({ field: questionLabel(x.field), text: lang === 'en' ? x.messageEn : x.message })) : [{ field: '', text: e.text(lang) }]);
      else setErrors([{ field: '', text: String(e) }]);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="builder">
      <Space wrap>
        <Input addonBefore={s.code} value={d.code} onChange={(e) => setD({ ...d, code: e.target.value })} style={{ width: 240 }} data-testid="builder-code" />
        <Select value={d.purpose} onChange={(v) => setD({ ...d, purpose: v })} options={(['satisfaction', 'general'] as const).map((p) => ({ value: p, label: surveyLabel('purpose', p, lang) }))} style={{ width: 140 }} />
      </Space>
      <Input addonBefore={s.qTitle} value={def.title} onChange={(e) => setDef({ title: e.target.value })} data-testid="builder-title" />
      <Input.TextArea placeholder={s.intro} value={def.intro} autoSize onChange={(e) => setDef({ intro: e.target.value })} />
      <Divider>{s.dimensions}</Divider>
      {def.dimensions.map((dim, i) => (
        <Space key={i} wrap>
          <Input placeholder={s.dimCode} value={dim.code} style={{ width: 120 }} onChange={(e) => setDef({ dimensions: def.dimensions.map((x, j) => (j === i ? { ...x, code: e.target.value } : x)) })} />
          <Input placeholder={s.dimLabel} value={dim.label} style={{ width: 160 }} onChange={(e) => setDef({ dimensions: def.dimensions.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)) })} />
          <InputNumber addonBefore={s.weight} min={0} max={100} value={dim.weight} onChange={(v) => setDef({ dimensions: def.dimensions.map((x, j) => (j === i ? { ...x, weight: Number(v ?? 0) } : x)) })} />
          <Button danger size="small" onClick={() => setDef({ dimensions: def.dimensions.filter((_, j) => j !== i) })}>
            {s.remove}
          </Button>
        </Space>
      ))}
      <Button size="small" onClick={() => setDef({ dimensions: [...def.dimensions, { code: `d${def.dimensions.length + 1}`, label: '', weight: 0 }] })}>
        {s.addDimension}
      </Button>
      <Divider>{s.questions}</Divider>
      {def.questions.map((q, i) => (
        <Card key={i} size="small" data-testid={`builder-q-${i}`} title={`${i + 1}. ${q.id}`} extra={
          <Space>
            {i > 0 && <Button size="small" onClick={() => setDef({ questions: [...def.questions.slice(0, i - 1), q, def.questions[i - 1], ...def.questions.slice(i + 1)] })}>{s.up}</Button>}
            <Button size="small" danger onClick={() => setDef({ questions: def.questions.filter((_, j) => j !== i) })}>{s.remove}</Button>
          </Space>
        }>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <Input addonBefore={s.qId} value={q.id} style={{ width: 180 }} onChange={(e) => setQ(i, { id: e.target.value })} />
              <Select value={q.kind} style={{ width: 150 }} onChange={(kind) => setQ(i, { kind, options: kind === 'single' || kind === 'multi' ? (q.options.length ? q.options : [{ value: 'a', label: '', score: null }, { value: 'b', label: '', score: null }]) : [] })}
                options={QUESTION_KINDS.map((k) => ({ value: k, label: surveyLabel('kind', k, lang) }))} />
              <span>{s.required} <Switch size="small" checked={q.required} onChange={(v) => setQ(i, { required: v })} /></span>
              <Select value={q.dimension ?? ''} style={{ width: 150 }} onChange={(v) => setQ(i, { dimension: v || null })} options={[{ value: '', label: s.none }, ...def.dimensions.map((x) => ({ value: x.code, label: x.label || x.code }))]} />
            </Space>
            <Input placeholder={s.qText} value={q.text} onChange={(e) => setQ(i, { text: e.target.value })} data-testid={`builder-q-${i}-text`} />
            {(q.kind === 'single' || q.kind === 'multi') && (
              <Space direction="vertical" style={{ width: '100%' }}>
                {q.options.map((o, k) => (
                  <Space key={k} wrap>
                    <Input placeholder={s.optValue} value={o.value} style={{ width: 100 }} onChange={(e) => setQ(i, { options: q.options.map((x, m) => (m === k ? { ...x, value: e.target.value } : x)) })} />
                    <Input placeholder={s.optLabel} value={o.label} style={{ width: 180 }} onChange={(e) => setQ(i, { options: q.options.map((x, m) => (m === k ? { ...x, label: e.target.value } : x)) })} />
                    {q.kind === 'single' && <InputNumber placeholder={s.optScore} min={0} max={100} value={o.score} onChange={(v) => setQ(i, { options: q.options.map((x, m) => (m === k ? { ...x, score: v === null ? null : Number(v) } : x)) })} />}
                    <Button size="small" onClick={() => setQ(i, { options: q.options.filter((_, m) => m !== k) })}>{s.remove}</Button>
                  </Space>
                ))}
                <Button size="small" onClick={() => setQ(i, { options: [...q.options, { value: `o${q.options.length + 1}`, label: '', score: null }] })}>{s.addOption}</Button>
              </Space>
            )}
            {q.kind === 'number' && (
              <Space>
                <InputNumber addonBefore={s.min} value={q.min} onChange={(v) => setQ(i, { min: v === null ? null : Number(v) })} />
                <InputNumber addonBefore={s.max} value={q.max} onChange={(v) => setQ(i, { max: v === null ? null : Number(v) })} />
              </Space>
            )}
            {(q.kind === 'single' || q.kind === 'scale') && (
              <Space direction="vertical">
                {q.skip.map((rule, k) => (
                  <Space key={k} wrap>
                    <Typography.Text>{s.whenAnswer}</Typography.Text>
                    <Select style={{ width: 120 }} value={rule.answer} onChange={(v) => setQ(i, { skip: q.skip.map((x, m) => (m === k ? { ...x, answer: v } : x)) })}
                      options={(q.kind === 'scale' ? ['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v })) : q.options.map((o) => ({ value: o.value, label: o.label || o.value })))} />
                    <Typography.Text>{s.goTo}</Typography.Text>
                    <Select style={{ width: 200 }} value={rule.goTo} onChange={(v) => setQ(i, { skip: q.skip.map((x, m) => (m === k ? { ...x, goTo: v } : x)) })}
                      options={[...def.questions.map((x, m) => ({ value: x.id, label: `${m + 1}. ${x.id}` })), { value: SKIP_END, label: s.toEnd }]} data-testid={`builder-q-${i}-skip-${k}`} />
                    <Button size="small" onClick={() => setQ(i, { skip: q.skip.filter((_, m) => m !== k) })}>{s.remove}</Button>
                  </Space>
                ))}
                <Button size="small" onClick={() => setQ(i, { skip: [...q.skip, { answer: q.kind === 'scale' ? '1' : (q.options[0]?.value ?? ''), goTo: SKIP_END }] })}>{s.addSkip}</Button>
              </Space>
            )}
          </Space>
        </Card>
      ))}
      <Button onClick={() => setDef({ questions: [...def.questions, blankQuestion(def.questions.length + 1)] })} data-testid="builder-add">
        {s.addQuestion}
      </Button>
      {errors.length > 0 && (
        <Alert type="error" showIcon message={s.fixErrors} data-testid="builder-errors"
          description={<ul style={{ margin: 0, paddingLeft: 18 }}>{errors.map((e, i) => <li key={i}>{e.field ? `${e.field}${t.punct.colon}` : ''}{e.text}</li>)}</ul>} />
      )}
      <Button type="primary" onClick={() => void save()} data-testid="builder-save">
        {s.save}
      </Button>
    </Space>
  );
}
