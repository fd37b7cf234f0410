// 审计日志: who did what and when, newest first, filtered by action.
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Select, Space, Table, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { toQuery } from '../../api/client.js';
import { findAudit, type AuditItem } from '../../api/endpoints.js';
import { ErrorResult } from '../../components/error-result.js';
import { useLoad } from '../../components/use-load.js';
import { textOf, useT } from '../../i18n/i18n.js';
import type { Dict } from '../../i18n/zh.js';
import { formatTime } from '../retailers/card/history-tab.js';

const PAGE_SIZE = 50;

function detailText(d: Record<string, unknown>, t: Dict): string {
  const word = (v: unknown) => textOf(t.audit.detailValues, textOf(t.fields, String(v)));
  return Object.entries(d)
    .map(([k, v]) => {
      const value = Array.isArray(v) ? v.map(word).join('、') : typeof v === 'object' && v !== null ? JSON.stringify(v) : word(v);
      return `${textOf(t.audit.detailKeys, k)}：${value}`;
    })
    .join('；');
}

export function AuditPage() {
  const { t, lang } = useT();
  const [params, setParams] = useSearchParams();
  const action = params.get('action') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = toQuery({ action, page, pageSize: PAGE_SIZE });
  const audit = useLoad(() => findAudit(query), [query]);
  const items = audit.data?.items ?? [];
  const set = (next: { action?: string; page?: number }) => {
    const a = next.action ?? action;
    const p = next.page ?? 1;
    setParams(new URLSearchParams(toQuery({ action: a, page: p > 1 ? p : undefined }).replace(/^\?/, '')));
  };
  const actionOptions = useMemo(
    () => [{ value: '', label: t.audit.all }, ...Object.entries(t.audit.actions).map(([value, label]) => ({ value, label }))],
    [t],
  );

  if (audit.error && !audit.data) return <ErrorResult error={audit.error} onRetry={audit.reload} />;
  return (
    <div>
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap', marginBottom: 12 }}>
        <Typography.Title level={4} className="zy-page-title" style={{ margin: 0, flex: 1 }}>
          {t.audit.title}
        </Typography.Title>
        <Select value={action} options={actionOptions} onChange={(v: string) => set({ action: v })} style={{ minWidth: 160 }} aria-label={t.audit.action} />
      </div>
      <Table<AuditItem>
        rowKey="id"
        size="small"
        loading={audit.loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t.audit.empty }}
        columns={[
          { key: 'at', dataIndex: 'at', title: t.audit.at, width: 160, render: (v: string) => formatTime(v, lang) },
          { key: 'user', dataIndex: 'userName', title: t.audit.user, width: 120, render: (v: string | null) => v ?? t.history.system },
          { key: 'action', dataIndex: 'action', title: t.audit.action, width: 130, render: (v: string) => textOf(t.audit.actions, v) },
          {
            key: 'entity',
            title: t.audit.entity,
            width: 200,
            ellipsis: true,
            render: (_: unknown, r) => `${textOf(t.audit.entities, r.entity)} ${r.entityIds.slice(0, 8).join(', ')}${r.entityIds.length > 8 ? ` … (${r.entityIds.length})` : ''}`,
          },
          { key: 'detail', dataIndex: 'detail', title: t.audit.detail, ellipsis: true, render: (d: Record<string, unknown>) => detailText(d, t) },
          { key: 'ip', dataIndex: 'ip', title: t.audit.ip, width: 120 },
        ]}
      />
      <Space style={{ marginTop: 12, display: 'flex', justifyContent: 'flex-end' }}>
        <Button icon={<LeftOutlined />} disabled={page <= 1} onClick={() => set({ page: page - 1 })}>
          {t.common.prev}
        </Button>
        <span>{t.common.page(page)}</span>
        <Button disabled={items.length < PAGE_SIZE} onClick={() => set({ page: page + 1 })}>
          {t.common.next} <RightOutlined />
        </Button>
      </Space>
    </div>
  );
}
