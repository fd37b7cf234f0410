// 奖励台账: rewards proposed on valid complaints, approved or rejected by the
// county, then recorded as given (issue 15 item 6). The buttons a user sees
// follow their permissions; the server checks them again.
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Space, Table, Typography } from 'antd';
import { useT } from '../../i18n/i18n.js';
import { ApiError, type Wire } from '../../api/client.js';
import { useSession } from '../../shell/session.js';
import type { rewardListSchema } from '../../../shared/desk.js';
import { formatNumber } from '../../../shared/format.js';
import { deskApi } from './desk-api.js';
import { deskLabel, fmtTime } from './desk-labels.js';

type Reward = Wire<typeof rewardListSchema>['items'][number];

export function RewardLedger({ onOpenCase }: { onOpenCase: (caseId: number) => void }) {
  const { t, lang } = useT();
  const d = t.desk;
  const { message } = App.useApp();
  const session = useSession();
  const [items, setItems] = useState<Reward[]>([]);
  const [busy, setBusy] = useState<number | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await deskApi.rewards()).items);
    } catch (e) {
      message.error(e instanceof ApiError ? e.text(lang) : String(e));
    }
  }, [lang, message]);
  useEffect(() => void load(), [load]);

  const act = async (id: number, call: () => Promise<unknown>) => {
    setBusy(id);
    try {
      await call();
      message.success(d.done);
      await load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.text(lang) : String(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card size="small" title={d.rewards} style={{ marginTop: 12 }} data-testid="reward-ledger">
      <Table<Reward>
        size="small"
        rowKey="id"
        dataSource={items}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 720 }}
        locale={{ emptyText: d.noRewards }}
        columns={[
          { title: d.shop, dataIndex: 'shopName', render: (v: string, r) => <Typography.Link onClick={() => onOpenCase(r.caseId)}>{v}</Typography.Link> },
          { title: d.rewardKind, dataIndex: 'kind', render: (v: string) => deskLabel('reward', v, lang) },
          { title: d.rewardDesc, dataIndex: 'description' },
          { title: d.rewardAmount, dataIndex: 'amount', align: 'right', render: (v: number) => formatNumber(v) },
          { title: d.proposedAt, dataIndex: 'proposedAt', render: (v: string) => fmtTime(v) },
          { title: d.status, dataIndex: 'status', render: (v: string) => deskLabel('rewardStatus', v, lang) },
          {
            title: '',
            key: 'act',
            render: (_: unknown, r) => (
              <Space size={4} wrap>
                {r.status === 'proposed' && session.can('desk.reward.approve') && (
                  <>
                    <Button size="small" type="primary" data-testid={`reward-approve-${r.id}`} loading={busy === r.id} onClick={() => void act(r.id, () => deskApi.decideReward(r.id, true))}>
                      {d.approve}
                    </Button>
                    <Button size="small" data-testid={`reward-reject-${r.id}`} loading={busy === r.id} onClick={() => void act(r.id, () => deskApi.decideReward(r.id, false))}>
                      {d.reject}
                    </Button>
                  </>
                )}
                {r.status === 'approved' && (
                  <Button size="small" data-testid={`reward-given-${r.id}`} loading={busy === r.id} onClick={() => void act(r.id, () => deskApi.rewardGiven(r.id))}>
                    {d.markGiven}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
