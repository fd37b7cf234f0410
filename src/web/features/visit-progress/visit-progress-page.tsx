// The station head's view of visits: done against planned per day (chart)
// and per worker (table), one worker's day as walked against the plan (map),
// and the follow-ups waiting, overdue first.
import { useMemo, useState, useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Card, Col, Input, List, Row, Select, Space, Table, Tag, Typography, message, Alert } from 'antd';
import type { Progress } from '../../../shared/visits.js';
import { findOpenFollowUps, getDayRoute, getVisitProgress, planVisitCalendars } from './visits-api.js';
import type { JobView } from '../../../shared/jobs.js';
import { JobProgress } from '../../components/job-progress.js';
import { getOrg } from '../../api/endpoints.js';
import { useLoad } from '../../components/use-load.js';
import { EChart, type ChartOption } from '../../components/echart.js';
import { ErrorResult } from '../../components/error-result.js';
import { useT } from '../../i18n/i18n.js';
import { RouteMap } from '../field/route-map.js';
import { FollowUpItem } from '../field/follow-up-list.js';
import { useSession } from '../../shell/session.js';
import { FrequencyRulesCard } from './frequency-rules-card.js';

/** HH:mm (or MM-DD HH:mm) in the browser's time zone. */
function localTime(iso: string, withDate = false): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(d.getHours())}:${two(d.getMinutes())}`;
  return withDate ? `${two(d.getMonth() + 1)}-${two(d.getDate())} ${time}` : time;
}

export function VisitProgressPage() {
  const { t } = useT();
  const v = t.visits;
  const { me } = useSession();
  const progress = useLoad(getVisitProgress, []);
  const org = useLoad(getOrg, []);
  const followUps = useLoad(findOpenFollowUps, []);
  // A deep link (the home): ?workerId=<id> shows that worker's day first.
  const [params] = useSearchParams();
  const [workerId, setWorkerId] = useState<number | undefined>(() => (Number(params.get('workerId')) > 0 ? Number(params.get('workerId')) : undefined));
  const [date, setDate] = useState<string | undefined>();
  const worker = workerId ?? progress.data?.workers[0]?.workerId;
  const day = date ?? progress.data?.today;
  const route = useLoad(
    () => (worker && day ? getDayRoute({ workerId: worker, date: day }) : Promise.resolve(undefined)),
    [worker, day],
  );

  const chart = useMemo<ChartOption | null>(() => {
    const p = progress.data;
    if (!p) return null;
    const x = p.days.map((d) => d.date.slice(5));
    const bar = (name: string, key: 'done' | 'late' | 'missed' | 'pending', color: string) => ({
      name,
      type: 'bar' as const,
      stack: 'v',
      itemStyle: { color },
      data: p.days.map((d) => d[key]),
    });
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 36, right: 8, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: x },
      yAxis: { type: 'value' },
      series: [bar(v.done, 'done', '#389e0d'), bar(v.late, 'late', '#d48806'), bar(v.missed, 'missed', '#cf1322'), bar(v.pendingCol, 'pending', '#bfbfbf')],
    };
  }, [progress.data, v]);

  // Calendars still being made: read the counts again shortly.
  const coming = progress.data?.planning ?? false;
  useEffect(() => {
    if (!coming) return;
    const timer = setTimeout(() => progress.reload(), 3000);
    return () => clearTimeout(timer);
  }, [coming, progress.data]); // eslint-disable-line react-hooks/exhaustive-deps

  if (progress.error) return <ErrorResult error={progress.error} onRetry={progress.reload} />;
  const p = progress.data;

  const [replanJob, setReplanJob] = useState<JobView | null>(null);
  const replan = async () => {
    const res = await planVisitCalendars();
    message.info(v.replanQueued);
    setReplanJob(res.job);
  };
  const replanDone = (job: JobView) => {
    const workers = (job.result as { workers?: unknown[] } | null)?.workers;
    if (job.state === 'completed') message.success(v.replanned(workers?.length ?? 0));
    setReplanJob(job.state === 'completed' ? null : job);
    progress.reload();
    route.reload();
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="visit-progress">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {v.progressTitle}
        </Typography.Title>
        {p && (
          <Typography.Text type="secondary">
            {v.period}: {p.from} – {p.to}
          </Typography.Text>
        )}
        <Button onClick={replan} loading={replanJob !== null && replanJob.state !== 'failed'}>
          {v.replan}
        </Button>
      </Space>
      {replanJob && <JobProgress job={replanJob} title={v.replanning} onDone={replanDone} testId="replan-progress" />}
      {p?.planning && !replanJob && <Alert type="info" showIcon title={v.calendarsComing} data-testid="calendars-coming" />}
      <Card size="small" title={v.byDay}>
        {chart && <EChart option={chart} height={240} testId="progress-chart" />}
      </Card>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table
          size="small"
          rowKey="workerId"
          loading={progress.loading}
          dataSource={p?.workers ?? []}
          pagination={false}
          scroll={{ x: 640 }}
          data-testid="progress-table"
          onRow={(w) => ({ onClick: () => setWorkerId(w.workerId) })}
          columns={[
            { title: v.worker, dataIndex: 'name', fixed: 'left', width: 84 },
            { title: v.planned, dataIndex: 'planned', align: 'right' },
            { title: v.done, dataIndex: 'done', align: 'right' },
            { title: v.late, dataIndex: 'late', align: 'right' },
            { title: v.missed, dataIndex: 'missed', align: 'right', render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0) },
            { title: v.pendingCol, dataIndex: 'pending', align: 'right' },
            { title: v.extra, dataIndex: 'extra', align: 'right' },
            { title: v.overdue, dataIndex: 'overdueFollowUps', align: 'right', render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0) },
            {
              title: v.rate,
              align: 'right',
              render: (_: unknown, w: Progress['workers'][number]) => {
                const due = w.planned - w.pending;
                return due > 0 ? `${Math.round(((w.done + w.late) / due) * 100)}%` : t.common.dash;
              },
            },
          ]}
        />
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={v.walkedVsPlanned}>
            <Space wrap style={{ marginBottom: 8 }}>
              <Select
                style={{ minWidth: 120 }}
                aria-label={v.pickWorker}
                value={worker}
                onChange={setWorkerId}
                options={(p?.workers ?? []).map((w) => ({ value: w.workerId, label: w.name }))}
                data-testid="progress-worker"
              />
              <Input type="date" aria-label={v.date} value={day} onChange={(e) => e.target.value && setDate(e.target.value)} style={{ width: 150 }} />
            </Space>
            {org.data && route.data && (
              <>
                <RouteMap org={org.data} route={route.data} height={320} depotBadge={v.stationBadge} />
                <Space wrap style={{ marginTop: 8 }} data-testid="walked-summary">
                  <Tag color="blue">{v.legendPlanned}</Tag>
                  <Tag color="green">{v.legendWalked}</Tag>
                  <span>{v.summary(route.data.summary.done, route.data.summary.planned, route.data.summary.km)}</span>
                </Space>
                <List
                  size="small"
                  dataSource={route.data.stops}
                  renderItem={(s) => (
                    <List.Item data-testid={`progress-stop-${s.retailer.id}`}>
                      {s.seq}. {s.retailer.shopName}{' '}
                      {s.visit?.status === 'done' ? (
                        <Tag color="green">
                          {v.statusDone} {localTime(s.visit.checkedInAt)} · {s.visit.distanceM} m
                        </Tag>
                      ) : s.visit ? (
                        <Tag color="gold">{v.statusCheckedIn}</Tag>
                      ) : (
                        <Tag>{v.statusTodo}</Tag>
                      )}
                    </List.Item>
                  )}
                />
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={v.followUps}>
            <List
              size="small"
              locale={{ emptyText: v.noFollowUps }}
              dataSource={followUps.data ?? []}
              data-testid="follow-ups"
              renderItem={(f) => (
                <FollowUpItem f={f} detail={`${f.workerName} · ${v.followUpDue(localTime(f.dueAt, true))}`} onDone={followUps.reload} />
              )}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <FrequencyRulesCard editable={!!me?.permissions.includes('visit.config')} />
        </Col>
      </Row>
    </Space>
  );
}
