// 变更历史: who changed what, when, from which source: field old → new.
import { formatDateTime } from '../../../../shared/format.js';
import { useMemo } from 'react';
import { Empty, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import type { Grid } from '../../../../shared/org.js';
import type { RetailerChange } from '../../../../shared/retailer.js';
import { getRetailerHistory } from '../../../api/endpoints.js';
import { ErrorResult } from '../../../components/error-result.js';
import { useLoad } from '../../../components/use-load.js';
import { textOf, useT } from '../../../i18n/i18n.js';
import { fieldLabel, historyValue } from './history-values.js';

/** The one date-time form (src/shared/format.ts): the same in both languages and any browser locale. */
export function formatTime(iso: string, _lang: 'zh' | 'en'): string {
  return formatDateTime(iso);
}

export function HistoryTab({ retailerId, version, grids }: { retailerId: number; version: number; grids: Grid[] }) {
  const { t, lang } = useT();
  // Reloads whenever the card's version moves on (after an edit).
  const history = useLoad(() => getRetailerHistory(retailerId), [retailerId, version]);
  const gridNames = useMemo(() => new Map(grids.map((g) => [g.id, g.name])), [grids]);

  if (history.error && !history.data) return <ErrorResult error={history.error} onRetry={history.reload} />;
  const entries = history.data ?? [];
  if (!history.data) return <Spin style={{ display: 'block', margin: '32px auto' }} />;
  if (!entries.length) return <Empty description={t.history.empty} />;

  const value = (field: string, v: unknown) => historyValue(field, v, t, lang, gridNames);
  return (
    <div data-testid="history">
    <Timeline
      items={entries.map((h: RetailerChange) => ({
        key: h.id,
        content: (
          <div data-testid="history-entry">
            <div style={{ marginBottom: 6 }}>
              <Typography.Text strong>{formatTime(h.at, lang)}</Typography.Text>
              <span style={{ margin: '0 8px' }}>{h.userName ?? t.history.system}</span>
              <Tag>{textOf(t.history.sources, h.source)}</Tag>
              {h.reason && <Typography.Text type="secondary">{h.reason}</Typography.Text>}
            </div>
            <Table
              size="small"
              pagination={false}
              rowKey="field"
              showHeader={false}
              dataSource={h.changes}
              columns={[
                { key: 'field', dataIndex: 'field', width: 120, render: (f: string) => <Typography.Text type="secondary">{fieldLabel(f, t)}</Typography.Text> },
                {
                  key: 'change',
                  render: (_: unknown, c) => (
                    <span data-testid="history-change">
                      <Typography.Text delete type="secondary">
                        {value(c.field, c.old)}
                      </Typography.Text>
                      <ArrowRightOutlined style={{ margin: '0 8px', color: '#8c8c8c' }} />
                      <Typography.Text>{value(c.field, c.new)}</Typography.Text>
                    </span>
                  ),
                },
              ]}
            />
          </div>
        ),
      }))}
    />
    </div>
  );
}
