// The score sheet's items (decision 1741): each a source from the registry,
// its points at target, the target rate and a cap, and what a month with no
// records gives. The county saves a new version (audited); the server's
// refusals are listed by the item they belong to. Others read the items.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, InputNumber, List, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/client.js';
import { ErrorResult } from '../../components/error-result.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import { getScoreScheme, runMeasuresNow, saveScoreScheme } from './measures-api.js';

type Item = { source: string; points: number; target: number; cap: number; whenNone: 'full' | 'zero' };
type Problem = { row: number | null; message: string };

export function ScoreSchemeEditor() {
  const { t, lang } = useT();
  const s = t.scoreSheets.scheme;
  const { message } = App.useApp();
  const { can } = useSession();
  const editable = can('scoresheet.manage');
  const loaded = useLoad(getScoreScheme, []);
  const [draft, setDraft] = useState<Item[]>([]);
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [saving, setSaving] = useState(false);

  const reset = () => {
    if (!loaded.data) return;
    setDraft(loaded.data.items.map((i) => ({ source: i.source, points: i.points, target: i.target, cap: i.cap, whenNone: i.whenNone ?? 'zero' })));
    setProblems(null);
  };
  useEffect(reset, [loaded.data]);

  if (loaded.error && !loaded.data) return <ErrorResult error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return null;
  const sources = loaded.data.sources;
  const edit = (i: number, change: Partial<Item>) => setDraft((d) => d.map((x, k) => (k === i ? { ...x, ...change } : x)));
  const unused = sources.filter((x) => !draft.some((i) => i.source === x.id));
  const total = Math.round(draft.reduce((a, i) => a + (i.points || 0), 0) * 10) / 10;

  const save = async () => {
    setSaving(true);
    try {
      const res = await saveScoreScheme(draft);
      setProblems(null);
      message.success(s.saved(res.version));
      loaded.reload();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setProblems(
        e.details.length
          ? e.details.map((d) => {
              const m = /^items\.(\d+)\./.exec(d.field);
              return { row: m ? Number(m[1]) : null, message: lang === 'en' ? d.messageEn : d.message };
            })
          : [{ row: null, message: e.text(lang) }],
      );
    } finally {
      setSaving(false);
    }
  };
  const rowProblems = (i: number) => (problems ?? []).filter((p) => p.row === i);

  return (
    <Card
      size="small"
      data-testid="scheme-editor"
      title={
        <Space wrap>
          <span>{s.title}</span>
          <Tag>{s.version(loaded.data.version)}</Tag>
          <Tag color={total === 100 ? 'green' : 'gold'} data-testid="scheme-total">
            {s.total(total)}
          </Tag>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {s.rule}
        {!editable && <div data-testid="scheme-read-only">{s.readOnly}</div>}
      </Typography.Paragraph>
      {problems && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={s.refused}
          data-testid="scheme-errors"
          description={<List size="small" dataSource={problems} renderItem={(p) => <List.Item>{p.row === null ? p.message : `${s.row(p.row + 1)}${t.punct.colon}${p.message}`}</List.Item>} />}
        />
      )}
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        dataSource={draft}
        pagination={false}
        scroll={{ x: 720 }}
        data-testid="scheme-items"
        columns={[
          {
            title: s.source,
            key: 'source',
            render: (_: unknown, it: Item, i: number) => {
              const src = sources.find((x) => x.id === it.source);
              return (
                <div style={{ minWidth: 220 }}>
                  <Select
                    size="small"
                    value={it.source}
                    disabled={!editable}
                    style={{ width: '100%' }}
                    onChange={(v) => edit(i, { source: v })}
                    options={sources.map((x) => ({ value: x.id, label: lang === 'zh' ? x.zh : x.en, disabled: x.id !== it.source && draft.some((d) => d.source === x.id) }))}
                    data-testid={`scheme-source-${i}`}
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                    {src ? (lang === 'zh' ? src.ruleZh : src.ruleEn) : ''}
                  </Typography.Text>
                  {rowProblems(i).map((p) => (
                    <div key={p.message} style={{ color: '#cf1322', fontSize: 12 }}>
                      {p.message}
                    </div>
                  ))}
                </div>
              );
            },
          },
          {
            title: s.points,
            key: 'points',
            width: 96,
            render: (_: unknown, it: Item, i: number) => (
              <InputNumber size="small" min={0} max={1000} value={it.points} disabled={!editable} onChange={(v) => edit(i, { points: Number(v ?? 0) })} style={{ width: 80 }} data-testid={`scheme-points-${i}`} />
            ),
          },
          {
            title: s.target,
            key: 'target',
            width: 96,
            render: (_: unknown, it: Item, i: number) => (
              <InputNumber
                size="small"
                min={0}
                max={100}
                value={Math.round(it.target * 1000) / 10}
                disabled={!editable}
                onChange={(v) => edit(i, { target: Number(v ?? 0) / 100 })}
                style={{ width: 80 }}
                data-testid={`scheme-target-${i}`}
              />
            ),
          },
          {
            title: s.cap,
            key: 'cap',
            width: 96,
            render: (_: unknown, it: Item, i: number) => (
              <InputNumber size="small" min={0} max={1000} value={it.cap} disabled={!editable} onChange={(v) => edit(i, { cap: Number(v ?? 0) })} style={{ width: 80 }} data-testid={`scheme-cap-${i}`} />
            ),
          },
          {
            title: s.whenNone,
            key: 'whenNone',
            width: 120,
            render: (_: unknown, it: Item, i: number) => (
              <Select
                size="small"
                value={it.whenNone}
                disabled={!editable}
                onChange={(v) => edit(i, { whenNone: v })}
                style={{ width: 110 }}
                options={[
                  { value: 'full', label: s.full },
                  { value: 'zero', label: s.zero },
                ]}
              />
            ),
          },
          ...(editable
            ? [
                {
                  title: '',
                  key: 'remove',
                  width: 48,
                  render: (_: unknown, _it: Item, i: number) => (
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={s.remove} onClick={() => setDraft((d) => d.filter((_x, k) => k !== i))} />
                  ),
                },
              ]
            : []),
        ]}
      />
      {editable && (
        <Space wrap style={{ marginTop: 12 }}>
          <Button
            icon={<PlusOutlined />}
            disabled={unused.length === 0}
            onClick={() => setDraft((d) => [...d, { source: unused[0].id, points: 10, target: 0.9, cap: 10, whenNone: 'zero' }])}
            data-testid="scheme-add"
          >
            {s.add}
          </Button>
          <Button type="primary" loading={saving} onClick={save} data-testid="scheme-save">
            {s.save}
          </Button>
          <Button onClick={reset}>{s.reset}</Button>
          {can('measure.manage') && <Button onClick={() => runMeasuresNow().then(() => message.info(s.runQueued))}>{s.runNow}</Button>}
        </Space>
      )}
    </Card>
  );
}
