// The rating section of the grid worker's retailer card: why the star changed
// and the cheapest ways to the next one, compact.
import { useState } from 'react';
import { Button, Card, Empty, Skeleton } from 'antd';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import { RatingAdjustDrawer } from './rating-adjust-drawer.js';
import { getRetailerRating } from './rating-api.js';
import { RatingHeadline, WhatItTakes, WhyChanged } from './rating-explanation.js';

export function RatingCardSection({ retailerId }: { retailerId: number }) {
  const { t } = useT();
  const loaded = useLoad(() => getRetailerRating(retailerId), [retailerId]);
  const rating = loaded.data?.rating;
  const { can } = useSession();
  const [adjusting, setAdjusting] = useState(false);
  return (
    <Card
      size="small"
      title={t.rating.cardTitle}
      data-testid="section-rating"
      extra={
        can('rating.adjust') ? (
          <Button size="small" onClick={() => setAdjusting(true)} data-testid="rating-adjust-open">
            {t.adjust.open}
          </Button>
        ) : null
      }
    >
      {adjusting && (
        <RatingAdjustDrawer retailerId={retailerId} currentTier={rating?.tier ?? 1} onClose={() => setAdjusting(false)} onChanged={loaded.reload} />
      )}
      {loaded.error ? (
        <Empty description={t.common.unknownError} />
      ) : !loaded.data ? (
        <Skeleton active />
      ) : !rating ? (
        <Empty description={t.rating.notRated} />
      ) : (
        <>
          <RatingHeadline rating={rating} compact />
          <WhyChanged rating={rating} compact />
          <div style={{ marginTop: 12 }}>
            <WhatItTakes rating={rating} compact />
          </div>
        </>
      )}
    </Card>
  );
}
