// Marketing staff: the week's supply plan (entered here or imported from an
// Excel sheet), the allocation of scarce products
// (quota by tier and market as a table and a chart, supply used, share by
// market), adjust and re-run, then publish.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, InputNumber, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useT } from '../../i18n/i18n.js';
import { EChart } from '../../components/echart.js';
import { ApiError } from '../../api/client.js';
import type { PlanDetail, PlanItem, PlanSummary } from '../../../shared/ordering.js';
import type { JobView } from '../../../shared/jobs.js';
import { orderingApi } from './ordering-api.js';
import { PlanImportButton } from './plan-import-button.js';
import { JobProgress } from '../../components/job-progress.js';
import { labelOf } from '../../../shared/codes.js';

function nextMonday(): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7));
  return d.toISOString().slice(0, 10);
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
          options={plans.map((p) => ({ value: p.id, label: `${o.week} ${p.weekStart} · ${labelOf('planStatus', p.status, lang)}` }))}
          onChange={setPlanId}
          data-testid="plan-select"
        />
        <Button
          onClick={async () => {
            try {
              const d = await orderingApi.createPlan(nextMonday());
              setPlans((ps) => [{ id: d.plan.id, weekStart: d.plan.weekStart, status: d.plan.status, scarceItems: d.items.filter((i) => i.scarce).length, publishedAt: null }, ...ps]);
              setPlanId(d.plan.id);
            } catch (e) {
              fail(e);
            }
          }}
        >
          {o.newPlan}
        </Button>
        {detail && <Tag color={draft ? 'orange' : 'green'}>{labelOf('planStatus', detail.plan.status, lang)}</Tag>}
        {detail && draft && <PlanImportButton planId={detail.plan.id} onImported={() => orderingApi.plan(detail.plan.id).then(show, fail)} />}
      </Space>
      {!detail ? (
        <Alert type="info" message={o.noPlan} />
      ) : (
        <>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Statistic title={o.supply} value={supplyTotal} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={o.supplyUsed} value={supplyTotal ? (allocatedTotal / supplyTotal) * 100 : 0} precision={1} suffix="%" />
            </Col>
          </Row>
          <Table<PlanItem>
            size="small"
            rowKey="productId"
            pagination={false}
            dataSource={items}
            scroll={{ x: 900 }}
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
                title: o.urbanWeight,
                dataIndex: 'urbanWeight',
                render: (v: number, r) => (draft ? <InputNumber min={0} max={10} step={0.1} value={v} onChange={(x) => edit(r.productId, { urbanWeight: Number(x ?? 0) })} /> : v),
              },
              {
                title: o.ruralWeight,
                dataIndex: 'ruralWeight',
                render: (v: number, r) => (draft ? <InputNumber min={0} max={10} step={0.1} value={v} onChange={(x) => edit(r.productId, { ruralWeight: Number(x ?? 0) })} /> : v),
              },
              {
                title: o.minTier,
                dataIndex: 'minTier',
                render: (v: number, r) => (draft ? <InputNumber min={0} max={30} precision={0} value={v} onChange={(x) => edit(r.productId, { minTier: Number(x ?? 0) })} /> : v),
              },
              { title: o.allocated, render: (_: unknown, r) => detail.items.find((i) => i.productId === r.productId)?.allocatedQty ?? '—' },
              { title: o.gap, render: (_: unknown, r) => { const g = detail.items.find((i) => i.productId === r.productId)?.gapPct; return g == null ? '—' : `${g.toFixed(2)}%`; } },
              { title: o.ordered, render: (_: unknown, r) => detail.items.find((i) => i.productId === r.productId)?.orderedQty ?? 0 },
            ]}
          />
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
                      xAxis: { type: 'category', data: [labelOf('network', 'urban', lang), labelOf('network', 'rural', lang)] },
                      yAxis: { type: 'value' },
                      series: [{ type: 'bar', data: [allocatedBy('urban'), allocatedBy('rural')] }],
                    }}
                  />
                  <Typography.Text type="secondary">
                    {o.supplyUsed}: {selected.allocatedQty ?? 0} / {selected.supplyQty}
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
