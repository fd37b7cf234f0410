// 评定方案 as a form: tier weights, window and monthly cap, tier shares, star
// items with their bands, and star lines; saved as a new version. Field rules
// come from the shared schema the route parses (schemaRules); the rules between
// numbers (sums, band order, maxima) are the server's validateScheme, whose
// refusals are listed with the section they belong to. Segments and "what it
// takes" settings are carried over from the active version unchanged.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, List, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ratingSchemeSchema, saveSchemeSchema } from '../../../shared/rating.js';
import { labelOf, starLabel } from '../../../shared/codes.js';
import { formatDateTime } from '../../../shared/format.js';
import { ApiError } from '../../api/client.js';
import { ErrorResult } from '../../components/error-result.js';
import { inputLimits, schemaRules } from '../../components/schema-rules.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import { getSchemes, saveScheme, type RatingScheme, type SchemeError } from './rating-api.js';

type Problem = { path: string; message: string };
type Item = RatingScheme['star']['items'][number];
const WEIGHTS = ['quantity', 'value', 'brands', 'class2Plus'] as const;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const tiersShape = ratingSchemeSchema.shape.tiers.shape;

export function SchemeEditor() {
  const { t, lang } = useT();
  const f = t.rating.form;
  const { message } = App.useApp();
  const { can } = useSession();
  const editable = can('rating.manage');
  const loaded = useLoad(getSchemes, []);
  const [draft, setDraft] = useState<RatingScheme | null>(null);
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ version: string; note: string; windowMonths?: number; maxMonthlyMove?: number | null }>();

  const reset = () => {
    if (!loaded.data) return;
    const active = structuredClone(loaded.data.active);
    setDraft(active);
    form.setFieldsValue({ version: '', note: '', windowMonths: active.tiers.windowMonths ?? 1, maxMonthlyMove: active.tiers.maxMonthlyMove ?? null });
    setProblems(null);
  };
  useEffect(reset, [loaded.data]);

  if (loaded.error && !loaded.data) return <ErrorResult error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data || !draft) return null;
  const edit = (change: (s: RatingScheme) => void) =>
    setDraft((d) => {
      const next = structuredClone(d!);
      change(next);
      return next;
    });

  const save = async () => {
    const v = await form.validateFields();
    const scheme: RatingScheme = { ...draft, version: v.version.trim(), tiers: { ...draft.tiers, windowMonths: v.windowMonths ?? 1 } };
    if (v.maxMonthlyMove === null || v.maxMonthlyMove === undefined) delete scheme.tiers.maxMonthlyMove;
    else scheme.tiers.maxMonthlyMove = v.maxMonthlyMove;
    setSaving(true);
    try {
      const res = await saveScheme(scheme, v.note ?? '');
      setProblems(null);
      message.success(t.rating.schemeSaved(res.version));
      loaded.reload();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const errors = (e.body.errors as SchemeError[] | undefined) ?? [];
      setProblems(
        errors.length
          ? errors.map((x) => ({ path: x.path, message: lang === 'en' ? x.messageEn : x.message }))
          : e.details.length
            ? e.details.map((d) => ({ path: d.field, message: lang === 'en' ? d.messageEn : d.message }))
            : [{ path: '', message: e.text(lang) }],
      );
    } finally {
      setSaving(false);
    }
  };
  // The refusals that belong to one section (by the path the server names).
  const at = (prefix: string) => (problems ?? []).filter((p) => p.path.startsWith(prefix) || p.path.replace(/^scheme\./, '').startsWith(prefix));
  const Problems = ({ prefix }: { prefix: string }) => {
    const list = at(prefix);
    return list.length ? <Alert type="error" showIcon style={{ marginBottom: 8 }} title={list.map((p) => <div key={p.path + p.message}>{p.message}</div>)} /> : null;
  };
  const num = (value: number, onChange: (v: number) => void, width = 80, extra: { min?: number; max?: number; step?: number } = {}) => (
    <InputNumber size="small" value={value} onChange={(v) => onChange(Number(v ?? 0))} style={{ width }} disabled={!editable} {...extra} />
  );
  const w = draft.tiers.weights;
  const weightSum = sum(WEIGHTS.map((k) => w[k]));
  const shareSum = sum(draft.tiers.shares);
  const maxSum = sum(draft.star.items.map((i) => i.max));

  return (
    <div className="zy-card-grid" data-testid="scheme-form">
      <Card size="small" title={t.rating.schemeActive(loaded.data.active.version)} style={{ gridColumn: '1 / -1' }}>
        {loaded.data.inheritedFrom && (
          <Alert
            type={loaded.data.inheritedFrom.overridable ? 'info' : 'warning'}
            showIcon
            style={{ marginBottom: 8 }}
            data-testid="scheme-inherited"
            title={t.rating.schemeInherited(loaded.data.inheritedFrom.orgName, loaded.data.inheritedFrom.version, !loaded.data.inheritedFrom.overridable)}
          />
        )}
        {problems && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 8 }}
            title={t.rating.schemeErrors}
            data-testid="scheme-errors"
            description={<List size="small" dataSource={problems} renderItem={(p) => <List.Item>{p.message}</List.Item>} />}
          />
        )}
        <Form form={form} layout="vertical" disabled={!editable}>
          <Space wrap align="start" size={16}>
            <Form.Item name="version" label={t.rating.version} rules={schemaRules(ratingSchemeSchema.shape.version, lang)} style={{ width: 220 }}>
              <Input {...inputLimits(ratingSchemeSchema.shape.version)} placeholder="2027.1" data-testid="scheme-version" />
            </Form.Item>
            <Form.Item name="note" label={t.rating.note} rules={schemaRules(saveSchemeSchema.shape.note, lang)} style={{ width: 260 }}>
              <Input {...inputLimits(saveSchemeSchema.shape.note)} />
            </Form.Item>
            <Form.Item name="windowMonths" label={f.window} extra={f.windowHint} rules={schemaRules(tiersShape.windowMonths, lang)} style={{ width: 260 }}>
              <InputNumber {...inputLimits(tiersShape.windowMonths)} precision={0} style={{ width: 120 }} data-testid="scheme-window" />
            </Form.Item>
            <Form.Item name="maxMonthlyMove" label={f.cap} extra={f.capHint} rules={schemaRules(tiersShape.maxMonthlyMove, lang)} style={{ width: 260 }}>
              <InputNumber {...inputLimits(tiersShape.maxMonthlyMove)} precision={0} style={{ width: 120 }} data-testid="scheme-cap" />
            </Form.Item>
          </Space>
        </Form>
        <Problems prefix="tiers.windowMonths" />
        <Problems prefix="tiers.maxMonthlyMove" />
        {editable && (
          <Space wrap>
            <Button type="primary" loading={saving} onClick={save} data-testid="scheme-save">
              {t.rating.schemeSave}
            </Button>
            <Button onClick={reset}>{f.reset}</Button>
          </Space>
        )}
      </Card>

      <Card size="small" title={f.tiers}>
        <Typography.Text strong>{f.weights}</Typography.Text> <Tag color={weightSum === 100 ? 'green' : 'red'}>{f.sum(weightSum, 100)}</Tag>
        <Problems prefix="tiers.weights" />
        <Space wrap style={{ margin: '8px 0 12px' }}>
          {WEIGHTS.map((k) => (
            <label key={k}>
              <div className="zy-muted">{f.weight[k]}</div>
              {num(w[k], (v) => edit((s) => (s.tiers.weights[k] = v)), 90, { min: 0, max: 100 })}
            </label>
          ))}
        </Space>
        <div>
          <Typography.Text strong>{f.manualOverride}</Typography.Text>{' '}
          <Select
            size="small"
            style={{ width: 180 }}
            value={draft.tiers.manualOverride}
            disabled={!editable}
            onChange={(v) => edit((s) => (s.tiers.manualOverride = v))}
            options={(['with_reason', 'forbidden'] as const).map((k) => ({ value: k, label: f.manualOptions[k] }))}
          />
        </div>
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>{f.shares(draft.tiers.shares.length)}</Typography.Text>{' '}
          <Tag color={Math.abs(shareSum - 100) < 1e-6 ? 'green' : 'red'}>{f.sum(shareSum, 100)}</Tag>
        </div>
        <Problems prefix="tiers.shares" />
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(74px, 1fr))', gap: 6, marginTop: 8 }} data-testid="scheme-shares">
          {draft.tiers.shares.map((x, i) => (
            <label key={i}>
              <div className="zy-muted" style={{ fontSize: 12 }}>
                {t.rating.tierValue(i + 1)}
              </div>
              {num(x, (v) => edit((s) => (s.tiers.shares[i] = v)), 70, { min: 0, max: 100, step: 0.1 })}
            </label>
          ))}
        </div>
      </Card>

      <Card size="small" title={f.cutoffs}>
        <Problems prefix="star.cutoffs" />
        <Table
          size="small"
          pagination={false}
          rowKey="network"
          dataSource={(['urban', 'rural'] as const).map((network) => ({ network }))}
          scroll={{ x: 520 }}
          columns={[
            { title: '', key: 'n', render: (_, r) => labelOf('network', r.network, lang) },
            ...[2, 3, 4, 5, 6].map((star) => ({
              title: starLabel(star, lang),
              key: String(star),
              render: (_: unknown, r: { network: 'urban' | 'rural' }) =>
                num(draft.star.cutoffs[r.network][star - 1], (v) => edit((s) => (s.star.cutoffs[r.network][star - 1] = v)), 64, { min: 0, max: 100 }),
            })),
          ]}
        />
      </Card>

      <Card size="small" title={f.items} style={{ gridColumn: '1 / -1' }} extra={<Tag color={maxSum === draft.star.total ? 'green' : 'red'}>{f.sum(maxSum, draft.star.total)}</Tag>}>
        <Problems prefix="star.items" />
        <div className="zy-card-grid">
          {draft.star.items.map((item, k) => (
            <StarItemEditor key={item.id} item={item} editable={editable} onChange={(change) => edit((s) => change(s.star.items[k]))} />
          ))}
        </div>
      </Card>

      <Card size="small" title={t.rating.versions} style={{ gridColumn: '1 / -1' }}>
        <Table
          size="small"
          rowKey="version"
          pagination={false}
          dataSource={loaded.data.versions}
          columns={[
            { title: t.rating.version, dataIndex: 'version' },
            { title: t.rating.note, dataIndex: 'note' },
            { title: t.rating.by, dataIndex: 'createdByName' },
            { title: t.rating.startedAt, key: 'at', render: (_, v) => formatDateTime(v.createdAt) },
          ]}
        />
      </Card>
    </div>
  );
}

