// 新办户跟踪: open onboardings with each step's owner, state and deadline (on
// working days), completing one's own step, recording a new licence, and the
// timeliness dashboard (median and 90th percentile per step).
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Empty, Form, Input, InputNumber, Modal, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { CompleteStepInput, OnboardingItem, OnboardingStats, OnboardingStep, StepState } from '../../../shared/onboarding.js';
import { findRetailers, getGrids } from '../../api/endpoints.js';
import { labelOf } from '../../../shared/codes.js';
import { EChart, type ChartOption } from '../../components/echart.js';
import { ErrorResult, errorText } from '../../components/error-result.js';
import { useLoad } from '../../components/use-load.js';
import { usePhone } from '../../components/phone-layout.js';
import { useSession } from '../../shell/session.js';
import { useT } from '../../i18n/i18n.js';
import { onboardingApi } from './onboarding-api.js';

const stateColour: Record<StepState, string> = { waiting: 'default', open: 'processing', warning: 'warning', breached: 'error', done: 'success', done_late: 'orange' };

/** Shanghai wall-clock 'MM-DD HH:mm'. */
const local = (iso: string | Date | null) => (iso ? new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(5, 16).replace('T', ' ') : '—');

type StepRow = OnboardingItem['steps'][number];
type Account = { username: string; initialPassword: string | null };

/** The retailer files carrying the onboarding's licence number (the one the import created), for marketing to link. */
function useLicenceFiles(licenceNo: string, active: boolean) {
  return useLoad(
    () => (active ? findRetailers(`?q=${encodeURIComponent(licenceNo)}&pageSize=20`).then((r) => r.items.filter((i) => i.licenceNo === licenceNo)) : Promise.resolve([])),
    [licenceNo, active],
  );
}

