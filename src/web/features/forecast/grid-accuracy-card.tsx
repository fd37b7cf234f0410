// Forecast accuracy by grid for a month, within the viewer's scope: each
// grid's shops, the forecast made before each week against what they asked.
import { useEffect, useState } from 'react';
import { App, Card, Select, Table, Tooltip } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/i18n.js';
import { ApiError } from '../../api/client.js';
import { forecastApi } from './forecast-api.js';
import type { GridAccuracy } from '../../../shared/forecast.js';
import { monthLabel } from '../../../shared/periods.js';

/** This month and the two before it (Beijing time), newest first. */
function recentMonths(now: Date): string[] {
  const bj = new Date(now.getTime() + 8 * 3_600_000);
  return [0, 1, 2].map((k) => new Date(Date.UTC(bj.getUTCFullYear(), bj.getUTCMonth() - k, 1)).toISOString().slice(0, 7));
}

export function GridAccuracyCard() {
  const { t, lang } = useT();
  const f = t.forecast;
  const { message } = App.useApp();
  const months = recentMonths(new Date());
  const [month, setMonth] = useState(months[0]);
  const [data, setData] = useState<GridAccuracy | null>(null);
  useEffect(() => {
    forecastApi
      .accuracy(month)
      .then(setData)
      .catch((e) => message.error(e instanceof ApiError ? e.text(lang) : String(e)));
  }, [month]); // eslint-disable-line react-hooks/exhaustive-deps
  const pct = (x: number | null) => (x == null ? '—' : `${x.toFixed(1)}%`);
  return (
    <Card
      size="small"
      data-testid="forecast-grid-accuracy"
      title={
        <Tooltip title={f.byGridHelp}>
          {f.byGrid} <QuestionCircleOutlined />
        </Tooltip>
      }
      extra={<Select size="small" value={month} onChange={setMonth} options={months.map((m) => ({ value: m, label: monthLabel(m, lang, true) }))} style={{ minWidth: 120 }} />}
    >
      <Table
        size="small"
        rowKey="gridId"
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        dataSource={data?.items ?? []}
        loading={!data}
        locale={{ emptyText: f.noAccuracy }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: f.grid, dataIndex: 'gridName' },
          { title: f.worker, dataIndex: 'workerName' },
          { title: f.shops, dataIndex: 'shops', align: 'right' },
          { title: f.wape, dataIndex: 'wapePct', align: 'right', render: pct },
          { title: f.bias, dataIndex: 'biasPct', align: 'right', render: pct },
        ]}
      />
    </Card>
  );
}
