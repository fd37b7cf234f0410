// One disaster: its area and shops on the map, the contact checklist (a grid
// worker ticks their shops on the phone), the help ledger, the rating freeze
// of the affected months and the recovery curve.
import { useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { App, Button, Card, Descriptions, Input, Space, Table, Tag, Typography } from 'antd';
import { careLabels } from '../../../shared/care.js';
import { ApiError } from '../../api/client.js';
import { getOrg } from '../../api/endpoints.js';
import { ErrorResult } from '../../components/error-result.js';
import { useLoad } from '../../components/use-load.js';
import { formatYuan } from '../../../shared/money.js';
import { useT } from '../../i18n/i18n.js';
import { careApi } from './care-api.js';
import { ContactCard } from './contact-card.js';
import { DisasterMap } from './disaster-map.js';
import { pct } from './disasters-page.js';
import { HelpForm } from './help-form.js';
import { RecoveryChart } from './recovery-chart.js';

export function DisasterDetailPage() {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const detail = useLoad(() => careApi.disaster(id), [id]);
  const recovery = useLoad(() => careApi.recovery(id), [id]);
  const org = useLoad(getOrg, []);
  const [months, setMonths] = useState('');
  const shops = useMemo(
    () => (detail.data?.shops ?? []).map((s) => ({ ...s, state: s.contactedAt ? (s.reached ? ('reached' as const) : ('unreached' as const)) : ('none' as const) })),
    [detail.data],
  );
  if (detail.error) return <ErrorResult error={detail.error} onRetry={detail.reload} />;
  const d = detail.data;
  if (!d) return <Card loading />;
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.text(lang) : String(e));
  const freeze = async () => {
    try {
      const list = (months || d.disaster.occurredOn.slice(0, 7)).split(/[,，\s]+/).filter(Boolean);
      const res = await careApi.freeze(id, list);
      message.success(t.care.frozen.replace('{n}', String(res.frozen)));
      if (res.skippedPublished.length) message.warning(t.care.skipped.replace('{m}', res.skippedPublished.join(t.punct.listSep)));
      detail.reload();
    } catch (e) {
      fail(e);
    }
  };
  const s = d.disaster;
  // The stored share is the nightly run's; the curve read now is fresher.
  const latest = recovery.data?.area.at(-1)?.share ?? s.latestShare;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title={<Space wrap><Tag>{careLabels.disaster[s.kind][lang]}</Tag><span data-testid="disaster-title">{s.name}</span><Tag color={s.status === 'open' ? 'orange' : 'green'}>{t.care.status[s.status]}</Tag></Space>}>
        <Descriptions size="small" column={{ xs: 2, sm: 4 }} items={[
          { key: 'o', label: t.care.occurredOn, children: s.occurredOn },
          { key: 'n', label: t.care.contacted, children: `${s.contacted}/${s.shops}` },
          { key: 'h', label: t.care.helpTotal, children: formatYuan(s.helpYuan) },
          { key: 'l', label: t.care.latestShare, children: `${pct(latest)} / ${t.care.level} ${pct(s.recoveryLevel)}` },
        ]} />
        {org.data && <DisasterMap org={org.data} shops={shops} ring={d.ring} drawing={false} height={260} />}
      </Card>

      {d.can.work && (
        <Card size="small" title={t.care.checklist} data-testid="disaster-checklist">
          {d.shops.map((shop) => <ContactCard key={shop.retailerId} disasterId={id} shop={shop} onSaved={detail.reload} />)}
        </Card>
      )}

      <Card size="small" title={t.care.helpLedger} extra={d.can.work && <HelpForm disasterId={id} occurredOn={s.occurredOn} shops={d.shops} onSaved={detail.reload} />}>
        <Table size="small" rowKey="id" dataSource={d.help} pagination={false} scroll={{ x: 640 }} data-testid="help-ledger"
          locale={{ emptyText: t.care.none }}
          columns={[
            { title: t.care.shop, dataIndex: 'shopName' },
            { title: t.care.helpKind, dataIndex: 'kind', render: (k: keyof typeof careLabels.help) => careLabels.help[k][lang] },
            { title: t.care.amount, dataIndex: 'amountYuan', render: (a: number) => (a ? formatYuan(a) : '—') },
            { title: t.care.description, dataIndex: 'description' },
            { title: t.care.approver, dataIndex: 'approverName' },
            { title: t.care.givenOn, dataIndex: 'givenOn' },
          ]} />
      </Card>

      {d.can.manage && (
        <Card size="small" title={t.care.freeze}>
          <Space wrap>
            <Input placeholder={t.care.freezeMonths} value={months} onChange={(e) => setMonths(e.target.value)} style={{ width: 240 }} />
            <Button onClick={() => void freeze()} data-testid="disaster-freeze">{t.care.freeze}</Button>
            {d.freezes.map((f) => <Tag key={f.month} color="blue">{t.care.freezes} {f.month} · {f.shops}</Tag>)}
          </Space>
        </Card>
      )}

      <Card size="small" title={t.care.recovery} data-testid="recovery-card">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t.care.recoveryHint}</Typography.Paragraph>
        {recovery.data && <RecoveryChart data={recovery.data} />}
      </Card>
    </Space>
  );
}
