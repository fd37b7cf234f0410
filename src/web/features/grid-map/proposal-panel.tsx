// Automatic partition: ask for a number of grids (or a target workload), see
// the proposal beside today's figures and on the map, apply on confirmation.
import { useState } from 'react';
import { App, Button, Form, InputNumber, Select, Space, Table, Typography } from 'antd';
import type { PartitionFiguresDto, Proposal } from '../../../shared/grids.js';
import type { Station } from '../../../shared/org.js';
import type { JobView } from '../../../shared/jobs.js';
import { JobProgress } from '../../components/job-progress.js';
import { useT } from '../../i18n/i18n.js';
import { applyProposal, proposePartition } from './grid-map-api.js';
import { useReportError } from './use-report-error.js';

type Props = {
  stations: Station[];
  /** A station head works on their station only. */
  fixedStation: number | null;
  gridCount: (stationId?: number) => number;
  proposal: Proposal | null;
  onProposal: (p: Proposal | null) => void;
  onApplied: () => void;
};

export function ProposalPanel({ stations, fixedStation, gridCount, proposal, onProposal, onApplied }: Props) {
  const { t } = useT();
  const tm = t.gridMap;
  const { message, modal } = App.useApp();
  const report = useReportError();
  const [stationId, setStationId] = useState<number | undefined>(fixedStation ?? undefined);
  const [grids, setGrids] = useState<number | null>(null);
  const [target, setTarget] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useState<JobView | null>(null);
  const defaultGrids = gridCount(stationId);

  const generate = async () => {
    setBusy(true);
    try {
      setJob((await proposePartition({ stationId, ...(target ? { targetWorkload: target } : { grids: grids ?? defaultGrids }) })).job);
    } catch (e) {
      report(e);
      setBusy(false);
    }
  };
  // The partition runs as a job (decision 0801); its result is the proposal.
  const jobDone = (j: JobView) => {
    setBusy(false);
    if (j.state !== 'completed') return;
    setJob(null);
    onProposal(j.result as Proposal);
  };
  const apply = () =>
    proposal &&
    modal.confirm({
      title: tm.apply,
      content: tm.applyConfirm(proposal.moves),
      onOk: async () => {
        try {
          const res = await applyProposal(proposal.id);
          message.success(tm.applied(res.moved, res.created));
          onProposal(null);
          onApplied();
        } catch (e) {
          report(e);
        }
      },
    });

  const row = (label: string, f: (x: PartitionFiguresDto) => string) => ({ key: label, label, current: proposal ? f(proposal.current) : '', proposed: proposal ? f(proposal.proposed) : '' });
  const rows = [
    row(tm.gridsCount, (x) => String(x.grids)),
    row(tm.maxMin, (x) => x.maxMinRatio.toFixed(2)),
    row(tm.cv, (x) => x.cv.toFixed(3)),
    row(tm.meanWorkload, (x) => x.mean.toFixed(0)),
    row(tm.radius, (x) => x.meanRadiusKm.toFixed(2)),
  ];

  return (
    <div data-testid="proposal-panel">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {tm.proposalHint}
      </Typography.Paragraph>
      <Form layout="vertical" size="small">
        {fixedStation === null && (
          <Form.Item label={tm.station}>
            <Select allowClear value={stationId} onChange={setStationId} options={stations.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        )}
        <Space>
          <Form.Item label={tm.gridsCount}>
            <InputNumber min={1} max={5000} value={grids ?? defaultGrids} onChange={(v) => setGrids(v)} disabled={!!target} />
          </Form.Item>
          <Form.Item label={tm.targetWorkload}>
            <InputNumber min={30} max={100000} value={target} onChange={(v) => setTarget(v)} />
          </Form.Item>
        </Space>
        <Space>
          <Button type="primary" loading={busy} onClick={generate} data-testid="proposal-generate">
            {tm.generate}
          </Button>
          {proposal && (
            <Button danger onClick={apply} data-testid="proposal-apply">
              {tm.apply}
            </Button>
          )}
        </Space>
      </Form>
      {job && <JobProgress job={job} title={tm.generating} onDone={jobDone} testId="proposal-job" />}
      {proposal && (
        <>
          <Table
            className="zy-fig-table"
            style={{ marginTop: 12 }}
            size="small"
            pagination={false}
            dataSource={rows}
            columns={[
              { title: '', dataIndex: 'label' },
              { title: tm.current, dataIndex: 'current', align: 'right' },
              { title: tm.proposed, dataIndex: 'proposed', align: 'right' },
            ]}
          />
          <Typography.Paragraph style={{ marginTop: 8 }}>
            {tm.movesNeeded}{t.punct.colon}<b data-testid="proposal-moves">{proposal.moves}</b>
          </Typography.Paragraph>
        </>
      )}
    </div>
  );
}
