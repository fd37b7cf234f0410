// 可能断货: shops of the viewer's scope whose forecast of a scarce product in
// one of the next eight weeks is above the last limit they were given — the
// list for emergency-supply planning before a festival (decision 1815).
import { useEffect, useState } from 'react';
import { Card, Table, Tag, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/i18n.js';
import { forecastApi } from './forecast-api.js';
import type { StockoutRisks } from '../../../shared/forecast.js';

type Risk = StockoutRisks['items'][number];

export function StockoutRisksCard({ runId }: { runId: number }) {
  const { t, lang } = useT();
  const f = t.forecast;
  const [data, setData] = useState<StockoutRisks | null>(null);
  useEffect(() => {
    forecastApi
      .stockoutRisks()
      .then(setData)
      .catch(() => setData({ more: false, items: [] }));
  }, [runId]);
  return (
    <Card
      size="small"
      title={
        <Tooltip title={f.riskHelp}>
          {f.riskTitle} <QuestionCircleOutlined />
        </Tooltip>
      }
      data-testid="stockout-risks"
    >
      <Table<Risk>
        size="small"
        loading={!data}
        rowKey={(r) => `${r.retailerId}-${r.productId}-${r.weekStart}`}
        dataSource={data?.items ?? []}
        locale={{ emptyText: f.riskNone }}
        pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: f.shop, dataIndex: 'shopName' },
          { title: f.grid, dataIndex: 'gridName' },
          { title: f.product, dataIndex: 'productName' },
          {
            title: f.week,
            render: (_: unknown, r) => (
              <span>
                {r.weekStart}
                {r.event && (
                  <Tag color="red" style={{ marginInlineStart: 6 }}>
                    {lang === 'zh' ? r.event.zh : r.event.en} {f.eventOffset(r.event.offset)}
                  </Tag>
                )}
              </span>
            ),
          },
          { title: f.model, dataIndex: 'forecast', align: 'right' },
          { title: f.lastLimit, dataIndex: 'lastLimit', align: 'right' },
          { title: f.shortfall, dataIndex: 'shortfall', align: 'right', render: (v: number) => <Typography.Text type="danger">+{v}</Typography.Text> },
        ]}
      />
      {data?.more && <Typography.Text type="secondary">{f.riskMore}</Typography.Text>}
    </Card>
  );
}
