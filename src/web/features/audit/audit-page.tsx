// 审计日志: who did what to which object, when and from where, newest first;
// filtered by day, person, action and object, and exported as the filter shows.
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Input, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { toQuery } from '../../api/client.js';
import { findAudit, type AuditItem } from '../../api/endpoints.js';
import { ErrorResult } from '../../components/error-result.js';
import { useLoad } from '../../components/use-load.js';
import { textOf, useT } from '../../i18n/i18n.js';
import type { Dict } from '../../i18n/zh.js';
import { AUDIT_ACTIONS, AUDIT_EXPORT_MAX, auditActionLabels, auditEntityLabels, auditObjectText } from '../../../shared/audit.js';
import { formatDateTime, formatNumber } from '../../../shared/format.js';

const PAGE_SIZE = 50;
const FILTERS = ['from', 'to', 'userId', 'action', 'entity'] as const;
type Filter = Partial<Record<(typeof FILTERS)[number], string>>;

/** An entry's detail as "key: value" pairs; a nested record reads the same way in brackets, not as JSON. */
function detailText(d: Record<string, unknown>, t: Dict): string {
  const word = (v: unknown) => textOf(t.audit.detailValues, textOf(t.fields, String(v)));
  const value = (v: unknown): string =>
    Array.isArray(v) ? v.map(value).join(t.punct.listSep) : typeof v === 'object' && v !== null ? t.punct.paren(pairs(v as Record<string, unknown>, t.punct.listSep)).trim() : word(v);
  const pairs = (o: Record<string, unknown>, sep: string) =>
    Object.entries(o)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => `${textOf(t.audit.detailKeys, k)}: ${value(v)}`)
      .join(sep);
  return pairs(d, '; ');
}

export function AuditPage() {
  const { t, lang } = useT();
  const [params, setParams] = useSearchParams();
  const filter: Filter = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])) as Filter;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = toQuery({ ...filter, page, pageSize: PAGE_SIZE });
  const audit = useLoad(() => findAudit(query), [query]);
  const items = audit.data?.items ?? [];
  const set = (next: Filter & { page?: number }) => {
    const merged = { ...filter, ...next };
    const p = next.page ?? 1;
    setParams(new URLSearchParams(toQuery({ ...merged, page: p > 1 ? p : undefined }).replace(/^\?/, '')));
  };
  const actionOptions = useMemo(
    () => [{ value: '', label: t.audit.all }, ...AUDIT_ACTIONS.map((a) => ({ value: a, label: auditActionLabels[a][lang] }))],
    [t, lang],
  );
  const entityOptions = useMemo(
    () => [{ value: '', label: t.audit.allObjects }, ...Object.entries(auditEntityLabels).map(([value, l]) => ({ value, label: l[lang] }))],
    [t, lang],
  );
  const userOptions = useMemo(
    () => [{ value: '', label: t.audit.allUsers }, ...(audit.data?.users ?? []).map((u) => ({ value: String(u.id), label: u.name }))],
    [t, audit.data?.users],
  );
  const exportHref = (format: 'xlsx' | 'csv') => `/api/audit/export${toQuery({ ...filter, format, lang })}`;

  if (audit.error && !audit.data) return <ErrorResult error={audit.error} onRetry={audit.reload} />;
  return (
    <div>
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap', marginBottom: 12 }}>
        <Typography.Title level={4} className="zy-page-title" style={{ margin: 0, flex: 1 }}>
          {t.audit.title}
        </Typography.Title>
        <Button icon={<DownloadOutlined />} href={exportHref('xlsx')} title={t.audit.exportNote(formatNumber(AUDIT_EXPORT_MAX))} data-testid="audit-export">
          {t.audit.export}
        </Button>
        <Button href={exportHref('csv')} title={t.audit.exportNote(formatNumber(AUDIT_EXPORT_MAX))}>
          {t.audit.exportCsv}
        </Button>
      </div>
      <Space wrap style={{ marginBottom: 12 }} data-testid="audit-filters">
        <Input type="date" value={filter.from} onChange={(e) => set({ from: e.target.value })} aria-label={t.audit.from} style={{ width: 160 }} data-testid="audit-from" />
        <span>—</span>
        <Input type="date" value={filter.to} onChange={(e) => set({ to: e.target.value })} aria-label={t.audit.to} style={{ width: 160 }} data-testid="audit-to" />
        <Select value={filter.userId} options={userOptions} onChange={(v: string) => set({ userId: v })} style={{ minWidth: 140 }} aria-label={t.audit.user} showSearch={{ optionFilterProp: 'label' }} data-testid="audit-user" />
        <Select value={filter.action} options={actionOptions} onChange={(v: string) => set({ action: v })} style={{ minWidth: 140 }} aria-label={t.audit.action} showSearch={{ optionFilterProp: 'label' }} data-testid="audit-action" />
        <Select value={filter.entity} options={entityOptions} onChange={(v: string) => set({ entity: v })} style={{ minWidth: 160 }} aria-label={t.audit.entity} showSearch={{ optionFilterProp: 'label' }} data-testid="audit-entity" />
        {FILTERS.some((k) => filter[k]) && <Button onClick={() => setParams(new URLSearchParams())}>{t.audit.clear}</Button>}
      </Space>
      <Table<AuditItem>
        rowKey="id"
        size="small"
        loading={audit.loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t.audit.empty }}
        data-testid="audit-table"
        columns={[
          { key: 'at', dataIndex: 'at', title: t.audit.at, width: 140, render: (v: string) => formatDateTime(v) },
          { key: 'user', dataIndex: 'userName', title: t.audit.user, width: 110, render: (v: string | null) => v ?? t.history.system },
          { key: 'action', dataIndex: 'action', title: t.audit.action, width: 110, render: (v: string) => auditActionLabels[v as keyof typeof auditActionLabels]?.[lang] ?? v },
          { key: 'entity', title: t.audit.entity, width: 260, render: (_: unknown, r) => auditObjectText(r, lang) },
          { key: 'detail', dataIndex: 'detail', title: t.audit.detail, ellipsis: { showTitle: true }, render: (d: Record<string, unknown>) => detailText(d, t) },
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
