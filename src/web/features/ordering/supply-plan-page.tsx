// Marketing staff: a week's supply plan (this week's or a later one, entered
// here or imported from an Excel sheet), the allocation of scarce products
// (quota by tier and market as a table and a chart, supply used, share by
// market, what each figure means), adjust and re-run, publish, and every
// weekday's order window, which can be moved.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Collapse, InputNumber, Row, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/i18n.js';
import { EChart } from '../../components/echart.js';
import { ApiError } from '../../api/client.js';
import type { PlanDetail, PlanItem, PlanSummary } from '../../../shared/ordering.js';
import type { JobView } from '../../../shared/jobs.js';
import { orderingApi } from './ordering-api.js';
import { PlanImportButton } from './plan-import-button.js';
import { JobProgress } from '../../components/job-progress.js';
import { labelOf } from '../../../shared/codes.js';
import { weekLabel } from '../../../shared/periods.js';
import { useSession } from '../../shell/session.js';
import { OrderWindowsCard } from './order-windows-card.js';

/** Mondays of this week (Beijing time) and the two after it. */
export function plannableWeeks(now: Date): string[] {
  const bj = new Date(now.getTime() + 8 * 3_600_000);
  const monday = Date.UTC(bj.getUTCFullYear(), bj.getUTCMonth(), bj.getUTCDate() - ((bj.getUTCDay() + 6) % 7));
  return [0, 1, 2].map((k) => new Date(monday + k * 7 * 86_400_000).toISOString().slice(0, 10));
}

/** A column title with its meaning on hover. */
function Help({ title, help }: { title: string; help: string }) {
  return (
    <Tooltip title={help}>
      <span>
        {title} <QuestionCircleOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />
      </span>
    </Tooltip>
  );
}

