// 投诉与工单 on the retailer card: every case of the shop, newest first; a
// click opens it beside the card.
import { useEffect, useState } from 'react';
import { Card } from 'antd';
import type { Wire } from '../../api/client.js';
import type { caseListSchema } from '../../../shared/desk.js';
import { useT } from '../../i18n/i18n.js';
import { deskApi } from './desk-api.js';
import { CaseList } from './case-list.js';
import { CaseDrawer } from './case-drawer.js';

export function RetailerCasesSection({ retailerId }: { retailerId: number }) {
  const { t } = useT();
  const [items, setItems] = useState<Wire<typeof caseListSchema>['items']>([]);
  const [openId, setOpenId] = useState<number | null>(null);
  const load = () =>
    deskApi
      .cases({ status: 'all', retailerId })
      .then((r) => setItems(r.items))
      .catch(() => setItems([]));
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [retailerId]);
  return (
    <Card size="small" title={t.card.complaints} data-testid="section-cases">
      <CaseList items={items} onOpen={setOpenId} compact />
      <CaseDrawer id={openId} onClose={() => setOpenId(null)} onChanged={() => void load()} />
    </Card>
  );
}
