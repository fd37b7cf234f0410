// 需求预测: per product, the next eight weeks of expected demand — the county
// for marketing, the shops they see for a station head or grid worker — with
// how the model and the baselines did lately; one product's history against
// the forecast, its band and the three baselines on a chart with the
// festivals marked; marketing's overrides (a reason each, kept as versions);
// and forecast accuracy by grid for a month.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Space, Spin, Table, Tag, Tooltip, Typography, type ButtonProps } from 'antd';
import { QuestionCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/i18n.js';
import { ApiError } from '../../api/client.js';
import { forecastApi } from './forecast-api.js';
import { ForecastChart } from './forecast-chart.js';
import { GridAccuracyCard } from './grid-accuracy-card.js';
import { ShopOverridesCard } from './shop-overrides-card.js';
import { StockoutRisksCard } from './stockout-risks-card.js';
import type { ForecastOverview, ForecastSeries } from '../../../shared/forecast.js';
import { beijingTimeLabel } from '../../../shared/periods.js';
import { useSession } from '../../shell/session.js';

type Overview = ForecastOverview;
type Series = ForecastSeries;
type Point = Series['forecast'][number];

const pct = (x: number | null | undefined) => (x == null ? '—' : `${x.toFixed(1)}%`);
const best = (a: NonNullable<Overview['items'][number]['accuracy']>) => {
  const xs = [a.seasonal_naive, a.aligned_naive, a.recent_mean].filter((x): x is number => x !== null);
  return xs.length ? Math.min(...xs) : null;
};

export function ForecastsPage() {
  const { t, lang } = useT();
  const f = t.forecast;
  const { message } = App.useApp();
  const { can } = useSession();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [productId, setProductId] = useState<number | null>(null);
  const [series, setSeries] = useState<Series | null>(null);
  const [editing, setEditing] = useState<Point | null>(null);
  const [withdrawing, setWithdrawing] = useState<Point | null>(null);
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.text(lang) : String(e));

  const load = () =>
    forecastApi
      .overview()
      .then((o) => {
        setOverview(o);
        setProductId((p) => p ?? o.items[0]?.productId ?? null);
      })
      .catch(fail);
  useEffect(() => void load(), []); // eslint-disable-line react-hooks/exhaustive-deps
  // While a run is computing, look again every few seconds.
  useEffect(() => {
    if (!overview?.computing) return;
    const id = setInterval(() => void load(), 5000);
    return () => clearInterval(id);
  }, [overview?.computing, overview?.run?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (productId && overview?.run) forecastApi.series(productId).then(setSeries).catch(fail);
  }, [productId, overview?.run?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const weeks = overview?.weeks ?? [];
  const columns = useMemo(
    () => [
      {
        title: f.product,
        dataIndex: 'name',
        fixed: 'left' as const,
        render: (v: string, r: Overview['items'][number]) => (
          <a onClick={() => setProductId(r.productId)} data-testid={`forecast-product-${r.productId}`}>
            {v}
          </a>
        ),
      },
      { title: f.recent, dataIndex: 'recent', align: 'right' as const },
      ...weeks.map((w, i) => ({
        title: f.weekShort(w),
        key: w,
        align: 'right' as const,
        render: (_: unknown, r: Overview['items'][number]) =>
          r.qty[i] == null ? (
            '—'
          ) : r.overridden[i] ? (
            <Tooltip title={`${f.model} ${r.model[i]}`}>
              <Tag color="purple" style={{ marginInlineEnd: 0 }}>
                {Math.round(r.qty[i]!)}
              </Tag>
            </Tooltip>
          ) : (
            Math.round(r.qty[i]!)
          ),
      })),
      {
        title: (
          <Tooltip title={f.accuracyHelp}>
            {f.accuracy} <QuestionCircleOutlined />
          </Tooltip>
        ),
        key: 'acc',
        render: (_: unknown, r: Overview['items'][number]) => (r.accuracy ? f.modelVs(pct(r.accuracy.model), pct(best(r.accuracy))) : '—'),
      },
    ],
    [weeks, f], // eslint-disable-line react-hooks/exhaustive-deps
  );

  if (!overview) return <Spin style={{ display: 'block', margin: '60px auto' }} />;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="forecasts">
      <Space wrap align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {f.title}
        </Typography.Title>
        <Tag color={overview.scope === 'county' ? 'blue' : 'green'}>{overview.scope === 'county' ? f.scopeCounty : f.scopeMine}</Tag>
        {overview.run && (
          <Typography.Text type="secondary" data-testid="forecast-run">
            {f.run(overview.run.originWeek, overview.run.finishedAt ? beijingTimeLabel(overview.run.finishedAt, lang) : '')}
          </Typography.Text>
        )}
        {can('forecast.manage') && (
          <Button
            icon={<ReloadOutlined />}
            disabled={overview.computing}
            onClick={() =>
              forecastApi
                .run()
                .then(() => {
                  message.success(f.queued);
                  return load();
                })
                .catch(fail)
            }
            data-testid="forecast-rerun"
          >
            {f.recompute}
          </Button>
        )}
      </Space>
      {overview.computing && <Alert type="info" showIcon title={f.computing} data-testid="forecast-computing" />}
      {!overview.run && !overview.computing && <Alert type="warning" showIcon title={f.none} />}
      {overview.run && (
        <Table
          size="small"
          rowKey="productId"
          pagination={false}
          dataSource={overview.items}
          columns={columns}
          scroll={{ x: 'max-content', y: 360 }}
          onRow={(r) => ({ onClick: () => setProductId(r.productId) })}
          rowClassName={(r) => (r.productId === productId ? 'ant-table-row-selected' : '')}
          data-testid="forecast-table"
        />
      )}
      {series && series.productId === productId && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Card size="small" title={f.chartTitle(series.name)}>
              <ForecastChart series={series} />
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <AccuracyCard series={series} />
          </Col>
          <Col span={24}>
            <WeeksTable series={series} canOverride={overview.canOverride} onOverride={setEditing} onWithdraw={setWithdrawing} />
          </Col>
          {can('forecast.shop') && (
            <Col span={24}>
              <ShopOverridesCard
                key={series.productId}
                series={series}
                onChanged={() => {
                  void load();
                  forecastApi.series(series.productId).then(setSeries).catch(fail);
                }}
              />
            </Col>
          )}
          <Col xs={24} xl={12}>
            <VersionsCard series={series} />
          </Col>
          <Col xs={24} xl={12}>
            <GridAccuracyCard />
          </Col>
          {overview.run && (
            <Col span={24}>
              <StockoutRisksCard runId={overview.run.id} />
            </Col>
          )}
        </Row>
      )}
      {editing && series && (
        <OverrideDialog
          point={editing}
          name={series.name}
          onClose={() => setEditing(null)}
          onSaved={(s) => {
            setEditing(null);
            setSeries(s);
            message.success(f.overrideSaved);
            void load();
          }}
          productId={series.productId}
        />
      )}
      {withdrawing && series && (
        <WithdrawDialog
          point={withdrawing}
          name={series.name}
          productId={series.productId}
          onClose={() => setWithdrawing(null)}
          onSaved={(s) => {
            setWithdrawing(null);
            setSeries(s);
            message.success(f.withdrawSaved);
            void load();
          }}
        />
      )}
    </Space>
  );
}

