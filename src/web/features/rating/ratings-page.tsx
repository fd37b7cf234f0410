// 星级评定 (county manager): run a month in the background and watch it, check
// the distribution and the movers, publish; edit the scheme as a new version.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Progress, Segmented, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { TierChurnCard } from './tier-churn-card.js';
import { TierCauseButton } from './tier-cause-button.js';
import { DownloadOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { labelOf, starLabel } from '../../../shared/codes.js';
import { formatDateTime, formatNumber } from '../../../shared/format.js';
import { MOVER_DIRECTIONS } from '../../../shared/rating.js';
import { ApiError } from '../../api/client.js';
import { EChart, type ChartOption } from '../../components/echart.js';
import { ErrorResult } from '../../components/error-result.js';
import { useLoad } from '../../components/use-load.js';
import { textOf, useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import { findMovers, findRatingRuns, getRunScope, publishRatingRun, reviewSheetUrl, startRatingRun, type RatingRun, type RunSummary } from './rating-api.js';
import { ComplianceImportButton } from './compliance-import-button.js';
import { Delta } from './rating-explanation.js';
import { RepresentativesPanel } from './representatives-panel.js';
import { SchemeEditor } from './scheme-editor.js';

const statusColor: Record<string, string> = { computing: 'processing', draft: 'gold', published: 'green', superseded: 'default', failed: 'red' };

function lastMonths(from: string, n: number): string[] {
  const [y, m] = from.split('-').map(Number);
  return Array.from({ length: n }, (_, i) => new Date(Date.UTC(y, m - 1 - i, 1)).toISOString().slice(0, 7));
}

export function RatingsPage() {
  const { t } = useT();
  return (
    <div>
      <Typography.Title level={4} className="zy-page-title">
        {t.rating.title}
      </Typography.Title>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'runs', label: t.rating.tabRuns, children: <RunsPanel /> },
          { key: 'reps', label: <span data-testid="tab-reps">{t.rep.tab}</span>, children: <RepresentativesPanel /> },
          { key: 'scheme', label: <span data-testid="tab-scheme">{t.rating.tabScheme}</span>, children: <SchemeEditor /> },
        ]}
      />
    </div>
  );
}

