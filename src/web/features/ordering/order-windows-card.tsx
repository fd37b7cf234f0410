// Every weekday's order window of a plan, in Beijing time, with how many shops
// order that day and whether it is open now; marketing moves one (a holiday,
// an extension) with a reason that goes to the audit log and to the notice
// that tells those shops.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, List, Modal, Table, Tag, Typography } from 'antd';
import { usePhone } from '../../components/phone-layout.js';
import { useT } from '../../i18n/i18n.js';
import { ApiError, type Wire } from '../../api/client.js';
import type { orderWindowsSchema } from '../../../shared/ordering.js';
import { beijingTimeLabel, dayLabel, weekdayLabel } from '../../../shared/periods.js';
import { orderingApi } from './ordering-api.js';

type Window = Wire<typeof orderWindowsSchema>['items'][number];

/** An instant as the value of a datetime-local input, read as Beijing time. */
export function toBeijingInput(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}
/** A datetime-local value in Beijing time as an instant. */
export function fromBeijingInput(local: string): string {
  return new Date(new Date(`${local}:00Z`).getTime() - 8 * 3_600_000).toISOString();
}

export function OrderWindowsCard({ planId, published, canManage, now = new Date() }: { planId: number; published: boolean; canManage: boolean; now?: Date }) {
  const { t, lang } = useT();
  const o = t.ordering;
  const { message } = App.useApp();
  const [items, setItems] = useState<Window[]>([]);
  const [editing, setEditing] = useState<Window | null>(null);
  const [busy, setBusy] = useState(false);
  const phone = usePhone();
  const [form] = Form.useForm<{ opensAt: string; closesAt: string; reason: string }>();

  useEffect(() => {
    if (!published) return setItems([]);
    orderingApi.windows(planId).then(
      (r) => setItems(r.items),
      (e) => message.error(e instanceof ApiError ? e.text(lang) : String(e)),
    );
  }, [planId, published]); // eslint-disable-line react-hooks/exhaustive-deps

  const state = (w: Window) => (new Date(w.closesAt) <= now ? 'closed' : new Date(w.opensAt) <= now ? 'open' : 'upcoming');
  const open = (w: Window) => {
    setEditing(w);
    form.setFieldsValue({ opensAt: toBeijingInput(String(w.opensAt)), closesAt: toBeijingInput(String(w.closesAt)), reason: '' });
  };
  const save = async () => {
    if (!editing) return;
    const v = await form.validateFields();
    setBusy(true);
    try {
      const r = await orderingApi.setWindow(planId, editing.weekday, { opensAt: fromBeijingInput(v.opensAt), closesAt: fromBeijingInput(v.closesAt), reason: v.reason ?? '' });
      setItems(r.items);
      setEditing(null);
      message.success(o.windowSaved);
    } catch (e) {
      message.error(e instanceof ApiError ? e.text(lang) : String(e));
    } finally {
      setBusy(false);
    }
  };
  const day = (w: Window) => `${weekdayLabel(w.weekday, lang)} ${dayLabel(w.orderDate, lang)}`;
  const stateTag = (w: Window) => {
    const s = state(w);
    return <Tag color={s === 'open' ? 'green' : s === 'upcoming' ? 'blue' : 'default'}>{o.windowStates[s]}</Tag>;
  };
  const editButton = (w: Window) => (
    <Button size={phone ? 'middle' : 'small'} onClick={() => open(w)} data-testid={`edit-window-${w.weekday}`} style={phone ? { minHeight: 44 } : undefined}>
      {o.editWindow}
    </Button>
  );

  return (
    <Card size="small" title={o.windowsTitle} data-testid="order-windows">
      {!published ? (
        <Typography.Text type="secondary">{o.windowsDraft}</Typography.Text>
      ) : phone ? (
        // A phone gets one row per day instead of a table that scrolls sideways.
        <List
          size="small"
          dataSource={items}
          renderItem={(w) => (
            <List.Item style={{ paddingInline: 0 }} actions={canManage ? [editButton(w)] : []}>
              <List.Item.Meta
                title={
                  <span>
                    {day(w)} {stateTag(w)} {w.changed && <Tag color="purple">{o.windowChanged}</Tag>}
                  </span>
                }
                description={`${beijingTimeLabel(String(w.opensAt), lang)} – ${beijingTimeLabel(String(w.closesAt), lang)} · ${o.shopsCol} ${w.retailers}`}
              />
            </List.Item>
          )}
        />
      ) : (
        <Table<Window>
          size="small"
          rowKey="weekday"
          pagination={false}
          dataSource={items}
          scroll={{ x: 560 }}
          columns={[
            { title: o.weekdayCol, render: (_: unknown, w) => day(w) },
            { title: o.opensCol, render: (_: unknown, w) => beijingTimeLabel(String(w.opensAt), lang) },
            {
              title: o.closesCol,
              render: (_: unknown, w) => (
                <>
                  {beijingTimeLabel(String(w.closesAt), lang)} {w.changed && <Tag color="purple">{o.windowChanged}</Tag>}
                </>
              ),
            },
            { title: o.shopsCol, dataIndex: 'retailers', align: 'right' },
            { title: o.stateCol, render: (_: unknown, w) => stateTag(w) },
            ...(canManage ? [{ title: '', render: (_: unknown, w: Window) => editButton(w) }] : []),
          ]}
        />
      )}
      <Modal open={!!editing} title={editing ? o.editWindowTitle(day(editing)) : ''} onOk={save} onCancel={() => setEditing(null)} confirmLoading={busy} okText={t.common.save} destroyOnHidden>
        {editing && <Alert type="info" showIcon title={o.windowNotice(editing.retailers)} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical">
          <Form.Item name="opensAt" label={`${o.opensCol} (UTC+8)`} rules={[{ required: true }]}>
            <Input type="datetime-local" data-testid="window-opens" />
          </Form.Item>
          <Form.Item name="closesAt" label={`${o.closesCol} (UTC+8)`} rules={[{ required: true }]}>
            <Input type="datetime-local" data-testid="window-closes" />
          </Form.Item>
          <Form.Item name="reason" label={o.windowReason}>
            <Input.TextArea maxLength={200} rows={2} placeholder={o.windowReasonPlaceholder} data-testid="window-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
