// 投诉与工单 on the retailer card: every case of the shop, newest first; a
// click opens it beside the card.
import { useEffect, useState } from 'react';
import { Card, Empty, List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Wire } from '../../api/client.js';
import type { caseListSchema, myCasesSchema } from '../../../shared/desk.js';
import { caseLabel, deskLabel, fmtTime } from './desk-labels.js';
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

/** The retailer's own file: their cases in short, each with its state, and the way to their full list. */
export function MyCasesSection() {
  const { t, lang } = useT();
  const [items, setItems] = useState<Wire<typeof myCasesSchema>['items'] | null>(null);
  useEffect(() => {
    deskApi
      .myCases()
      .then((r) => setItems(r.items))
      .catch(() => setItems([]));
  }, []);
  return (
    <Card size="small" title={t.card.complaints} data-testid="section-my-cases" extra={<Link to="/my-cases">{t.desk.newCase}</Link>}>
      {items && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.desk.noCases} />}
      <List
        size="small"
        dataSource={(items ?? []).slice(0, 5)}
        renderItem={(c) => (
          <List.Item>
            <Link to="/my-cases" style={{ minWidth: 0, flex: 1 }}>
              <Typography.Text ellipsis style={{ display: 'block' }}>
                {caseLabel(c, lang)} · {c.text}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {fmtTime(c.openedAt)}
              </Typography.Text>
            </Link>
            <Tag color={c.status === 'closed' ? 'default' : 'processing'}>{deskLabel('status', c.status, lang)}</Tag>
          </List.Item>
        )}
      />
    </Card>
  );
}