function RunsPanel() {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const { can } = useSession();
  const loaded = useLoad(findRatingRuns, []);
  const [month, setMonth] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const runs = loaded.data?.runs ?? [];
  const defaultMonth = loaded.data?.defaultMonth ?? '';
  const computing = runs.some((r) => r.status === 'computing');

  // Poll while a run is computing.
  useEffect(() => {
    if (!computing) return;
    const id = setInterval(loaded.reload, 1000);
    return () => clearInterval(id);
  }, [computing, loaded.reload]);

  const shown = runs.find((r) => r.id === selected) ?? runs.find((r) => r.status === 'draft') ?? runs.find((r) => r.status === 'published');

  if (loaded.error && !loaded.data) return <ErrorResult error={loaded.error} onRetry={loaded.reload} />;
  const chosenMonth = month ?? defaultMonth;

  const start = async () => {
    setBusy(true);
    try {
      const run = await startRatingRun(chosenMonth);
      setSelected(run.id);
      loaded.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.text(lang) : t.common.unknownError);
    } finally {
      setBusy(false);
    }
  };

  const publish = async (run: RatingRun) => {
    try {
      await publishRatingRun(run.id);
      message.success(`${t.rating.published} ${run.month}`);
      loaded.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.text(lang) : t.common.unknownError);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      {can('rating.manage') && (
        <Card size="small">
          <Space wrap>
            <span>{t.rating.month}</span>
            <Select
              style={{ width: 140 }}
              value={chosenMonth || undefined}
              onChange={setMonth}
              options={defaultMonth ? lastMonths(defaultMonth, 12).map((m) => ({ value: m, label: t.rating.monthOf(m) })) : []}
              data-testid="run-month"
            />
            <Button type="primary" icon={<PlayCircleOutlined />} loading={busy} disabled={!chosenMonth} onClick={start} data-testid="run-start">
              {t.rating.run}
            </Button>
            <ComplianceImportButton />
            <Typography.Text type="secondary">{t.rating.runHint}</Typography.Text>
          </Space>
        </Card>
      )}
      <Card size="small" title={t.rating.runsTitle}>
        <Table
          size="small"
          rowKey="id"
          dataSource={runs}
          pagination={{ pageSize: 6, hideOnSinglePage: true }}
          scroll={{ x: 760 }}
          rowClassName={(r) => (r.id === shown?.id ? 'ant-table-row-selected' : '')}
          columns={[
            { title: t.rating.month, dataIndex: 'month' },
            {
              title: t.rating.progress,
              key: 'status',
              render: (_, r) =>
                r.status === 'computing' ? (
                  <div style={{ minWidth: 160 }} data-testid="run-progress">
                    <Progress percent={r.progress} size="small" />
                    <span className="zy-muted">{textOf(t.rating.step, r.step)}</span>
                  </div>
                ) : (
                  <Tag color={statusColor[r.status]} data-testid={`run-status-${r.id}`}>
                    {labelOf('ratingRunStatus', r.status, lang)}
                  </Tag>
                ),
            },
            { title: t.rating.retailers, dataIndex: 'retailers', align: 'right' },
            { title: t.rating.orderLines, key: 'lines', align: 'right', render: (_, r) => formatNumber(r.orderLines) },
            { title: t.rating.startedAt, key: 'at', render: (_, r) => formatDateTime(r.startedAt) },
            { title: t.rating.by, dataIndex: 'createdByName' },
            {
              title: '',
              key: 'actions',
              render: (_, r) => (
                <Space>
                  {(r.status === 'draft' || r.status === 'published') && (
                    <Button size="small" onClick={() => setSelected(r.id)}>
                      {t.rating.view}
                    </Button>
                  )}
                  {r.status === 'draft' && can('rating.manage') && (
                    <Popconfirm title={t.rating.publishConfirm} onConfirm={() => publish(r)} okText={t.rating.publish} cancelText={t.common.cancel}>
                      <Button size="small" type="primary" data-testid={`run-publish-${r.id}`}>
                        {t.rating.publish}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {shown && 'distribution' in shown.summary && (
        <RunDetail run={shown} summary={shown.summary as RunSummary} previous={runs.find((r) => r.status === 'published' && r.month < shown.month && 'distribution' in r.summary)} />
      )}
    </Space>
  );
}

function RunDetail({ run, summary, previous }: { run: RatingRun; summary: RunSummary; previous?: RatingRun }) {
  const { t, lang } = useT();
  const { can } = useSession();
  const [direction, setDirection] = useState<(typeof MOVER_DIRECTIONS)[number]>('all');
  const movers = useLoad(() => findMovers(run.id, direction), [run.id, direction]);
  // The figures of what the viewer is responsible for: the county for the county manager, their own grids for a grid worker.
  const scope = useLoad(() => getRunScope(run.id), [run.id]);
  const own = scope.data?.scope === 'own' ? scope.data : null;
  const d = own ? { ...summary.distribution, ...own.distribution } : summary.distribution;
  const scopeLabel = scope.data ? (own ? t.rating.scopeOwn(own.retailers) : t.rating.scopeOrg(scope.data.retailers)) : '';
  const starOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 10, top: 30, bottom: 24 },
      xAxis: { type: 'category', data: [1, 2, 3, 4, 5, 6].map((s) => starLabel(s, lang)) },
      yAxis: { type: 'value' },
      series: [
        { name: labelOf('network', 'urban', lang), type: 'bar', data: d.star.urban },
        { name: labelOf('network', 'rural', lang), type: 'bar', data: d.star.rural },
      ],
    }),
    [d, lang, t],
  );
  const tierOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 10, top: 10, bottom: 24 },
      xAxis: { type: 'category', data: d.tier.map((_, i) => String(i + 1)) },
      yAxis: { type: 'value' },
      series: [{ name: t.rating.tier, type: 'bar', data: d.tier, itemStyle: { color: '#1f5f9e' } }],
    }),
    [d, t],
  );
  const segKeys = ['close', 'stable_a', 'stable_b', 'unstable'];
  const segLabels = lang === 'zh' ? ['紧密型', '稳定A型', '稳定B型', '不稳型'] : ['Close', 'Stable A', 'Stable B', 'Unstable'];
  const segOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 10, top: 10, bottom: 24 },
      xAxis: { type: 'category', data: segLabels },
      yAxis: { type: 'value' },
      series: [{ name: t.rating.segment, type: 'bar', data: segKeys.map((k) => d.segment[k] ?? 0), itemStyle: { color: '#52c41a' } }],
    }),
    [d, lang, t],
  );
  const m = own ? own.movers : summary.movers;
  return (
    <>
      {own && <Alert type="info" showIcon title={t.rating.scopeOwnHint} data-testid="scope-own" />}
      {!own && summary.churn && <TierChurnCard run={run} summary={summary} previous={previous} />}
      <Card
        size="small"
        title={`${t.rating.distribution} · ${run.month} · ${labelOf('ratingRunStatus', run.status, lang)} · ${scopeLabel}`}
        extra={
          <Button size="small" icon={<DownloadOutlined />} href={reviewSheetUrl(run.month)} data-testid="review-sheet">
            {t.rating.reviewSheet}
          </Button>
        }
        data-testid="run-detail"
      >
        <div className="zy-card-grid">
          <div>
            <Typography.Text strong>{t.rating.starChart}</Typography.Text>
            <EChart option={starOption} height={220} testId="chart-stars" />
          </div>
          <div>
            <Typography.Text strong>{t.rating.tierChart}</Typography.Text>
            <EChart option={tierOption} height={220} testId="chart-tiers" />
          </div>
          <div>
            <Typography.Text strong>{t.rating.segmentChart}</Typography.Text>
            <EChart option={segOption} height={220} testId="chart-segments" />
          </div>
        </div>
      </Card>
      <Card
        size="small"
        title={`${t.rating.movers} · ${scopeLabel}`}
        extra={
          <Segmented<(typeof MOVER_DIRECTIONS)[number]>
            size="small"
            value={direction}
            onChange={setDirection}
            options={MOVER_DIRECTIONS.map((k) => ({ value: k, label: t.rating.direction[k] }))}
          />
        }
      >
        <Alert type="info" showIcon title={t.rating.moversSummary(m.starUp, m.starDown, m.tierUp, m.tierDown)} style={{ marginBottom: 8 }} />
        <Table
          size="small"
          rowKey="retailerId"
          loading={movers.loading}
          dataSource={movers.data?.items ?? []}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          scroll={{ x: 760 }}
          data-testid="movers"
          columns={[
            { title: t.rating.shop, key: 'shop', render: (_, x) => <Link to={`/retailers/${x.retailerId}`}>{x.shopName}</Link> },
            { title: t.rating.grid, dataIndex: 'gridName' },
            { title: t.rating.starMove, key: 'star', render: (_, x) => `${x.starFrom === null ? '—' : starLabel(x.starFrom, lang)} → ${starLabel(x.starTo, lang)}` },
            { title: t.rating.scoreMove, key: 'score', align: 'right', render: (_, x) => <span>{x.scoreTo} {x.scoreFrom !== null && <Delta value={x.scoreTo - x.scoreFrom} />}</span> },
            {
              title: t.rating.tierMove,
              key: 'tier',
              align: 'right',
              render: (_, x) => (
                <span>
                  {x.tierTo} {x.tierFrom !== null && <Delta value={x.tierTo - x.tierFrom} />}
                  {x.tierComputed !== null && x.tierCause === null && (
                    <div>
                      <Tag color="orange" data-testid="cap-held">
                        {t.rating.capHeld(x.tierComputed)}
                      </Tag>
                    </div>
                  )}
                  {x.tierCause !== null && (
                    <div>
                      {/* The batch's own cause for a new licensee (decision 1420); any other is what a person recorded. */}
                      <Tag color="blue">{x.tierCause === '@new_licence' ? t.rating.capNewLicence : t.rating.capCause}</Tag>
                    </div>
                  )}
                </span>
              ),
            },
            { title: t.rating.classMove, key: 'class', render: (_, x) => (x.classFrom === x.classTo ? x.classTo : `${x.classFrom} → ${x.classTo}`) },
            ...(run.status === 'draft' && can('rating.adjust')
              ? [
                  {
                    title: '',
                    key: 'cause',
                    render: (_: unknown, x: { retailerId: number; shopName: string; tierComputed: number | null; tierCause: string | null }) =>
                      x.tierComputed !== null && x.tierCause === null ? <TierCauseButton retailerId={x.retailerId} shopName={x.shopName} month={run.month} /> : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </>
  );
}
