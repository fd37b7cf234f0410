// One case beside its linked records: what was asked, the allocation's reason
// (supply), the orders (delivery, ordering) or deductions (settlement), the
// history, and the actions the viewer may take now.
import { formatYuan } from '../../../shared/money.js';
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Checkbox, Descriptions, Drawer, Empty, Input, Select, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { useT, textOf } from '../../i18n/i18n.js';
import { ApiError, type Wire } from '../../api/client.js';
import { RESOLUTIONS, SURVEY_RESULTS, type caseDetailSchema } from '../../../shared/desk.js';
import { deskApi } from './desk-api.js';
import { caseLabel, deskLabel, fmtTime } from './desk-labels.js';
import { DueTag } from './case-list.js';
import { CasePhotos } from './case-photos.js';

type Detail = Wire<typeof caseDetailSchema>;

export function CaseDrawer({ id, onClose, onChanged }: { id: number | null; onClose: () => void; onChanged: () => void }) {
  const { t, lang } = useT();
  const d = t.desk;
  const { message } = App.useApp();
  const [data, setData] = useState<Detail | null>(null);
  const [text, setText] = useState('');
  const [wait, setWait] = useState(false);
  const [resolution, setResolution] = useState<(typeof RESOLUTIONS)[number]>('resolved');
  const [valid, setValid] = useState(false);
  const [handler, setHandler] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    if (id === null) return;
    try {
      setData(await deskApi.detail(id));
    } catch (e) {
      message.error(e instanceof ApiError ? e.text(lang) : String(e));
    }
  }, [id, lang, message]);
  useEffect(() => {
    setData(null);
    setText('');
    void load();
  }, [load]);

  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
      message.success(d.done);
      setText('');
      await load();
      onChanged();
    } catch (e) {
      message.error(e instanceof ApiError ? e.text(lang) : String(e));
    } finally {
      setBusy(false);
    }
  };

  const c = data?.case;
  return (
    <Drawer open={id !== null} onClose={onClose} width={Math.min(720, window.innerWidth)} title={c ? `#${c.id} ${c.shopName}` : ''} destroyOnClose>
      {!data || !c ? (
        <Spin />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="case-detail">
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={d.category} span={2}>
              {caseLabel(c, lang)} <Tag>{deskLabel('jurisdiction', c.jurisdiction, lang)}</Tag> <Tag>{deskLabel('kind', c.kind, lang)}</Tag> <Tag>{deskLabel('segment', c.segment, lang)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={d.text} span={2}>
              <Typography.Text>{c.text}</Typography.Text>
              <CasePhotos base={`/api/desk/cases/${c.id}/photos`} seqs={c.photos} caption={c.channel === 'visit' ? d.visitPhotos : undefined} />
            </Descriptions.Item>
            <Descriptions.Item label={d.handler}>{c.handlerName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={deskLabel('milestone', c.milestone, lang)}>
              {fmtTime(c.dueAt)} <DueTag state={c.dueState} escalation={c.escalation} />
            </Descriptions.Item>
            <Descriptions.Item label={d.status}>{deskLabel('status', c.status, lang)}</Descriptions.Item>
            <Descriptions.Item label={d.channel}>{deskLabel('channel', c.channel, lang)}</Descriptions.Item>
            {c.forwardedAt && (
              <Descriptions.Item label={d.forwarded} span={2}>
                {fmtTime(c.forwardedAt)} {c.forwardRef ?? ''}
              </Descriptions.Item>
            )}
          </Descriptions>

          {data.linked && <LinkedCard linked={data.linked} />}

          {data.can.work && (
            <Card size="small" title={d.reply} data-testid="case-actions">
              <Input.TextArea id="case-text" rows={3} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} />
              <Space wrap style={{ marginTop: 8 }}>
                <Checkbox checked={wait} onChange={(e) => setWait(e.target.checked)}>
                  {d.waitForRetailer}
                </Checkbox>
                <Button type="primary" disabled={!text.trim()} loading={busy} onClick={() => void act(() => deskApi.reply(c.id, { text, waitForRetailer: wait }))} data-testid="case-reply">
                  {d.reply}
                </Button>
                <Button disabled={!text.trim()} onClick={() => void act(() => deskApi.note(c.id, text))}>
                  {d.note}
                </Button>
                <Button onClick={() => void act(() => deskApi.call(c.id, { text, reached: true }))}>{d.call}</Button>
              </Space>
              <Space wrap style={{ marginTop: 8 }}>
                <Select style={{ width: 160 }} value={resolution} onChange={setResolution} options={RESOLUTIONS.map((r) => ({ value: r, label: deskLabel('resolution', r, lang) }))} aria-label={d.resolution} />
                {c.kind === 'complaint' && (
                  <Checkbox checked={valid} onChange={(e) => setValid(e.target.checked)}>
                    {d.valid}
                  </Checkbox>
                )}
                <Button danger loading={busy} onClick={() => void act(() => deskApi.close(c.id, { resolution, text, valid }))} data-testid="case-close">
                  {d.close}
                </Button>
              </Space>
            </Card>
          )}
          {data.can.reassign && data.handlers.length > 0 && (
            <Card size="small" title={d.reassign}>
              <Space wrap>
                <Select style={{ width: 180 }} value={handler ?? undefined} onChange={setHandler} options={data.handlers.map((h) => ({ value: h.id, label: h.name }))} aria-label={d.handler} />
                <Input style={{ width: 220 }} placeholder={d.reassignReason} value={text} onChange={(e) => setText(e.target.value)} maxLength={500} />
                <Button disabled={!handler || !text.trim()} onClick={() => void act(() => deskApi.reassign(c.id, { handlerId: handler!, reason: text }))}>
                  {d.reassign}
                </Button>
              </Space>
            </Card>
          )}
          {data.can.survey && (
            <Card size="small" title={d.survey} data-testid="case-survey">
              <Space wrap>
                {SURVEY_RESULTS.map((r) => (
                  <Button key={r} onClick={() => void act(() => deskApi.survey(c.id, { result: r }))}>
                    {deskLabel('survey', r, lang)}
                  </Button>
                ))}
              </Space>
            </Card>
          )}
          {data.can.reward && (
            <Card size="small" title={d.reward}>
              <Space wrap>
                <Input style={{ width: 240 }} placeholder={d.rewardDesc} value={text} onChange={(e) => setText(e.target.value)} maxLength={200} />
                <Button disabled={!text.trim()} onClick={() => void act(() => deskApi.reward(c.id, { kind: 'points', description: text }))}>
                  {d.reward}
                </Button>
              </Space>
              {data.rewards.map((w) => (
                <div key={w.id}>
                  {deskLabel('reward', w.kind, lang)} · {w.description} · {deskLabel('rewardStatus', w.status, lang)}
                </div>
              ))}
            </Card>
          )}

          <Card size="small" title={d.events}>
            <Timeline
              items={data.events.map((e) => ({
                color: e.type === 'breach' || e.type === 'escalation' ? 'red' : e.type === 'warning' ? 'orange' : e.toRetailer ? 'green' : 'blue',
                children: (
                  <div data-testid={`event-${e.type}`}>
                    <Typography.Text strong>{textOf(d.eventTypes, e.type)}</Typography.Text> <Typography.Text type="secondary">{fmtTime(e.at)} {e.byName ?? ''}</Typography.Text>
                    {e.type === 'survey' && typeof e.detail.result === 'string' && <Tag style={{ marginLeft: 6 }}>{deskLabel('survey', e.detail.result, lang)}</Tag>}
                    {e.text && <div>{e.text}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
        </Space>
      )}
    </Drawer>
  );
}

function LinkedCard({ linked }: { linked: NonNullable<Detail['linked']> }) {
  const { t, lang } = useT();
  const d = t.desk;
  const r = linked.retailer;
  return (
    <Card size="small" title={d.linked} data-testid="case-linked">
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {d.tier} {r.tier} · {'★'.repeat(Math.min(5, r.star))} · {r.classCode} · {r.gridName} {r.workerName ?? ''}
      </Typography.Paragraph>
      {linked.allocation &&
        (linked.allocation.lines.length ? (
          <Table
            size="small"
            pagination={false}
            rowKey="productName"
            dataSource={linked.allocation.lines}
            columns={[
              { title: t.desk.category, dataIndex: 'productName' },
              { title: d.limit, dataIndex: 'limitQty', width: 80 },
              { title: d.sameTier, render: (_, l) => (l.sameTierAvg === null ? '—' : `${l.sameTierAvg}${t.punct.paren(l.sameTierShops)}`), width: 110 },
              { title: d.reason, render: (_, l) => <span data-testid="allocation-reason">{l.reason ? l.reason[lang] : '—'}</span> },
            ]}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ))}
      {linked.orders && (
        <div>
          <Typography.Text strong>{d.orders}</Typography.Text>
          {linked.orders.map((o) => (
            <div key={o.id}>
              {o.orderDate} · {o.totalQty} · {formatYuan(o.totalAmount)} · {o.lines.map((l) => `${l.productName}×${l.orderedQty}`).join(t.punct.listSep)}
            </div>
          ))}
        </div>
      )}
      {linked.deductions && (
        <div>
          <Typography.Text strong>{d.deductions}</Typography.Text>
          {linked.deductions.map((x, i) => (
            <div key={i}>
              {x.orderDate} · {x.status} · {formatYuan(x.amount)} {x.failureReason ?? ''}
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}