function AccuracyCard({ series }: { series: Series }) {
  const { t } = useT();
  const f = t.forecast;
  const a = series.accuracy;
  return (
    <Card
      size="small"
      title={
        <Tooltip title={f.accuracyHelp}>
          {f.accuracy} <QuestionCircleOutlined />
        </Tooltip>
      }
      data-testid="forecast-accuracy"
    >
      {!a ? (
        <Typography.Text type="secondary">—</Typography.Text>
      ) : (
        <Table
          size="small"
          pagination={false}
          rowKey="k"
          dataSource={[
            { k: 'model', name: f.model, v: a.model },
            { k: 'seasonal_naive', name: f.baselines.seasonal_naive, v: a.seasonal_naive },
            { k: 'aligned_naive', name: f.baselines.aligned_naive, v: a.aligned_naive },
            { k: 'recent_mean', name: f.baselines.recent_mean, v: a.recent_mean },
          ]}
          columns={[
            { title: '', dataIndex: 'name', render: (v: string, r) => (r.k === 'model' ? <strong>{v}</strong> : v) },
            { title: f.wape, dataIndex: 'v', align: 'right', render: (v: number | null) => pct(v) },
          ]}
        />
      )}
    </Card>
  );
}

function WeeksTable({ series, canOverride, onOverride, onWithdraw }: { series: Series; canOverride: boolean; onOverride: (p: Point) => void; onWithdraw: (p: Point) => void }) {
  const { t, lang } = useT();
  const f = t.forecast;
  const r1 = (x: number) => x.toFixed(1);
  return (
    <Table<Point>
      size="small"
      rowKey="weekStart"
      pagination={false}
      dataSource={series.forecast}
      scroll={{ x: 'max-content' }}
      data-testid="forecast-weeks"
      columns={[
        { title: f.week, dataIndex: 'weekStart' },
        { title: f.horizon, dataIndex: 'horizon', align: 'right' },
        {
          title: f.inForce,
          align: 'right',
          render: (_: unknown, p) => (
            <span data-testid={`in-force-${p.weekStart}`}>
              <strong>{r1(p.qty)}</strong>
              {p.override && (
                <Tag color="purple" style={{ marginInlineStart: 6 }}>
                  {f.override} · {f.version(p.override.version)}
                </Tag>
              )}
              {p.shopOverrides > 0 && (
                <Tag color="purple" style={{ marginInlineStart: 6 }}>
                  {f.shopOverrides(p.shopOverrides)}
                </Tag>
              )}
            </span>
          ),
        },
        { title: f.model, align: 'right', render: (_: unknown, p) => r1(p.model) },
        { title: f.band, align: 'right', render: (_: unknown, p) => `${r1(p.low)}–${r1(p.high)}` },
        { title: f.baselines.seasonal_naive, align: 'right', render: (_: unknown, p) => r1(p.seasonal_naive) },
        { title: f.baselines.aligned_naive, align: 'right', render: (_: unknown, p) => r1(p.aligned_naive) },
        { title: f.baselines.recent_mean, align: 'right', render: (_: unknown, p) => r1(p.recent_mean) },
        {
          title: f.why,
          render: (_: unknown, p) => (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.override ? `${f.override}${t.punct.colon}${p.override.reason}` : lang === 'zh' ? p.why.zh : p.why.en}
            </Typography.Text>
          ),
        },
        ...(canOverride
          ? [
              {
                title: '',
                render: (_: unknown, p: Point) => (
                  <Space size={4}>
                    <Button size="small" onClick={() => onOverride(p)} data-testid={`override-${p.weekStart}`}>
                      {f.overrideAction}
                    </Button>
                    {p.override && (
                      <Button size="small" danger onClick={() => onWithdraw(p)} data-testid={`withdraw-${p.weekStart}`}>
                        {f.withdraw}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

function VersionsCard({ series }: { series: Series }) {
  const { t, lang } = useT();
  const f = t.forecast;
  return (
    <Card size="small" title={f.versions} data-testid="forecast-versions">
      <Table
        size="small"
        rowKey="id"
        pagination={{ pageSize: 5, hideOnSinglePage: true }}
        dataSource={series.overrides}
        locale={{ emptyText: f.noVersions }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: f.week, dataIndex: 'weekStart' },
          { title: '', dataIndex: 'version', render: (v: number) => f.version(v) },
          {
            title: f.inForce,
            dataIndex: 'qty',
            align: 'right',
            render: (v: number, o: Series['overrides'][number]) => (o.withdrawn ? <Tag>{f.withdrawn}</Tag> : v),
          },
          { title: f.modelAtEntry, dataIndex: 'modelQty', align: 'right', render: (v: number | null) => (v == null ? '—' : v.toFixed(1)) },
          { title: f.overrideReason, dataIndex: 'reason' },
          { title: f.by, dataIndex: 'by' },
          { title: f.at, dataIndex: 'at', render: (v: string) => beijingTimeLabel(v, lang) },
        ]}
      />
    </Card>
  );
}

function OverrideDialog({ point, name, productId, onClose, onSaved }: { point: Point; name: string; productId: number; onClose: () => void; onSaved: (s: Series) => void }) {
  const { t, lang } = useT();
  const f = t.forecast;
  const { message } = App.useApp();
  const [qty, setQty] = useState<number | null>(Math.round(point.qty));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      onSaved(await forecastApi.override({ productId, weekStart: point.weekStart, qty: qty ?? 0, reason }));
    } catch (e) {
      message.error(e instanceof ApiError ? e.text(lang) : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={f.overrideTitle(name, point.weekStart)} onCancel={onClose} onOk={save} confirmLoading={busy} okButtonProps={{ disabled: !reason.trim() || qty === null, 'data-testid': 'override-save' } as ButtonProps}>
      <Typography.Paragraph type="secondary">{f.overrideHelp}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={`${f.overrideQty} · ${f.model} ${point.model.toFixed(1)}`}>
          <InputNumber min={0} precision={0} value={qty} onChange={(v) => setQty(v === null ? null : Number(v))} data-testid="override-qty" />
        </Form.Item>
        <Form.Item label={f.overrideReason} required>
          <Input maxLength={200} value={reason} placeholder={f.overrideReasonHint} onChange={(e) => setReason(e.target.value)} data-testid="override-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function WithdrawDialog({ point, name, productId, onClose, onSaved }: { point: Point; name: string; productId: number; onClose: () => void; onSaved: (s: Series) => void }) {
  const { t, lang } = useT();
  const f = t.forecast;
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      onSaved(await forecastApi.withdraw({ productId, weekStart: point.weekStart, reason }));
    } catch (e) {
      message.error(e instanceof ApiError ? e.text(lang) : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={f.withdrawTitle(name, point.weekStart)} onCancel={onClose} onOk={save} confirmLoading={busy} okButtonProps={{ disabled: !reason.trim(), 'data-testid': 'withdraw-save' } as ButtonProps}>
      <Typography.Paragraph type="secondary">{f.withdrawHelp}</Typography.Paragraph>
      <Typography.Paragraph>
        {f.model} {point.model.toFixed(1)} · {f.override} {point.qty.toFixed(1)}
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={f.withdrawReason} required>
          <Input maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="withdraw-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
