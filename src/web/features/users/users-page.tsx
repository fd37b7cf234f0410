// 账号管理 (decision 0862): the administrator finds an account of the county
// and resets its password. The temporary password is shown once in a dialog
// and kept nowhere else: closing it forgets it.
import { useState } from 'react';
import { Alert, App, Button, Descriptions, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/client.js';
import { ErrorResult } from '../../components/error-result.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import { labelOf } from '../../../shared/codes.js';
import { usersApi, type PasswordReset, type UserSummary } from './users-api.js';

export function UsersPage() {
  const { t, lang } = useT();
  const s = t.users;
  const { me } = useSession();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const list = useLoad(() => usersApi.list(q), [q]);
  const [busy, setBusy] = useState<number | null>(null);
  const [done, setDone] = useState<PasswordReset | null>(null);

  const reset = async (u: UserSummary) => {
    setBusy(u.id);
    try {
      setDone(await usersApi.resetPassword(u.id));
      list.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.text(lang) : String(e));
    } finally {
      setBusy(null);
    }
  };

  if (list.error && !list.data) return <ErrorResult error={list.error} onRetry={list.reload} />;
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="users-page">
      <Typography.Title level={4} style={{ margin: 0 }}>{s.title}</Typography.Title>
      <Typography.Text type="secondary">{s.intro}</Typography.Text>
      <Input.Search allowClear placeholder={s.search} style={{ maxWidth: 320 }} onSearch={setQ} data-testid="users-search" />
      {total > items.length && <Alert type="info" showIcon message={s.more(items.length, total)} />}
      <Table<UserSummary>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: s.username, dataIndex: 'username', render: (v: string) => <Typography.Text>{v}</Typography.Text> },
          { title: s.displayName, dataIndex: 'displayName', render: (v: string) => <Typography.Text>{v}</Typography.Text> },
          { title: s.role, dataIndex: 'role', render: (v: string) => labelOf('role', v, lang) },
          {
            title: s.state,
            key: 'state',
            render: (_, u) =>
              !u.active ? <Tag>{s.inactive}</Tag> : u.mustChangePassword ? <Tag color="warning" data-testid={`user-must-change-${u.username}`}>{s.mustChange}</Tag> : <Tag color="success">{s.normal}</Tag>,
          },
          {
            title: s.actions,
            key: 'actions',
            render: (_, u) =>
              u.id === me?.user.id ? (
                <Typography.Text type="secondary">{s.you}</Typography.Text>
              ) : (
                <Popconfirm
                  title={s.confirmTitle(u.displayName)}
                  description={<div style={{ maxWidth: 280 }}>{s.confirmText}</div>}
                  okText={s.confirmOk}
                  okButtonProps={{ danger: true, id: 'user-reset-confirm' }}
                  cancelText={s.cancel}
                  onConfirm={() => reset(u)}
                >
                  <Button size="small" icon={<KeyOutlined />} loading={busy === u.id} data-testid={`user-reset-${u.username}`}>
                    {s.reset}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      {done && (
        <Modal
          open
          title={s.doneTitle}
          onOk={() => setDone(null)}
          onCancel={() => setDone(null)}
          okText={s.gotIt}
          cancelButtonProps={{ style: { display: 'none' } }}
          data-testid="password-reset-done"
        >
          <Typography.Paragraph type="secondary">{s.doneIntro}</Typography.Paragraph>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={s.username}>
              <Typography.Text copyable>{done.user.username}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={s.temporaryPassword}>
              <span data-testid="temporary-password">
                <Typography.Text copyable code>
                  {done.temporaryPassword}
                </Typography.Text>
              </span>
            </Descriptions.Item>
          </Descriptions>
          {done.sessionsEnded > 0 && <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>{s.sessionsEnded(done.sessionsEnded)}</Typography.Paragraph>}
        </Modal>
      )}
    </Space>
  );
}