/** One star item: its maximum, and its bands (from the highest down) or its points per class. */
function StarItemEditor({ item, editable, onChange }: { item: Item; editable: boolean; onChange: (change: (i: Item) => void) => void }) {
  const { t } = useT();
  const f = t.rating.form;
  const n = (value: number | undefined, set: (i: Item, v: number) => void, width = 72) => (
    <InputNumber size="small" value={value} disabled={!editable} style={{ width }} onChange={(v) => onChange((i) => set(i, Number(v ?? 0)))} />
  );
  return (
    <div style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 8 }} data-testid={`scheme-item-${item.id}`}>
      <Space wrap style={{ marginBottom: 6 }}>
        <Typography.Text strong>{f.itemNames[item.id]}</Typography.Text>
        <span className="zy-muted">{f.max}</span>
        {n(item.max, (i, v) => (i.max = v), 64)}
      </Space>
      {'bands' in item ? (
        <>
          <Table
            size="small"
            pagination={false}
            rowKey={(_, k) => String(k)}
            dataSource={item.bands.map((b, k) => ({ ...b, k }))}
            columns={[
              { title: f.bandMin, key: 'min', render: (_, b) => n(b.min, (i, v) => 'bands' in i && (i.bands[b.k].min = v), 80) },
              { title: f.bandPoints, key: 'points', render: (_, b) => n(b.points, (i, v) => 'bands' in i && (i.bands[b.k].points = v), 64) },
              {
                title: '',
                key: 'x',
                render: (_, b) =>
                  editable && item.bands.length > 1 ? (
                    <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={f.removeBand} onClick={() => onChange((i) => 'bands' in i && i.bands.splice(b.k, 1))} />
                  ) : null,
              },
            ]}
          />
          <Space wrap style={{ marginTop: 6 }}>
            <span className="zy-muted">{f.floor}</span>
            {n(item.floor, (i, v) => 'bands' in i && (i.floor = v), 64)}
            {item.missing !== undefined && (
              <>
                <span className="zy-muted">{f.missing}</span>
                {n(item.missing, (i, v) => 'bands' in i && (i.missing = v), 64)}
              </>
            )}
            {editable && (
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => onChange((i) => 'bands' in i && i.bands.push({ min: Math.max(0, (i.bands.at(-1)?.min ?? 1) - 1), points: Math.max(i.floor, 0) }))}
              >
                {f.addBand}
              </Button>
            )}
          </Space>
        </>
      ) : (
        <Space wrap>
          <span className="zy-muted">{f.classPoints}</span>
          {Object.entries(item.points).map(([cls, pts]) => (
            <label key={cls}>
              <Tag>{cls}</Tag>
              {n(pts, (i, v) => 'points' in i && ((i.points as Record<string, number>)[cls] = v), 60)}
            </label>
          ))}
        </Space>
      )}
    </div>
  );
}