export function SupplyPlanPage() {
  const { t, lang } = useT();
  const o = t.ordering;
  const { message } = App.useApp();
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  const [planId, setPlanId] = useState<number | null>(null);
  const [detail, setDetail] = useState<PlanDetail | null>(null);
  const [items, setItems] = useState<PlanItem[]>([]);
  const [productId, setProductId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const { can } = useSession();
  const weeks = useMemo(() => plannableWeeks(new Date()), []);
  const [newWeek, setNewWeek] = useState<string | null>(null);
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.text(lang) : String(e));

  useEffect(() => {
    orderingApi
      .plans()
      .then((r) => {
        setPlans(r.items);
        if (r.items[0]) setPlanId(r.items[0].id);
      })
      .catch(fail);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  const show = (d: PlanDetail) => {
    setDetail(d);
    // The selector says what the plan is now (after 发布 it is 已发布, not the 草稿 it was listed as).
    setPlans((ps) => ps.map((p) => (p.id === d.plan.id ? { ...p, status: d.plan.status, publishedAt: d.plan.publishedAt } : p)));
    setItems(d.items.filter((i) => i.scarce));
    if (!productId || !d.items.some((i) => i.productId === productId)) setProductId(d.items.find((i) => i.scarce)?.productId ?? null);
  };
  useEffect(() => {
    if (planId) orderingApi.plan(planId).then(show).catch(fail);
  }, [planId]); // eslint-disable-line react-hooks/exhaustive-deps

  const run = async (f: () => Promise<PlanDetail>, ok: string) => {
    setBusy(true);
    try {
      show(await f());
      message.success(ok);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const draft = detail?.plan.status === 'draft';
  // While the plan's allocation job is queued or running, the screen shows its progress and waits for it.
  const allocating = detail?.allocation ?? null;
  const allocationDone = (planIdDone: number, job: JobView) => {
    const ok = job.state === 'completed';
    if (ok) message.success(o.allocatedOk);
    // A failed job stays on screen with its reason until the next run.
    orderingApi.plan(planIdDone).then((d) => show(ok ? d : { ...d, allocation: d.allocation ?? job }), fail);
  };
  const edit = (pid: number, patch: Partial<PlanItem>) => setItems((xs) => xs.map((x) => (x.productId === pid ? { ...x, ...patch } : x)));

  const quotas = useMemo(() => (detail?.quotas ?? []).filter((q) => q.productId === productId), [detail, productId]);
  const tiers = [...new Set(quotas.map((q) => q.tier))].sort((a, b) => a - b);
  const quotaOf = (tier: number, net: string) => quotas.find((q) => q.tier === tier && q.network === net);
  const allocatedBy = (net: string) => quotas.filter((q) => q.network === net).reduce((s, q) => s + q.allocated, 0);
  const selected = detail?.items.find((i) => i.productId === productId);
  const supplyTotal = (detail?.items ?? []).filter((i) => i.scarce).reduce((s, i) => s + i.supplyQty, 0);
  const scarceWithForecast = (detail?.items ?? []).filter((i) => i.scarce && i.expectedDemand != null);
  const expectedTotal = scarceWithForecast.length ? scarceWithForecast.reduce((s, i) => s + (i.expectedDemand ?? 0), 0) : null;
  const allocatedTotal = (detail?.items ?? []).filter((i) => i.scarce).reduce((s, i) => s + (i.allocatedQty ?? 0), 0);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {o.supplyTitle}
        </Typography.Title>
        <Select
          style={{ minWidth: 220 }}
          value={planId ?? undefined}
          placeholder={o.noPlan}
          options={plans.map((p) => ({ value: p.id, label: `${weekLabel(p.weekStart, lang)} · ${labelOf('planStatus', p.status, lang)}` }))}
          onChange={setPlanId}
          data-testid="plan-select"
        />
        {can('supply.manage') && (
          <Space.Compact>
            <Select
              style={{ minWidth: 250 }}
              placeholder={o.planWeek}
              value={newWeek ?? weeks.find((w) => !plans.some((p) => p.weekStart === w)) ?? undefined}
              onChange={setNewWeek}
              data-testid="new-plan-week"
              options={weeks.map((w, i) => {
                const exists = plans.some((p) => p.weekStart === w);
                const tag = i === 0 ? o.thisWeekTag : i === 1 ? o.nextWeekTag : '';
                return { value: w, disabled: exists, label: `${weekLabel(w, lang)}${tag ? `${t.punct.paren(tag)}` : ''}${exists ? ` · ${o.planExists}` : ''}` };
              })}
            />
            <Button
              data-testid="new-plan"
              disabled={weeks.every((w) => plans.some((p) => p.weekStart === w))}
              onClick={async () => {
                const week = newWeek ?? weeks.find((w) => !plans.some((p) => p.weekStart === w));
                if (!week) return;
                try {
                  const d = await orderingApi.createPlan(week);
                  setPlans((ps) => [{ id: d.plan.id, weekStart: d.plan.weekStart, status: d.plan.status, scarceItems: d.items.filter((i) => i.scarce).length, publishedAt: null }, ...ps].sort((a, b) => b.weekStart.localeCompare(a.weekStart)));
                  setNewWeek(null);
                  setPlanId(d.plan.id);
                } catch (e) {
                  fail(e);
                }
              }}
            >
              {o.newPlan}
            </Button>
          </Space.Compact>
        )}
        {detail && <Tag color={draft ? 'orange' : 'green'}>{labelOf('planStatus', detail.plan.status, lang)}</Tag>}
        {detail && draft && <PlanImportButton planId={detail.plan.id} onImported={() => orderingApi.plan(detail.plan.id).then(show, fail)} />}
      </Space>
      {!detail ? (
        <Alert type="info" message={o.noPlan} />
      ) : (
        <>
          <Typography.Text strong data-testid="plan-week">
            {weekLabel(detail.plan.weekStart, lang)}
          </Typography.Text>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Statistic title={<Help title={o.supply} help={o.help.supply} />} value={supplyTotal} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={<Help title={t.planDemand.expected} help={t.planDemand.expectedHelp} />} value={expectedTotal ?? '—'} precision={expectedTotal === null ? undefined : 0} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={<Help title={o.supplyUsed} help={o.help.used} />} value={supplyTotal ? (allocatedTotal / supplyTotal) * 100 : 0} precision={1} suffix="%" />
            </Col>
          </Row>
          <Collapse
            size="small"
            data-testid="figures-help"
            items={[
              {
                key: 'help',
                label: o.figuresHelp,
                children: (
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {[o.help.rule, o.help.supply, o.help.weights, o.help.minTier, o.help.allocated, o.help.gap, o.help.used, o.help.ordered].map((h) => (
                      <li key={h}>{h}</li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
          <Table<PlanItem>
            size="small"
            rowKey="productId"
            pagination={false}
            dataSource={items}
            scroll={{ x: 1100 }}
            onRow={(r) => ({ onClick: () => setProductId(r.productId) })}
            rowClassName={(r) => (r.productId === productId ? 'ant-table-row-selected' : '')}
            columns={[
              { title: o.product, dataIndex: 'name', render: (v: string, r) => <a onClick={() => setProductId(r.productId)}>{v}</a> },
              {
                title: o.supply,
                dataIndex: 'supplyQty',
                render: (v: number, r) => (draft ? <InputNumber min={0} precision={0} value={v} onChange={(x) => edit(r.productId, { supplyQty: Number(x ?? 0) })} /> : v),
              },
              {
                title: <Help title={t.planDemand.expected} help={t.planDemand.expectedHelp} />,
                dataIndex: 'expectedDemand',
                render: (v: number | null | undefined, r) =>
                  v == null ? (
                    <Typography.Text type="secondary">{t.planDemand.noForecast}</Typography.Text>
                  ) : (
                    <span data-testid={`expected-${r.productId}`}>
                      {Math.round(v)}
                      {r.expectedOverridden && (
                        <Tag color="purple" style={{ marginInlineStart: 6 }}>
                          {t.planDemand.overridden}
                        </Tag>
                      )}
                    </span>
                  ),
              },
              {
                title: <Help title={t.planDemand.met} help={t.planDemand.metHelp} />,
                render: (_: unknown, r) => {
                  const e = r.expectedDemand;
                  if (e == null || e <= 0) return '—';
                  const pct = Math.min(999, (100 * r.supplyQty) / e);
                  const short = Math.round(e - r.supplyQty);
                  return (
                    <span data-testid={`met-${r.productId}`}>
                      <Typography.Text type={pct < 100 ? 'danger' : undefined} strong={pct < 100}>
                        {pct.toFixed(0)}%
                      </Typography.Text>
                      {short > 0 && (
                        <Typography.Text type="danger" style={{ marginInlineStart: 6, fontSize: 12 }}>
                          {t.planDemand.short(short)}
                        </Typography.Text>
                      )}
                    </span>
                  );
                },
              },
              {
                title: <Help title={o.urbanWeight} help={o.help.weights} />,
                dataIndex: 'urbanWeight',
                render: (v: number, r) => (draft ? <InputNumber min={0} max={10} step={0.1} value={v} onChange={(x) => edit(r.productId, { urbanWeight: Number(x ?? 0) })} /> : v),
              },
              {
                title: <Help title={o.ruralWeight} help={o.help.weights} />,
                dataIndex: 'ruralWeight',
                render: (v: number, r) => (draft ? <InputNumber min={0} max={10} step={0.1} value={v} onChange={(x) => edit(r.productId, { ruralWeight: Number(x ?? 0) })} /> : v),
              },
              {
                title: <Help title={o.minTier} help={o.help.minTier} />,
                dataIndex: 'minTier',
                render: (v: number, r) => (draft ? <InputNumber min={0} max={30} precision={0} value={v} onChange={(x) => edit(r.productId, { minTier: Number(x ?? 0) })} /> : v),
              },
              { title: <Help title={o.allocated} help={o.help.allocated} />, render: (_: unknown, r) => detail.items.find((i) => i.productId === r.productId)?.allocatedQty ?? '—' },
              { title: <Help title={o.gap} help={o.help.gap} />, render: (_: unknown, r) => { const g = detail.items.find((i) => i.productId === r.productId)?.gapPct; return g == null ? '—' : `${g.toFixed(2)}%`; } },
              { title: <Help title={o.ordered} help={o.help.ordered} />, render: (_: unknown, r) => detail.items.find((i) => i.productId === r.productId)?.orderedQty ?? 0 },
            ]}
          />
          <OrderWindowsCard key={`${detail.plan.id}-${detail.plan.status}`} planId={detail.plan.id} published={detail.plan.status === 'published'} canManage={can('supply.manage')} />
          {allocating && (
            <JobProgress job={allocating} title={o.allocating} testId="allocation-progress" onDone={(j) => allocationDone(detail.plan.id, j)} />
          )}
          {draft && (
            <Space>
              <Button type="primary" loading={busy || (allocating !== null && allocating.state !== 'failed')} onClick={() => run(async () => { await orderingApi.saveItems(detail.plan.id, items); return orderingApi.allocate(detail.plan.id); }, o.allocationQueued)} data-testid="rerun">
                {o.rerun}
              </Button>
              <Button loading={busy} disabled={!detail.plan.allocatedAt || (allocating !== null && allocating.state !== 'failed')} onClick={() => run(() => orderingApi.publish(detail.plan.id), o.published)}>
                {o.publish}
              </Button>
            </Space>
          )}
          {selected && quotas.length > 0 && (
            <Row gutter={16}>
              <Col xs={24} lg={16}>
                <Card size="small" title={`${selected.name} · ${o.quotaByTier}`}>
                  <EChart
                    testId="quota-chart"
                    option={{
                      tooltip: { trigger: 'axis' },
                      legend: { data: [labelOf('network', 'urban', lang), labelOf('network', 'rural', lang)] },
                      xAxis: { type: 'category', data: tiers.map(String), name: o.tier },
                      yAxis: { type: 'value', name: o.quota },
                      series: [
                        { name: labelOf('network', 'urban', lang), type: 'line', step: 'end', data: tiers.map((tt) => quotaOf(tt, 'urban')?.quota ?? 0) },
                        { name: labelOf('network', 'rural', lang), type: 'line', step: 'end', data: tiers.map((tt) => quotaOf(tt, 'rural')?.quota ?? 0) },
                      ],
                    }}
                  />
                </Card>
              </Col>
              <Col xs={24} lg={8}>
                <Card size="small" title={o.shareByMarket}>
                  <EChart
                    height={200}
                    option={{
                      tooltip: {},
                      // ECharts' default 60 px margins above and below left a 200 px chart an 80 px plot, its axis labels piled up.
                      grid: { top: 24, bottom: 28, left: 40, right: 12 },
                      xAxis: { type: 'category', data: [labelOf('network', 'urban', lang), labelOf('network', 'rural', lang)] },
                      yAxis: { type: 'value' },
                      series: [{ type: 'bar', barMaxWidth: 64, label: { show: true, position: 'top' }, data: [allocatedBy('urban'), allocatedBy('rural')] }],
                    }}
                  />
                  <Typography.Text type="secondary">
                    {o.supplyUsed}{t.punct.colon}{selected.allocatedQty ?? 0} / {selected.supplyQty}
                    {selected.priorityQty ? o.priorityQty(selected.priorityQty) : ''}
                  </Typography.Text>
                </Card>
              </Col>
              <Col span={24}>
                <Table
                  size="small"
                  rowKey="tier"
                  pagination={false}
                  dataSource={tiers.map((tt) => ({ tier: tt, u: quotaOf(tt, 'urban'), r: quotaOf(tt, 'rural') }))}
                  columns={[
                    { title: o.tier, dataIndex: 'tier' },
                    { title: `${labelOf('network', 'urban', lang)} ${o.quota}`, render: (_: unknown, x) => x.u?.quota ?? 0 },
                    { title: `${labelOf('network', 'urban', lang)} ${o.retailers}`, render: (_: unknown, x) => x.u?.retailers ?? 0 },
                    { title: `${labelOf('network', 'rural', lang)} ${o.quota}`, render: (_: unknown, x) => x.r?.quota ?? 0 },
                    { title: `${labelOf('network', 'rural', lang)} ${o.retailers}`, render: (_: unknown, x) => x.r?.retailers ?? 0 },
                    { title: o.allocated, render: (_: unknown, x) => (x.u?.allocated ?? 0) + (x.r?.allocated ?? 0) },
                  ]}
                />
              </Col>
            </Row>
          )}
        </>
      )}
    </Space>
  );
}
