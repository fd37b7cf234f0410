// Surveys (issue 17): rounds — launch one (questionnaire, share per client
// manager, rotation), text the links, close, and read the results — and the
// questionnaire builder. Station heads and grid workers read the results of their scope.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Input, InputNumber, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useT } from '../../i18n/i18n.js';
import { ApiError } from '../../api/client.js';
import { useSession } from '../../shell/session.js';
import { questionnaireDefSchema, surveyLabel } from '../../../shared/surveys.js';
import { formatDateTime } from '../../../shared/format.js';
import { QuestionnaireBuilder, type Draft } from './questionnaire-builder.js';
import { RoundResultsView } from './round-results.js';
import { surveysApi, type QuestionnaireItem, type RoundItem, type RoundResults } from './surveys-api.js';

type Shortfall = { workerName: string | null; quota: number; eligible: number };

export function SurveysPage() {
  const { t, lang } = useT();
  const s = t.surveys;
  const { me } = useSession();
  const canRun = !!me?.permissions.includes('survey.run');
  const canDesign = !!me?.permissions.includes('survey.design');
  const { message } = App.useApp();
  const [rounds, setRounds] = useState<RoundItem[]>([]);
  const [qs, setQs] = useState<QuestionnaireItem[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [results, setResults] = useState<RoundResults | null>(null);
  const [form, setForm] = useState({ questionnaireId: 0, name: '', share: 10, rotate: false });
  const [shortfalls, setShortfalls] = useState<Shortfall[] | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const fail = useCallback((e: unknown) => message.error(e instanceof ApiError ? e.text(lang) : String(e)), [lang, message]);

  const load = useCallback(async () => {
    try {
      const [r, q] = await Promise.all([surveysApi.rounds(), surveysApi.questionnaires()]);
      setRounds(r.items);
      setQs(q.items);
      setForm((f) => (f.questionnaireId ? f : { ...f, questionnaireId: q.items[0]?.id ?? 0 }));
      setSelected((cur) => cur ?? r.items[0]?.id ?? null);
    } catch (e) {
      fail(e);
    }
  }, [fail]);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    if (selected === null) return;
    setResults(null);
    surveysApi.results(selected).then(setResults, fail);
  }, [selected, fail, rounds]);

  const launch = async () => {
    setShortfalls(null);
    try {
      const r = await surveysApi.launch({ questionnaireId: form.questionnaireId, name: form.name, share: form.share / 100, rotate: form.rotate });
      message.success(`${s.launched} ${r.round.sampled}${t.punct.comma}${r.strata} ${s.strata}`);
      setSelected(r.round.id);
      await load();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'survey_quota_unmet') setShortfalls((e.body.shortfalls as Shortfall[]) ?? []);
      fail(e);
    }
  };
  const act = async (fn: () => Promise<unknown>, ok: (r: never) => string) => {
    try {
      const r = await fn();
      message.success(ok(r as never));
      await load();
    } catch (e) {
      fail(e);
    }
  };

  const roundsTab = (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canRun && (
        <Card size="small" title={s.launch} data-testid="launch-card">
          <Space wrap align="end">
            <Select style={{ width: 260 }} value={form.questionnaireId || undefined} onChange={(v) => setForm({ ...form, questionnaireId: v })}
              options={qs.map((q) => ({ value: q.id, label: `${q.definition.title} v${q.version}` }))} data-testid="launch-questionnaire" />
            <Input placeholder={s.roundName} value={form.name} maxLength={60} onChange={(e) => setForm({ ...form, name: e.target.value })} style={{ width: 240 }} data-testid="launch-name" />
            <span>
              {s.share} <InputNumber min={1} max={100} value={form.share} onChange={(v) => setForm({ ...form, share: Number(v ?? 10) })} data-testid="launch-share" />
            </span>
            <span>
              {s.rotate} <Switch checked={form.rotate} onChange={(v) => setForm({ ...form, rotate: v })} />
            </span>
            <Button type="primary" onClick={() => void launch()} data-testid="launch-submit">
              {s.launch}
            </Button>
          </Space>
          {shortfalls && shortfalls.length > 0 && (
            <Alert style={{ marginTop: 8 }} type="warning" showIcon message={s.shortfall}
              description={shortfalls.slice(0, 10).map((x, i) => <div key={i}>{`${x.workerName ?? '—'}${t.punct.colon}${s.quotaOf} ${x.quota}${t.punct.comma}${s.eligibleOf} ${x.eligible}`}</div>)} />
          )}
        </Card>
      )}
      <Table
        size="small"
        rowKey="id"
        dataSource={rounds}
        pagination={false}
        data-testid="round-list"
        rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
        onRow={(r) => ({ onClick: () => setSelected(r.id) })}
        columns={[
          { title: s.roundName, dataIndex: 'name', render: (v: string, r) => <a data-testid={`round-${r.id}`}>{v}</a> },
          { title: s.status, dataIndex: 'status', render: (v: string) => <Tag color={v === 'open' ? 'blue' : 'default'}>{surveyLabel('status', v, lang)}</Tag> },
          { title: s.sampled, dataIndex: 'sampled' },
          { title: s.answered, dataIndex: 'answered' },
          { title: s.invited, dataIndex: 'invited', responsive: ['md'] },
          { title: s.openedAt, dataIndex: 'openedAt', responsive: ['md'], render: (v: string) => formatDateTime(v) },
          ...(canRun
            ? [{
                title: '', key: 'act', render: (_: unknown, r: RoundItem) => r.status === 'open' && (
                  <Space onClick={(e) => e.stopPropagation()}>
                    <Button size="small" onClick={() => void act(() => surveysApi.invite(r.id), (x: { invited: number }) => `${s.linksSent}${x.invited}`)} data-testid={`invite-${r.id}`}>{s.sendLinks}</Button>
                    <Button size="small" onClick={() => void act(() => surveysApi.close(r.id), () => s.closed)}>{s.close}</Button>
                  </Space>
                ),
              }]
            : []),
        ]}
      />
      {results && (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {s.results}{t.punct.colon}{results.round.name}
          </Typography.Title>
          <RoundResultsView r={results} />
        </>
      )}
    </Space>
  );

  const builderTab = (
    <Space direction="vertical" style={{ width: '100%' }}>
      {draft ? (
        <QuestionnaireBuilder key={draft.code + qs.length} draft={draft} onSaved={() => { setDraft(null); void load(); }} />
      ) : (
        <>
          <Space wrap>
            <Button onClick={() => surveysApi.defaultTemplate().then((d) => setDraft({ code: d.code, purpose: d.purpose === 'satisfaction' ? 'satisfaction' : 'general', definition: questionnaireDefSchema.parse(d.definition) }), fail)} data-testid="builder-default">
              {s.newFromDefault}
            </Button>
            <Button onClick={() => setDraft({ code: 'survey', purpose: 'general', definition: { title: '', intro: '', dimensions: [], questions: [] } })} data-testid="builder-blank">
              {s.newBlank}
            </Button>
          </Space>
          <Table size="small" rowKey="id" dataSource={qs} pagination={false} columns={[
            { title: s.qTitle, key: 'title', render: (_: unknown, q: QuestionnaireItem) => q.definition.title },
            { title: s.code, dataIndex: 'code' },
            { title: s.version, dataIndex: 'version' },
            { title: s.purpose, dataIndex: 'purpose', render: (v: string) => surveyLabel('purpose', v, lang) },
            { title: s.questions, key: 'n', render: (_: unknown, q: QuestionnaireItem) => q.definition.questions.length },
            { title: '', key: 'edit', render: (_: unknown, q: QuestionnaireItem) => <Button size="small" onClick={() => setDraft({ code: q.code, purpose: q.purpose === 'satisfaction' ? 'satisfaction' : 'general', definition: questionnaireDefSchema.parse(q.definition) })}>{s.edit}</Button> },
          ]} />
        </>
      )}
    </Space>
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {s.title}
      </Typography.Title>
      <Tabs items={[{ key: 'rounds', label: s.roundsTab, children: roundsTab }, ...(canDesign ? [{ key: 'builder', label: s.builderTab, children: builderTab }] : [])]} />
    </Space>
  );
}
