// 概览: service stations with their grids and retailers.
import { useMemo } from 'react';
import { Card, Col, Grid, Row, Statistic, Typography } from 'antd';
import { ApartmentOutlined, ClusterOutlined, ShopOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { getStations } from '../../api/endpoints.js';
import { EChart, type ChartOption } from '../../components/echart.js';
import { ErrorResult } from '../../components/error-result.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { FailedDeductionsNotice } from '../settlement/failed-deductions-notice.js';

export function DashboardPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const stations = useLoad(getStations, []);
  const narrow = !Grid.useBreakpoint().md;
  const list = stations.data ?? [];
  const totals = list.reduce((a, s) => ({ grids: a.grids + s.grids, retailers: a.retailers + s.retailers }), { grids: 0, retailers: 0 });

  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 48, right: 48, top: 36, bottom: narrow ? 72 : 48 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t.dashboard.retailers, t.dashboard.grids] },
      xAxis: { type: 'category', data: list.map((s) => s.name), axisLabel: { interval: 0, rotate: list.length > (narrow ? 2 : 6) ? 35 : 0 } },
      yAxis: [
        { type: 'value', name: t.dashboard.retailers, minInterval: 1 },
        { type: 'value', name: t.dashboard.grids, minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        { type: 'bar', name: t.dashboard.retailers, data: list.map((s) => s.retailers), itemStyle: { color: '#3d85c6' }, barMaxWidth: 40 },
        { type: 'bar', name: t.dashboard.grids, yAxisIndex: 1, data: list.map((s) => s.grids), itemStyle: { color: '#95c4a1' }, barMaxWidth: 40 },
      ],
    }),
    [list, t, narrow],
  );

  if (stations.error && !stations.data) return <ErrorResult error={stations.error} onRetry={stations.reload} />;
  return (
    <div>
      <Typography.Title level={4} className="zy-page-title">
        {t.dashboard.title}
      </Typography.Title>
      <FailedDeductionsNotice />
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={8}>
          <Card size="small" loading={stations.loading && !stations.data}>
            <Statistic title={t.dashboard.stations} value={list.length} prefix={<ApartmentOutlined />} />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small" loading={stations.loading && !stations.data}>
            <Statistic title={t.dashboard.grids} value={totals.grids} prefix={<ClusterOutlined />} />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small" loading={stations.loading && !stations.data}>
            <Statistic title={t.dashboard.retailers} value={totals.retailers} prefix={<ShopOutlined />} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t.dashboard.perStation} style={{ marginBottom: 12 }}>
        <EChart option={option} height={300} testId="stations-chart" />
      </Card>
      <Row gutter={[12, 12]}>
        {list.map((s) => (
          <Col key={s.id} xs={24} sm={12} lg={8} xl={6}>
            <Card size="small" hoverable onClick={() => navigate(`/retailers?stationId=${s.id}`)} title={s.name} extra={<span className="zy-muted">{s.code}</span>}>
              <Row>
                <Col span={12}>
                  <Statistic title={t.dashboard.grids} value={s.grids} />
                </Col>
                <Col span={12}>
                  <Statistic title={t.dashboard.retailers} value={s.retailers} />
                </Col>
              </Row>
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
