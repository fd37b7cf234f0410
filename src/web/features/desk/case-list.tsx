// A list of cases with their due state: the desk, the task lists (mine,
// due, overdue) and the retailer card.
import { Table, Tag } from 'antd';
import type { Wire } from '../../api/client.js';
import type { caseListSchema } from '../../../shared/desk.js';
import { useT } from '../../i18n/i18n.js';
import { caseLabel, deskLabel, fmtTime } from './desk-labels.js';

type Item = Wire<typeof caseListSchema>['items'][number];

export function DueTag({ state, escalation }: { state: Item['dueState']; escalation: number }) {
  const { t } = useT();
  const d = t.desk;
  return (
    <>
      {state === 'breached' && (
        <Tag color="red" data-testid="due-breached">
          {d.breached}
        </Tag>
      )}
      {state === 'warning' && <Tag color="orange">{d.warning}</Tag>}
      {escalation === 2 && <Tag color="volcano">{d.toCounty}</Tag>}
    </>
  );
}

export function CaseList({ items, onOpen, compact = false }: { items: Item[]; onOpen: (id: number) => void; compact?: boolean }) {
  const { t, lang } = useT();
  const d = t.desk;
  return (
    <Table
      size="small"
      rowKey="id"
      dataSource={items}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      // On a phone the columns scroll inside the table, not the page (the worker's task list is opened there).
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: d.noCases }}
      onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' }, 'data-testid': `case-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: '#', dataIndex: 'id', width: 60 },
        ...(compact ? [] : [{ title: d.shop, dataIndex: 'shopName', ellipsis: true }]),
        { title: d.category, render: (_: unknown, r: Item) => caseLabel(r, lang), ellipsis: true },
        ...(compact ? [] : [{ title: d.handler, dataIndex: 'handlerName', width: 90 }]),
        { title: d.status, render: (_: unknown, r: Item) => deskLabel('status', r.status, lang), width: 90 },
        {
          title: d.due,
          width: 190,
          render: (_: unknown, r: Item) => (
            <>
              {r.status === 'closed' ? fmtTime(r.closedAt) : fmtTime(r.dueAt)} <DueTag state={r.dueState} escalation={r.escalation} />
            </>
          ),
        },
      ]}
    />
  );
}
