// 位置: the retailer's point on the county map.
import { useMemo } from 'react';
import { Card, Typography } from 'antd';
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
