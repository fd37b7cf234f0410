// 一口清: everything a client manager must be able to say about one retailer,
// on one page, with its change history in a second tab.
import { useState } from 'react';
import { MyCasesSection, RetailerCasesSection } from '../../desk/retailer-cases-section.js';
import { useSearchParams } from 'react-router-dom';
import { Button, Card, Space, Tabs, Tag, Typography } from 'antd';
import { EditOutlined, SwapOutlined } from '@ant-design/icons';
import type { RetailerCard } from '../../../../shared/retailer.js';
import { getOrg } from '../../../api/endpoints.js';
import { StarBadge, StatusTag } from '../../../components/retailer-tags.js';
import { useLoad } from '../../../components/use-load.js';
import { useT } from '../../../i18n/i18n.js';
import { RetailerEditDrawer } from '../edit/retailer-edit-drawer.js';
import { RetailerMoveDrawer } from '../move/retailer-move-drawer.js';
import { useOrgLists } from '../use-org-lists.js';
import { BasicSection, BusinessSection } from './card-sections.js';
import { FamilySection } from './family-section.js';
import { HistoryTab } from './history-tab.js';
import { LocationSection } from './location-section.js';
import { SalesSection } from './sales-section.js';
import { RatingCardSection } from '../../rating/rating-card-section.js';
import { MeasuresCardSection } from '../../measures/measures-card-section.js';
import { useSession } from '../../../shell/session.js';
import { RetailerVisitsSection } from '../../visit-progress/retailer-visits-section.js';
import { RetailerCareSection } from '../../care/retailer-care-section.js';

type Props = {
  card: RetailerCard;
  /** Edit allowed (permission retailer.update); the drawer reports the saved card. */
  editable: boolean;
  onSaved?: (card: RetailerCard) => void;
  onReload?: () => void;
  /** Staff see grids by name in the history; a retailer has no access to the grid list. */
  loadGrids: boolean;
  /** Permission retailer.history (call-centre agents do not have it). */
  showHistory: boolean;
};

export function RetailerCardView({ card, editable, onSaved, onReload, loadGrids, showHistory }: Props) {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const tab = showHistory && params.get('tab') === 'history' ? 'history' : 'file';
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState(false);
  const org = useLoad(getOrg, []);
  const { grids } = useOrgLists(loadGrids);
  const session = useSession();
  const canRating = session.can('rating.read');
  const canDesk = session.can('desk.read');
  const canVisits = session.can('followup.read');
  const canCare = session.can('care.read');
  const today = new Date();

  const fileTab = (
    <div className="zy-card-grid">
      <BasicSection card={card} today={today} />
      <BusinessSection card={card} />
      <FamilySection card={card} today={today} />
      <LocationSection card={card} org={org.data} />
      <SalesSection card={card} />
      {canRating && <RatingCardSection retailerId={card.id} />}
      {session.can('measure.read') && <MeasuresCardSection retailerId={card.id} />}
      {canDesk && <RetailerCasesSection retailerId={card.id} />}
      {canVisits && <RetailerVisitsSection retailerId={card.id} />}
      {canCare && <RetailerCareSection retailerId={card.id} />}
      {!canDesk && session.can('desk.mine') && <MyCasesSection />}
    </div>
  );

  return (
    <div>
      <Card size="small" className="zy-card-header" style={{ marginBottom: 12 }}>
        <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <div style={{ flex: 1, minWidth: 220 }}>
            <Typography.Title level={3} data-testid="card-shop-name" style={{ marginBottom: 4 }}>
              {card.shopName}
            </Typography.Title>
            <Space wrap size={[8, 6]}>
              <Typography.Text type="secondary" copyable={{ text: card.customerCode }} data-testid="card-customer-code">
                {t.fields.customerCode} {card.customerCode}
              </Typography.Text>
              <StarBadge star={card.star} />
              <Tag color="blue">{t.card.tierValue(card.tier)}</Tag>
              <Tag color="purple">{t.card.classValue(card.classCode)}</Tag>
              <StatusTag status={card.status} />
            </Space>
          </div>
          <Space wrap>
            {session.can('retailer.move') && (
              <Button icon={<SwapOutlined />} onClick={() => setMoving(true)} data-testid="move-retailer">
                {t.move.button}
              </Button>
            )}
            {editable && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-retailer">
                {t.card.edit}
              </Button>
            )}
          </Space>
        </div>
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          const next = new URLSearchParams(params);
          if (k === 'history') next.set('tab', 'history');
          else next.delete('tab');
          setParams(next, { replace: true });
        }}
        items={[
          { key: 'file', label: t.card.tabFile, children: fileTab },
          ...(showHistory
            ? [
                {
                  key: 'history',
                  label: <span data-testid="tab-history">{t.card.tabHistory}</span>,
                  children: <HistoryTab retailerId={card.id} version={card.version} grids={grids} />,
                },
              ]
            : []),
        ]}
      />
      {moving && (
        <RetailerMoveDrawer
          retailerId={card.id}
          shopName={card.shopName}
          onClose={() => setMoving(false)}
          onMoved={() => {
            setMoving(false);
            onReload?.();
          }}
        />
      )}
      {editable && editing && (
        <RetailerEditDrawer
          card={card}
          grids={grids}
          onClose={() => setEditing(false)}
          onSaved={(c) => {
            setEditing(false);
            onSaved?.(c);
          }}
          onReload={() => {
            setEditing(false);
            onReload?.();
          }}
        />
      )}
    </div>
  );
}