/** Shown once after marketing opened the shop's ordering login: the password is not kept in clear anywhere. */
function AccountOpened({ account, onClose }: { account: Account; onClose: () => void }) {
  const { t } = useT();
  const s = t.onboarding;
  return (
    <Modal open title={s.accountTitle} onOk={onClose} onCancel={onClose} okText={s.gotIt} cancelButtonProps={{ style: { display: 'none' } }} data-testid="account-opened">
      {account.initialPassword === null ? (
        <Typography.Paragraph>{s.accountExists(account.username)}</Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{s.accountIntro}</Typography.Paragraph>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={s.username}>
              <span data-testid="account-username">
                <Typography.Text copyable>{account.username}</Typography.Text>
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={s.initialPassword}>
              <span data-testid="account-password">
                <Typography.Text copyable code>
                  {account.initialPassword}
                </Typography.Text>
              </span>
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
    </Modal>
  );
}

function StepForm({ step, onDone, onCancel, ob }: { step: OnboardingStep; ob: OnboardingItem; onDone: (account: Account | null) => void; onCancel: () => void }) {
  const { t, lang } = useT();
  const s = t.onboarding;
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const files = useLicenceFiles(ob.licenceNo, step === 'customer_entered');
  const found = files.data ?? [];
  // One file with the licence number: it is the one.
  useEffect(() => {
    if (files.data?.length === 1 && !form.getFieldValue('retailerId')) form.setFieldValue('retailerId', files.data[0].id);
  }, [files.data, form]);
  const submit = async (v: Record<string, unknown>) => {
    setSaving(true);
    try {
      const done = await onboardingApi.complete(ob.id, { ...v, step } as CompleteStepInput);
      message.success(s.completed);
      onDone(done.account ?? null);
    } catch (e) {
      message.error(errorText(e, lang, t.common.unknownError));
    } finally {
      setSaving(false);
    }
  };
  const must = [{ required: true, message: s.required }];
  const ticked = (label: string) => [{ validator: (_: unknown, v: boolean) => (v ? Promise.resolve() : Promise.reject(new Error(label))) }];
  return (
    <Modal open title={s.steps[step]} onCancel={onCancel} onOk={() => form.submit()} confirmLoading={saving} okText={s.complete} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="step-form">
        {step === 'client_manager_setup' && (
          <>
            {(['eSettlementOpened', 'fileCollected', 'shopPhotographed'] as const).map((k) => (
              <Form.Item key={k} name={k} valuePropName="checked" rules={ticked(s[k])} style={{ marginBottom: 4 }}>
                <Checkbox>{s[k]}</Checkbox>
              </Form.Item>
            ))}
            <Space wrap>
              <Form.Item name="proposedClass" label={s.proposedClass} rules={must}>
                <Input placeholder="CZ1" style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name="proposedTier" label={s.proposedTier} rules={must}>
                <InputNumber min={1} max={30} />
              </Form.Item>
            </Space>
            <Form.Item name="reason" label={s.reason} rules={must}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        )}
        {step === 'customer_entered' && (
          <>
            {files.data && !found.length && (
              <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={s.noFile(ob.licenceNo)} action={<Link to="/import">{s.goImport}</Link>} data-testid="no-retailer-file" />
            )}
            <Form.Item name="retailerId" label={s.retailerId} rules={must} extra={s.retailerPick(ob.licenceNo)}>
              <Select
                loading={files.loading}
                data-testid="retailer-file"
                options={found.map((r) => ({ value: r.id, label: `${r.shopName} · ${r.customerCode}` }))}
              />
            </Form.Item>
            <Form.Item name="orderWeekday" label={s.orderWeekday} rules={must}>
              <Select data-testid="order-weekday" options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: labelOf('weekday', d, lang) }))} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="openAccount" valuePropName="checked" initialValue={true}>
              <Checkbox data-testid="open-account">{s.openAccount}</Checkbox>
            </Form.Item>
          </>
        )}
        {step === 'delivery_ready' && (
          <>
            <Form.Item name="deliveryRoute" label={s.deliveryRoute} rules={must}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="confirmationCardNo" label={s.confirmationCardNo} rules={must}>
              <Input maxLength={40} />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={s.note}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function OnboardingCard({ ob, onComplete }: { ob: OnboardingItem; onComplete: (step: OnboardingStep) => void }) {
  const { t } = useT();
  const phone = usePhone();
  const s = t.onboarding;
  return (
    <Card
      size="small"
      data-testid="onboarding-card"
      title={
        <Space wrap size={4}>
          <Typography.Text strong>{ob.shopName}</Typography.Text>
          <Typography.Text type="secondary">{ob.licenceNo}</Typography.Text>
        </Space>
      }
      extra={<Typography.Text type="secondary">{ob.gridName}</Typography.Text>}
    >
      <Space wrap size={4} style={{ marginBottom: 8 }}>
        <Tag>
          {s.licensedAt} {local(ob.licensedAt)}
        </Tag>
        <Tag color={ob.firstOrderOn ? 'green' : undefined}>
          {s.firstOrder} {ob.firstOrderOn ?? '—'}
        </Tag>
        <Tag color={ob.firstDeliveryOn ? 'green' : undefined}>
          {s.firstDelivery} {ob.firstDeliveryOn ?? '—'}
        </Tag>
      </Space>
      {phone ? (
        <Space orientation="vertical" size={6} style={{ width: '100%' }}>
          {ob.steps.map((r) => (
            <div key={r.step} style={{ borderTop: '1px solid #f0f0f0', paddingTop: 6 }} data-testid="onboarding-step">
              <Space wrap size={6} style={{ justifyContent: 'space-between', width: '100%' }}>
                <Typography.Text strong>{s.stepsShort[r.step]}</Typography.Text>
                <Tag color={stateColour[r.state]}>{s.states[r.state]}</Tag>
              </Space>
              <div style={{ fontSize: 12, color: '#595959' }}>
                {[s.owners[r.owner], r.ownerName].filter(Boolean).join(' · ')} · {s.due} {local(r.dueAt)}
                {r.daysTaken != null && ` · ${s.taken} ${r.daysTaken.toFixed(1)}`}
              </div>
              {r.canComplete && (
                <Button block size="small" type="primary" style={{ marginTop: 4 }} onClick={() => onComplete(r.step)} data-testid={`complete-${r.step}`}>
                  {s.complete}
                </Button>
              )}
            </div>
          ))}
        </Space>
      ) : (
      <Table<StepRow>
        size="small"
        rowKey="step"
        pagination={false}
        scroll={{ x: 560 }}
        dataSource={ob.steps}
        columns={[
          { title: s.step, dataIndex: 'step', render: (v: OnboardingStep) => s.stepsShort[v] },
          { title: s.owner, key: 'owner', render: (_, r) => [s.owners[r.owner], r.ownerName].filter(Boolean).join(' · ') },
          { title: s.state, dataIndex: 'state', render: (v: StepState) => <Tag color={stateColour[v]}>{s.states[v]}</Tag> },
          { title: s.due, dataIndex: 'dueAt', render: (v: string | null) => local(v) },
          { title: s.taken, dataIndex: 'daysTaken', render: (v: number | null) => (v == null ? '—' : v.toFixed(1)) },
          {
            title: '',
            key: 'act',
            render: (_, r) =>
              r.canComplete ? (
                <Button size="small" type="primary" onClick={() => onComplete(r.step)} data-testid={`complete-${r.step}`}>
                  {s.complete}
                </Button>
              ) : null,
          },
        ]}
      />
      )}
    </Card>
  );
}

function StatsPanel({ stats }: { stats: OnboardingStats }) {
  const { t } = useT();
  const s = t.onboarding;
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: stats.steps.map((x) => s.stepsShort[x.step]), axisLabel: { interval: 0, width: 80, overflow: 'break' } },
      yAxis: { type: 'value', name: s.target },
      series: [
        { name: s.medianDays, type: 'bar', barMaxWidth: 28, itemStyle: { color: '#1677ff' }, data: stats.steps.map((x) => x.medianDays) },
        { name: s.p90Days, type: 'bar', barMaxWidth: 28, itemStyle: { color: '#fa8c16' }, data: stats.steps.map((x) => x.p90Days) },
        { name: s.target, type: 'line', itemStyle: { color: '#cf1322' }, lineStyle: { type: 'dashed' }, data: stats.steps.map((x) => x.workingDays) },
      ],
    }),
    [stats, s],
  );
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap size={24}>
        <Statistic title={s.open} value={stats.open} />
        <Statistic title={s.finished} value={stats.finished} />
      </Space>
      <Card size="small">
        <EChart option={option} height={280} testId="onboarding-chart" />
      </Card>
      <Table
        size="small"
        rowKey="step"
        pagination={false}
        scroll={{ x: 480 }}
        dataSource={stats.steps}
        columns={[
          { title: s.step, dataIndex: 'step', render: (v: OnboardingStep) => s.stepsShort[v] },
          { title: s.target, dataIndex: 'workingDays' },
          { title: s.doneCount, dataIndex: 'done' },
          { title: s.lateCount, dataIndex: 'late' },
          { title: s.medianDays, dataIndex: 'medianDays', render: (v: number | null) => v ?? '—' },
          { title: s.p90Days, dataIndex: 'p90Days', render: (v: number | null) => v ?? '—' },
        ]}
      />
    </Space>
  );
}

