// 我的档案: a retailer's own card, read-only.
import { Result, Spin, Typography } from 'antd';
import { getRetailer } from '../../api/endpoints.js';
import { ErrorResult } from '../../components/error-result.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import { RetailerCardView } from '../retailers/card/retailer-card-view.js';

export function MyFilePage() {
  const { t } = useT();
  const { me, can } = useSession();
  const retailerId = me?.user.retailerId ?? null;
  const loaded = useLoad(async () => (retailerId ? getRetailer(retailerId) : null), [retailerId]);

  if (!retailerId) return <Result status="info" title={t.myFile.noRetailer} />;
  if (loaded.error && !loaded.data) return <ErrorResult error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  return (
    <div>
      <Typography.Title level={4} className="zy-page-title">
        {t.myFile.title}
      </Typography.Title>
      <RetailerCardView card={loaded.data} editable={false} loadGrids={false} showHistory={can('retailer.history')} />
    </div>
  );
}
