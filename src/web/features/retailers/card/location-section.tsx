// 位置: the retailer's point on the county map.
import { useMemo } from 'react';
import { Card, Empty, Typography } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import type { Org } from '../../../../shared/org.js';
import type { RetailerCard } from '../../../../shared/retailer.js';
import { CountyMap } from '../../../components/county-map.js';
import { useT } from '../../../i18n/i18n.js';

export function LocationSection({ card, org }: { card: RetailerCard; org: Org | undefined }) {
  const { t } = useT();
  const points = useMemo(() => [{ lat: card.lat, lng: card.lng, label: card.shopName }], [card.lat, card.lng, card.shopName]);
  return (
    <Card size="small" title={t.card.location} data-testid="section-location">
      {org ? <CountyMap org={org} points={points} /> : <div className="zy-map" />}
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
        <EnvironmentOutlined /> {t.card.coordinates}: {card.lat.toFixed(6)}, {card.lng.toFixed(6)}
      </Typography.Text>
    </Card>
  );
}

/** 拜访记录, 投诉, 评级明细: coming with later work; shown so the card's shape is known. */
export function ComingSoonSection({ titles }: { titles: string[] }) {
  const { t } = useT();
  return (
    <Card size="small" title={t.card.soonTitle} data-testid="section-coming-soon">
      <div className="zy-soon">
        {titles.map((title) => (
          <div key={title}>
            <strong>{title}</strong>
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.common.comingSoon} />
          </div>
        ))}
      </div>
    </Card>
  );
}