function RecordLicence({ onDone }: { onDone: () => void }) {
  const { t, lang } = useT();
  const s = t.onboarding;
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const grids = useLoad(() => (open ? getGrids() : Promise.resolve([])), [open]);
  const submit = async (v: { licenceNo: string; shopName: string; address?: string; gridId: number }) => {
    try {
      await onboardingApi.record(v);
      setOpen(false);
      form.resetFields();
      onDone();
    } catch (e) {
      message.error(errorText(e, lang, t.common.unknownError));
    }
  };
  const must = [{ required: true, message: s.required }];
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="record-licence">
        {s.record}
      </Button>
      <Modal open={open} title={s.record} onCancel={() => setOpen(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="licenceNo" label={s.licenceNo} rules={must}>
            <Input maxLength={12} />
          </Form.Item>
          <Form.Item name="shopName" label={s.shopName} rules={must}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="address" label={s.address}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="gridId" label={s.grid} rules={must}>
            <Select showSearch optionFilterProp="label" options={(grids.data ?? []).map((g) => ({ value: g.id, label: g.name }))} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function OnboardingPage() {
  const { t } = useT();
  const s = t.onboarding;
  const { me } = useSession();
  const [tab, setTab] = useState<'open' | 'finished' | 'dashboard'>('open');
  const list = useLoad(() => (tab === 'dashboard' ? Promise.resolve({ items: [] }) : onboardingApi.list(tab)), [tab]);
  const stats = useLoad(() => onboardingApi.stats(), [tab]);
  const [completing, setCompleting] = useState<{ ob: OnboardingItem; step: OnboardingStep } | null>(null);
  const [account, setAccount] = useState<Account | null>(null);
  const canRecord = me?.permissions?.includes('onboarding.manage') ?? false;

  const error = list.error ?? stats.error;
  if (error) return <ErrorResult error={error} onRetry={() => (list.reload(), stats.reload())} />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="onboarding">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {s.title}
        </Typography.Title>
        {canRecord && <RecordLicence onDone={list.reload} />}
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as typeof tab)}
        items={[
          { key: 'open', label: `${s.open}${stats.data ? ` (${stats.data.open})` : ''}` },
          { key: 'finished', label: s.finished },
          { key: 'dashboard', label: s.dashboard },
        ]}
      />
      {tab === 'dashboard' ? (
        stats.data && <StatsPanel stats={stats.data} />
      ) : list.data && list.data.items.length === 0 ? (
        <Empty description={s.none} />
      ) : (
        (list.data?.items ?? []).map((ob) => <OnboardingCard key={ob.id} ob={ob} onComplete={(step) => setCompleting({ ob, step })} />)
      )}
      {completing && (
        <StepForm
          ob={completing.ob}
          step={completing.step}
          onCancel={() => setCompleting(null)}
          onDone={(opened) => {
            setCompleting(null);
            setAccount(opened);
            list.reload();
            stats.reload();
          }}
        />
      )}
      {account && <AccountOpened account={account} onClose={() => setAccount(null)} />}
    </Space>
  );
}
