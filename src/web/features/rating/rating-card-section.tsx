// The rating section of the grid worker's retailer card: why the star changed
// and the cheapest ways to the next one, compact.
import { Card, Empty, Skeleton } from 'antd';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { getRetailerRating } from './rating-api.js';
import { RatingHeadline, WhatItTakes, WhyChanged } from './rating-explanation.js';

export function RatingCardSection({ retailerId }: { retailerId: number }) {
  const { t } = useT();
  const loaded = useLoad(() => getRetailerRating(retailerId), [retailerId]);
  const rating = loaded.data?.rating;
  return (
    <Card size="small" title={t.rating.cardTitle} data-testid="section-rating">
      {loaded.error ? (
        <Empty description={t.common.unknownError} />
      ) : !loaded.data ? (
        <Skeleton active />
      ) : !rating ? (
        <Empty description={t.rating.notRated} />
      ) : (
        <>
          <RatingHeadline rating={rating} />
          <WhyChanged rating={rating} compact />
          <div style={{ marginTop: 12 }}>
            <WhatItTakes rating={rating} compact />
          </div>
        </>
      )}
    </Card>
  );
}
