// The worker's open follow-ups on the field screen, overdue first: a key
// customer's request is a phone callback due within 24 hours.
import { Button, Card, List, Space, Tag } from 'antd';
import type { FollowUp } from '../../../shared/visits.js';
import { closeFollowUp, findOpenFollowUps } from '../visit-progress/visits-api.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';

function shortTime(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** One follow-up: the shop, callback or resolve, overdue, what and `detail`; done closes it and calls `onDone`. */
export function FollowUpItem({ f, detail, onDone }: { f: FollowUp; detail: string; onDone: () => void }) {
  const { t } = useT();
  const v = t.visits;
  return (
    <List.Item
      actions={[
        <Button
          key="done"
          size="small"
          onClick={async () => {
            await closeFollowUp(f.id);
            onDone();
          }}
        >
          {v.markDone}
        </Button>,
      ]}
    >
      <List.Item.Meta
        title={
          <Space size={4} wrap>
            <span>{f.shopName}</span>
            <Tag color={f.action === 'callback' ? 'gold' : 'blue'}>{f.action === 'callback' ? v.callback : v.resolve}</Tag>
            {f.overdue && <Tag color="red">{v.overdue}</Tag>}
          </Space>
        }
        description={`${f.text} · ${detail}`}
      />
    </List.Item>
  );
}

export function FollowUpList({ refreshKey }: { refreshKey: number }) {
  const { t } = useT();
  const v = t.visits;
  const items = useLoad(findOpenFollowUps, [refreshKey]);
  const list = [...(items.data ?? [])].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueAt.localeCompare(b.dueAt));
  if (!list.length) return null;
  return (
    <Card size="small" title={`${v.followUps} (${list.length})`} data-testid="field-follow-ups">
      <List
        size="small"
        dataSource={list}
        renderItem={(f) => <FollowUpItem f={f} detail={v.followUpDue(shortTime(f.dueAt))} onDone={items.reload} />}
      />
    </Card>
  );
}
