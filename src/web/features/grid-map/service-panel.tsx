// Service modes and second-level delivery: fixed/mobile counts and the mobile
// groups (click one to see it on the map), and delivery points for remote
// retailers proposed, compared before/after, and recorded on confirmation.
import { useState } from 'react';
import { App, Button, Collapse, Empty, InputNumber, List, Select, Space, Table, Typography } from 'antd';
import type { SelectedRetailer } from '../../../shared/grids.js';
import type { DeliveryProposalDto } from '../../../shared/service-delivery.js';
import { classifyServiceModes, getServiceModes, proposeDeliveryPoints, recordDeliveryPoints, setServiceMode } from './grid-map-api.js';
import type { JobView } from '../../../shared/jobs.js';
import { JobProgress } from '../../components/job-progress.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { useReportError } from './use-report-error.js';

type Props = {
  canManage: boolean;
  onSelect: (members: SelectedRetailer[]) => void;
  delivery: DeliveryProposalDto | null;
  onDelivery: (d: DeliveryProposalDto | null) => void;
};

export function ServicePanel({ canManage, onSelect, delivery, onDelivery }: Props) {
  const { t } = useT();
  const ts = t.service;
  const { message, modal } = App.useApp();
  const report = useReportError();
  const [version, setVersion] = useState(0);
  const modes = useLoad(getServiceModes, [version]);
  const [p, setP] = useState(8);
  const [maxKm, setMaxKm] = useState(5);
  const [remoteKm, setRemoteKm] = useState(5.5);
  const [kinds, setKinds] = useState<Record<number, 'entrusted' | 'pickup'>>({});
  const [busy, setBusy] = useState(false);

  const call = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };
  const classify = () => call(async () => {
    const r = await classifyServiceModes();
    message.success(ts.classified(r.fixed, r.mobile, r.groups));
    setVersion((v) => v + 1);
  });
  const setFixed = (id: number) => call(async () => {
    await setServiceMode(id, 'fixed');
    setVersion((v) => v + 1);
  });
  // The search runs as a job (decision 0801); its result is the proposal.
  const [job, setJob] = useState<JobView | null>(null);
  const [searching, setSearching] = useState(false);
  const propose = () =>
    call(async () => {
      setJob((await proposeDeliveryPoints({ p, maxKm, remoteKm })).job);
      setSearching(true);
    });
  const jobDone = (j: JobView) => {
    setSearching(false);
    if (j.state !== 'completed') return;
    setJob(null);
    onDelivery(j.result as DeliveryProposalDto);
  };
  const record = () =>
    delivery &&
    modal.confirm({
      title: ts.record,
      content: ts.recordConfirm(delivery.points.length),
      onOk: () =>
        call(async () => {
          const points = delivery.points.map((x) => ({ retailerId: x.retailerId, kind: kinds[x.retailerId] ?? 'entrusted', serves: x.serves.map((s) => s.id) }));
          const r = await recordDeliveryPoints({ points });
          message.success(ts.recorded(r.points, r.served));
        }),
    });

  const m = modes.data;
  const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
  return (
    <div data-testid="service-panel">
      <Typography.Text strong>{ts.modesTitle}</Typography.Text>
      <Space style={{ float: 'right' }}>
        {canManage && (
          <Button size="small" loading={busy} onClick={classify} data-testid="classify">
            {ts.classify}
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: '6px 0' }}>
        {m ? ts.counts(m.fixed, m.mobile, m.groups.length) : t.common.loading}
      </Typography.Paragraph>
      {m && m.fixed + m.mobile === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={ts.notClassified} />}
      <Collapse
        size="small"
        style={{ maxHeight: 240, overflow: 'auto', marginBottom: 12 }}
        items={(m?.groups ?? []).map((g) => ({
          key: g.groupNo,
          label: (
            <span onClick={() => onSelect(g.members.map((x) => ({ id: x.id, shopName: x.shopName, gridId: x.gridId, gridName: x.gridName, star: x.star })))}>
              {ts.group(g.groupNo, g.members.length)}
            </span>
          ),
          children: (
            <List
              size="small"
              dataSource={g.members}
              renderItem={(x) => (
                <List.Item key={x.id} actions={canManage ? [<a key="fix" onClick={() => setFixed(x.id)}>{ts.makeFixed}</a>] : []}>
                  {x.shopName} <span className="zy-muted">{x.gridName}{x.manual ? ` · ${ts.manual}` : ''}</span>
                </List.Item>
              )}
            />
          ),
        }))}
      />
      {canManage && (
        <>
          <Typography.Text strong>{ts.deliveryTitle}</Typography.Text>
          <Space wrap size={[8, 4]} style={{ margin: '6px 0' }}>
            <span>{ts.remoteKm}</span>
            <InputNumber size="small" min={0.5} max={100} step={0.5} value={remoteKm} onChange={(v) => setRemoteKm(v ?? 5.5)} data-testid="remote-km" />
            <span>{ts.points}</span>
            <InputNumber size="small" min={1} max={100} value={p} onChange={(v) => setP(v ?? 8)} />
            <span>{ts.maxKm}</span>
            <InputNumber size="small" min={0.5} max={50} step={0.5} value={maxKm} onChange={(v) => setMaxKm(v ?? 5)} />
            <Button size="small" type="primary" loading={busy || searching} onClick={propose} data-testid="delivery-propose">
              {ts.propose}
            </Button>
          </Space>
          {job && <JobProgress job={job} title={ts.searching} onDone={jobDone} testId="delivery-job" />}
          {delivery && (
            <>
              {delivery.stoppedEarly && <Typography.Text type="warning">{ts.stoppedEarly}</Typography.Text>}
              <Table
                className="zy-fig-table"
                size="small"
                pagination={false}
                rowKey="label"
                dataSource={[
                  { label: ts.meanKm, before: delivery.before.meanKm.toFixed(2), after: delivery.after.meanKm.toFixed(2) },
                  { label: ts.farthestKm, before: delivery.before.maxKm.toFixed(2), after: delivery.after.maxKm.toFixed(2) },
                  { label: ts.coverage(maxKm), before: pct(delivery.before.coverage), after: pct(delivery.after.coverage) },
                ]}
                columns={[
                  { title: ts.remote(delivery.remote), dataIndex: 'label' },
                  { title: ts.before, dataIndex: 'before', align: 'right' },
                  { title: ts.after, dataIndex: 'after', align: 'right' },
                ]}
              />
              <List
                size="small"
                dataSource={delivery.points}
                renderItem={(x) => (
                  <List.Item key={x.retailerId} data-testid="delivery-point">
                    <span>
                      {x.shopName} <span className="zy-muted">{ts.serves(x.serves.length)}</span>
                    </span>
                    <Select
                      size="small"
                      value={kinds[x.retailerId] ?? 'entrusted'}
                      onChange={(v) => setKinds({ ...kinds, [x.retailerId]: v })}
                      options={[
                        { value: 'entrusted', label: ts.entrusted },
                        { value: 'pickup', label: ts.pickup },
                      ]}
                    />
                  </List.Item>
                )}
              />
              <Button size="small" danger onClick={record} disabled={!delivery.points.length}>
                {ts.record}
              </Button>
            </>
          )}
        </>
      )}
    </div>
  );
}
