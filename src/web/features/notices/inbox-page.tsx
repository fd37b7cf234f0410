// The inbox: newest unread first; a tap opens the whole text and marks it
// read. Works at phone width (one column, large touch targets).
import { useState } from 'react';
import { Button, Card, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { ErrorResult } from '../../components/error-result.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { NOTICES_CHANGED, noticesApi, type InboxItem } from './notices-api.js';

const when = (iso: string, lang: 'zh' | 'en') =>
  new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

export function InboxPage() {
  const { t, lang } = useT();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const inbox = useLoad(() => noticesApi.inbox(unreadOnly), [unreadOnly]);
  if (inbox.error) return <ErrorResult error={inbox.error} onRetry={inbox.reload} />;
  const changed = () => {
    inbox.reload();
    window.dispatchEvent(new Event(NOTICES_CHANGED));
  };
  const openItem = async (n: InboxItem) => {
    setOpen(open === n.id ? null : n.id);
    if (!n.readAt) {
      await noticesApi.read(n.id).catch(() => undefined);
      changed();
    }
  };
  const unread = inbox.data?.unread ?? 0;
  return (
    <Card
      title={t.notices.inboxTitle}
      extra={<Button size="small" disabled={!unread} onClick={() => noticesApi.readAll().then(changed)} data-testid="notice-read-all">{t.notices.allRead}</Button>}
      styles={{ body: { padding: 0 } }}
    >
      <Space style={{ padding: '12px 16px' }} wrap>
        <Segmented
          value={unreadOnly ? 'unread' : 'all'}
          options={[{ value: 'all', label: t.notices.inboxTitle }, { value: 'unread', label: t.notices.unreadCount.replace('{n}', String(unread)) }]}
          onChange={(v) => setUnreadOnly(v === 'unread')}
        />
      </Space>
      <List
        loading={inbox.loading}
        locale={{ emptyText: <Empty description={t.notices.empty} /> }}
        dataSource={inbox.data?.items ?? []}
        renderItem={(n) => (
          <List.Item key={n.id} onClick={() => void openItem(n)} style={{ cursor: 'pointer', padding: '12px 16px', background: n.readAt ? undefined : '#f0f7ff' }} data-testid={`notice-${n.template}`}>
            <div style={{ width: '100%', minWidth: 0 }}>
              <div style={{ display: 'flex', gap: 8, alignItems: 'baseline' }}>
                {!n.readAt && <Tag color="blue" style={{ marginInlineEnd: 0 }}>{t.notices.unread}</Tag>}
                {n.urgent && <Tag color="red" style={{ marginInlineEnd: 0 }}>{t.notices.urgent}</Tag>}
                <Typography.Text strong={!n.readAt} style={{ flex: 1, minWidth: 0 }} ellipsis>{n.title}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{when(n.at, lang)}</Typography.Text>
              </div>
              <Typography.Paragraph
                type={n.readAt ? 'secondary' : undefined}
                style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}
                ellipsis={open === n.id ? false : { rows: 2 }}
              >
                {n.body}
              </Typography.Paragraph>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
