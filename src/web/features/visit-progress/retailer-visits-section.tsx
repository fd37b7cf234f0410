// 拜访记录 on the shop's file (一口清): the visits recorded in the field,
// newest first — who came, when, how far from the door, and what they found.
import { Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { labelOf } from '../../../shared/codes.js';
import { formatDate, formatDateTime } from '../../../shared/format.js';
import { ErrorResult } from '../../components/error-result.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { findRetailerVisits } from './visits-api.js';

export function RetailerVisitsSection({ retailerId }: { retailerId: number }) {
  const { t, lang } = useT();
  const v = t.visits;
  const visits = useLoad(() => findRetailerVisits(retailerId), [retailerId]);
  const items = visits.data?.items ?? [];
  return (
    <Card size="small" title={t.card.visits} data-testid="section-visits" extra={items.length ? v.visitCount(items.length) : null}>
      {visits.error && !visits.data ? (
        <ErrorResult error={visits.error} onRetry={visits.reload} />
      ) : visits.loading && !visits.data ? (
        <Spin />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={v.noVisits} />
      ) : (
        <List
          size="small"
          dataSource={items.slice(0, 12)}
          data-testid="visit-history"
          renderItem={(x) => (
            <List.Item>
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap size={6}>
                  <Typography.Text strong>{formatDate(x.visitDate)}</Typography.Text>
                  <span>{x.workerName}</span>
                  {x.status === 'done' ? <Tag color="green">{v.statusDone}</Tag> : <Tag color="gold">{v.statusCheckedIn}</Tag>}
                  {!x.planned && <Tag>{v.extra}</Tag>}
                  {x.suspectCounterfeit && <Tag color="red">{v.suspectCounterfeit}</Tag>}
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {v.checkInAt(formatDateTime(x.checkedInAt), x.distanceM)}
                  {x.displayScore !== null && ` · ${v.displayScore} ${x.displayScore}/5`}
                  {x.storeImage && ` · ${v.storeImage} ${labelOf('storeImage', x.storeImage, lang)}`}
                  {x.priceTags && ` · ${v.priceTags} ${labelOf('priceTag', x.priceTags, lang)}`}
                  {x.followUps > 0 && ` · ${v.followUpCount(x.followUps)}`}
                </Typography.Text>
                {(x.requests || x.problems) && (
                  <Typography.Text style={{ fontSize: 13 }}>
                    {x.requests && `${v.requests}: ${x.requests}`}
                    {x.requests && x.problems && '; '}
                    {x.problems && `${v.problems}: ${x.problems}`}
                  </Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
