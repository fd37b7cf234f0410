// The call centre: an open round's shops still to answer (never the caller's
// own, as the rated client manager), the questionnaire read out on the phone
// and entered here.
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useT } from '../../i18n/i18n.js';
import { ApiError, type Wire } from '../../api/client.js';
import type { callListSchema } from '../../../shared/surveys.js';
import { AnswerForm } from './answer-form.js';
import { surveysApi, type RoundItem } from './surveys-api.js';

type Calls = Wire<typeof callListSchema>;

export function SurveyCallsPage() {
  const { t, lang } = useT();
  const s = t.surveys;
  const { message } = App.useApp();
  const [rounds, setRounds] = useState<RoundItem[] | null>(null);
  const [roundId, setRoundId] = useState<number | null>(null);
  const [calls, setCalls] = useState<Calls | null>(null);
  const [shop, setShop] = useState<Calls['items'][number] | null>(null);
  const [note, setNote] = useState('');
  const fail = useCallback((e: unknown) => message.error(e instanceof ApiError ? e.text(lang) : String(e)), [lang, message]);
  useEffect(() => {
    surveysApi.rounds().then((r) => {
      const open = r.items.filter((x) => x.status === 'open');
      setRounds(open);
      if (open.length) setRoundId(open[0].id);
    }, fail);
  }, [fail]);
  const load = useCallback(async () => {
    if (roundId === null) return;
    try {
      setCalls(await surveysApi.calls(roundId));
    } catch (e) {
      fail(e);
    }
  }, [roundId, fail]);
  useEffect(() => void load(), [load]);

  if (rounds !== null && rounds.length === 0) return <Empty description={s.noRounds} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {s.calls}
      </Typography.Title>
      <Select style={{ minWidth: 280 }} value={roundId ?? undefined} placeholder={s.pickRound} onChange={(v) => { setRoundId(v); setShop(null); }} options={(rounds ?? []).map((r) => ({ value: r.id, label: r.name }))} data-testid="call-round" />
      {shop && calls ? (
        <Card size="small" title={`${shop.shopName} · ${shop.phone}`} extra={<Button onClick={() => setShop(null)}>×</Button>} data-testid="call-card">
          <AnswerForm
            key={shop.retailerId}
            def={calls.definition}
            extra={<Input placeholder={s.note} value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />}
            onSubmit={async (answers) => {
              const r = await surveysApi.recordCall(calls.round.id, { retailerId: shop.retailerId, answers, note });
              message.success(`${s.recorded} ${r.score ?? '—'}`);
              setShop(null);
              setNote('');
              await load();
            }}
          />
        </Card>
      ) : (
        <Table
          size="small"
          rowKey="retailerId"
          dataSource={calls?.items ?? []}
          pagination={{ pageSize: 20 }}
          locale={{ emptyText: s.noCalls }}
          data-testid="call-list"
          columns={[
            { title: s.toCall, dataIndex: 'shopName', render: (v: string, r) => <span>{v} <Typography.Text type="secondary">{r.customerCode}</Typography.Text></span> },
            { title: s.phone, dataIndex: 'phone' },
            { title: s.grid, dataIndex: 'gridName', responsive: ['md'] },
            { title: s.invited, dataIndex: 'invited', responsive: ['md'], render: (v: boolean) => (v ? <Tag>{s.invited}</Tag> : null) },
            { title: '', key: 'go', render: (_: unknown, r) => <Button type="primary" size="small" onClick={() => setShop(r)} data-testid={`call-${r.retailerId}`}>{s.call}</Button> },
          ]}
        />
      )}
    </Space>
  );
}
