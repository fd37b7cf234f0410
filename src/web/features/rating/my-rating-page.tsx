// 我的星级: a retailer's own rating, why it changed and what to do next.
import { Result, Typography } from 'antd';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import { MyRepresentativeCard } from './representatives-panel.js';
import { RetailerRatingPanel } from './retailer-rating-panel.js';

export function MyRatingPage() {
  const { t } = useT();
  const { me } = useSession();
  const retailerId = me?.user.retailerId ?? null;
  if (!retailerId) return <Result status="info" title={t.myFile.noRetailer} />;
  return (
    <div>
      <Typography.Title level={4} className="zy-page-title">
        {t.rating.myTitle}
      </Typography.Title>
      <MyRepresentativeCard />
      <RetailerRatingPanel retailerId={retailerId} />
    </div>
  );
}
