// /retailers/:id — a retailer's card for staff; out-of-scope or unknown ids
// get the server's not-found message.
import { useEffect, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { Button, Spin } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { RetailerCard } from '../../../../shared/retailer.js';
import { ApiError } from '../../../api/client.js';
import { getRetailer } from '../../../api/endpoints.js';
import { ErrorResult } from '../../../components/error-result.js';
import { useLoad } from '../../../components/use-load.js';
import { useT } from '../../../i18n/i18n.js';
import { useSession } from '../../../shell/session.js';
import { RetailerCardView } from './retailer-card-view.js';
import { MovedCard } from '../move/moved-card.js';
import type { MovedTo } from '../move/retailer-move-api.js';

export function RetailerCardPage() {
  const { t } = useT();
  const { can } = useSession();
  const { id } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const retailerId = Number(id);
  const loaded = useLoad(() => getRetailer(retailerId), [retailerId]);
  const [saved, setSaved] = useState<RetailerCard | null>(null);
  useEffect(() => setSaved(null), [loaded.data]);
  // A shop that moved away answers 410 with its forwarding record (also right after the move, on the reload).
  const movedTo = loaded.error instanceof ApiError && loaded.error.code === 'retailer_moved' ? (loaded.error.body.movedTo as MovedTo | undefined) : undefined;
  const card = movedTo ? undefined : (saved ?? loaded.data);

  const listSearch = (location.state as { listSearch?: string } | null)?.listSearch;
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/retailers${listSearch ?? ''}`)} data-testid="back-to-list">
      {t.card.backToList}
    </Button>
  );

  if (movedTo) return <MovedCard movedTo={movedTo} extra={back} />;
  if (loaded.error && !card) {
    return (
      <div data-testid="card-error">
        <ErrorResult error={loaded.error} title={t.card.notFoundTitle} onRetry={loaded.reload} extra={back} />
      </div>
    );
  }
  if (!card) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  return (
    <div>
      <div style={{ marginBottom: 8 }}>{back}</div>
      <RetailerCardView
        card={card}
        editable={can('retailer.update')}
        onSaved={setSaved}
        onReload={loaded.reload}
        loadGrids
        showHistory={can('retailer.history')}
      />
    </div>
  );
}
