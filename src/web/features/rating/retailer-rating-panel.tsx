// A retailer's rating for the latest published month, or an earlier one picked
// from the months published: the headline, why it changed, what it takes, the
// service package and recent months.
import { useEffect, useState } from 'react';
import { Alert, Card, Empty, Select, Space, Spin, Table } from 'antd';
import { starLabel } from '../../../shared/codes.js';
import { ErrorResult } from '../../components/error-result.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { getRetailerRating } from './rating-api.js';
import { RatingHeadline, ServicePackageCard, TierNotes, WhatItTakes, WhyChanged } from './rating-explanation.js';

export function RetailerRatingPanel({ retailerId }: { retailerId: number }) {
  const { t, lang } = useT();
  const [month, setMonth] = useState<string | undefined>(undefined);
  // Every published month, kept from the latest answer (an earlier month's answer lists only the months up to it).
  const [months, setMonths] = useState<string[]>([]);
  const loaded = useLoad(() => getRetailerRating(retailerId, month), [retailerId, month]);
  useEffect(() => {
    if (!month && loaded.data) setMonths(loaded.data.history.map((h) => h.month));
  }, [month, loaded.data]);
  if (loaded.error && !loaded.data) return <ErrorResult error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  const { rating, history } = loaded.data;
  if (!rating) return <Empty description={t.rating.notRated} />;
  return (
    <div className="zy-card-grid" data-testid="rating-panel">
      <Card
        size="small"
        title={t.rating.whyTitle}
        style={{ gridColumn: '1 / -1' }}
        extra={
          months.length > 1 && (
            <Space size={4}>
              <span className="zy-muted">{t.rating.pickMonth}</span>
              <Select
                size="small"
                style={{ width: 132 }}
                value={rating.month}
                onChange={(m) => setMonth(m === months[0] ? undefined : m)}
                options={months.map((m) => ({ value: m, label: t.rating.monthOf(m) }))}
                data-testid="rating-month"
              />
            </Space>
          )
        }
      >
        <RatingHeadline rating={rating} />
        <TierNotes rating={rating} />
        {rating.frozenReason && <Alert type="warning" showIcon title={t.rating.frozen(rating.frozenReason)} style={{ marginBottom: 8 }} />}
        <WhyChanged rating={rating} />
      </Card>
      <Card size="small" title={t.rating.howTitle}>
        <WhatItTakes rating={rating} />
      </Card>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
        <ServicePackageCard rating={rating} />
        <Card size="small" title={t.rating.history}>
          <Table
            size="small"
            rowKey="month"
            pagination={false}
            dataSource={history}
            columns={[
              { title: t.rating.month, dataIndex: 'month' },
              { title: t.rating.starMove, key: 'star', render: (_, h) => starLabel(h.star, lang) },
              { title: t.rating.score, key: 'score', align: 'right', render: (_, h) => t.rating.points(h.score) },
              { title: t.rating.tier, dataIndex: 'tier', align: 'right' },
              { title: t.rating.classCode, dataIndex: 'classCode' },
            ]}
          />
        </Card>
      </div>
    </div>
  );
}
