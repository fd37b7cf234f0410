// 账号管理 (decisions 0862, 0863): the administrator finds an account of the
// county, opens a staff account for a new colleague, edits one, disables a
// leaver's and resets a password. A generated password is shown once in a
// dialog and kept nowhere else: closing it forgets it.
import { useState } from 'react';
import { Alert, App, Button, Descriptions, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, KeyOutlined, StopOutlined, UserAddOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/client.js';
import { ErrorResult } from '../../components/error-result.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import { labelOf } from '../../../shared/codes.js';
import { getStations } from '../../api/endpoints.js';
import { usersApi, type UserSummary } from './users-api.js';
import { AccountForm, type AccountValues } from './account-form.js';

/** A generated password to hand over: after a reset, or for a new account. */
type Handover = { kind: 'reset' | 'created'; user: UserSummary; temporaryPassword: string; sessionsEnded: number };

export function UsersPage() {
  const { t, lang } = useT();
  const s = t.users;
  const { me } = useSession();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const list = useLoad(() => usersApi.list(q), [q]);
  const stations = useLoad(() => getStations(), []);
  const [busy, setBusy] = useState<number | null>(null);
  const [done, setDone] = useState<Handover | null>(null);
  // The account form: null closed, 'new' for a new account, or the account edited.
  const [form, setForm] = useState<UserSummary | 'new' | null>(null);
  const [saving, setSaving] = useState(false);

  const failed = (e: unknown) => {
    // A worker who still has grids: the answer names them (user_has_grids).
    const extra = e instanceof ApiError ? (e.body as unknown as { grids?: unknown }).grids : undefined;
    const grids = Array.isArray(extra) ? extra.map(String) : [];
    const text = e instanceof ApiError ? e.text(lang) : String(e);
    message.error(grids.length ? `${text}${t.punct.paren(s.stillHasGrids(grids.join(t.punct.listSep)))}` : text);
  };

  const reset = async (u: UserSummary) => {
    setBusy(u.id);
    try {
      setDone({ kind: 'reset', ...(await usersApi.resetPassword(u.id)) });
      list.reload();
    } catch (e) {
      failed(e);
    } finally {
      setBusy(null);
    }
  };

  const setActive = async (u: UserSummary, active: boolean) => {
    setBusy(u.id);
    try {
      await usersApi.update(u.id, { active });
      message.success(active ? s.reopened : s.closed);
      list.reload();
    } catch (e) {
      failed(e);
    } finally {
      setBusy(null);
    }
  };

  const save = async (v: AccountValues) => {
    setSaving(true);
    try {
      if (form === 'new') {
        const created = await usersApi.create({ username: v.username!.trim(), displayName: v.displayName, role: v.role, stationId: v.stationId ?? null, phone: v.phone?.trim() || null });
        setDone({ kind: 'created', ...created, sessionsEnded: 0 });
      } else if (form) {
        await usersApi.update(form.id, { displayName: v.displayName, role: v.role, stationId: v.stationId ?? null });
        message.success(s.saved);
      }
      setForm(null);
      list.reload();
    } catch (e) {
      failed(e);
    } finally {
      setSaving(false);
    }
  };

  if (list.error && !list.data) return <ErrorResult error={list.error} onRetry={list.reload} />;
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="users-page">
      <Typography.Title level={4} style={{ margin: 0 }}>{s.title}</Typography.Title>
      <Typography.Text type="secondary">{s.intro}</Typography.Text>
      <Space wrap>
        <Input.Search allowClear placeholder={s.search} style={{ maxWidth: 320 }} onSearch={setQ} data-testid="users-search" />
        <Button type="primary" icon={<UserAddOutlined />} onClick={() => setForm('new')} data-testid="user-create">
          {s.create}
        </Button>
      </Space>
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
          { title: s.station, dataIndex: 'stationName', render: (v: string | null) => <Typography.Text>{v ?? ''}</Typography.Text> },
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
                <Space size={4} wrap>
                  {u.role !== 'retailer' && u.active && (
                    <Button size="small" icon={<EditOutlined />} onClick={() => setForm(u)} data-testid={`user-edit-${u.username}`}>
                      {s.edit}
                    </Button>
                  )}
                  {u.role !== 'retailer' &&
                    (u.active ? (
                      <Popconfirm
                        title={s.closeTitle(u.displayName)}
                        description={<div style={{ maxWidth: 280 }}>{s.closeText}</div>}
                        okText={s.close}
                        okButtonProps={{ danger: true, id: 'user-close-confirm' }}
                        cancelText={s.cancel}
                        onConfirm={() => setActive(u, false)}
                      >
                        <Button size="small" danger icon={<StopOutlined />} loading={busy === u.id} data-testid={`user-close-${u.username}`}>
                          {s.close}
                        </Button>
                      </Popconfirm>
                    ) : (
                      <Button size="small" loading={busy === u.id} onClick={() => setActive(u, true)} data-testid={`user-reopen-${u.username}`}>
                        {s.reopen}
                      </Button>
                    ))}
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
                </Space>
              ),
          },
        ]}
      />
      {form && <AccountForm editing={form === 'new' ? null : form} stations={stations.data ?? []} saving={saving} onSave={save} onCancel={() => setForm(null)} />}
      {done && (
        <Modal
          open
          title={done.kind === 'created' ? s.createdTitle : s.doneTitle}
          onOk={() => setDone(null)}
          onCancel={() => setDone(null)}
          okText={s.gotIt}
          cancelButtonProps={{ style: { display: 'none' } }}
          data-testid="password-reset-done"
        >
          <Typography.Paragraph type="secondary">{done.kind === 'created' ? s.createdIntro : s.doneIntro}</Typography.Paragraph>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={s.username}>
              <Typography.Text copyable>{done.user.username}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={done.kind === 'created' ? s.initialPassword : s.temporaryPassword}>
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
