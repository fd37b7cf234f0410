// One shop of a disaster on the worker's phone: reached? safe? damaged? losses.
import { useState } from 'react';
import { App, Button, Checkbox, Input, InputNumber, Space, Tag, Typography } from 'antd';
import { ApiError } from '../../api/client.js';
import { useT } from '../../i18n/i18n.js';
import { careApi, type AffectedShop } from './care-api.js';

export function ContactCard({ disasterId, shop, onSaved }: { disasterId: number; shop: AffectedShop; onSaved: () => void }) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [reached, setReached] = useState(shop.reached ?? false);
  const [safe, setSafe] = useState(shop.safe ?? false);
  const [damaged, setDamaged] = useState(shop.damaged ?? false);
  const [losses, setLosses] = useState<number | null>(shop.lossesYuan);
  const [note, setNote] = useState(shop.lossesNote);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await careApi.contact(disasterId, shop.retailerId, { reached, safe: reached ? safe : null, damaged: reached ? damaged : null, lossesYuan: reached && damaged ? losses : null, lossesNote: note });
      message.success(t.care.saved);
      onSaved();
    } catch (e) {
      message.error(e instanceof ApiError ? e.text(lang) : String(e));
    } finally {
      setBusy(false);
    }
  };
  const state = shop.contactedAt ? (shop.reached ? <Tag color="green">{t.care.reached}</Tag> : <Tag>{t.care.notReached}</Tag>) : <Tag color="red">{t.care.notContacted}</Tag>;
  return (
    <div className="zy-care-shop" data-testid={`contact-${shop.retailerId}`}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <div>
          <Typography.Text strong>{shop.shopName}</Typography.Text>
          <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{shop.address} · {shop.gridName}{shop.workerName ? ` · ${shop.workerName}` : ''}</Typography.Text></div>
        </div>
        {state}
      </Space>
      <Space wrap size={[16, 0]} style={{ marginTop: 6 }}>
        <Checkbox checked={reached} onChange={(e) => setReached(e.target.checked)} data-testid="contact-reached">{t.care.reached}</Checkbox>
        <Checkbox checked={safe} disabled={!reached} onChange={(e) => setSafe(e.target.checked)} data-testid="contact-safe">{t.care.safe}</Checkbox>
        <Checkbox checked={damaged} disabled={!reached} onChange={(e) => setDamaged(e.target.checked)} data-testid="contact-damaged">{t.care.damaged}</Checkbox>
      </Space>
      {reached && damaged && (
        <Space.Compact style={{ width: '100%', marginTop: 6 }}>
          <InputNumber min={0} max={10_000_000} value={losses} onChange={(v) => setLosses(v)} placeholder={t.care.losses} style={{ width: 140 }} data-testid="contact-losses" />
          <Input value={note} onChange={(e) => setNote(e.target.value)} maxLength={300} placeholder={t.care.lossesNote} />
        </Space.Compact>
      )}
      <div style={{ marginTop: 8, textAlign: 'right' }}>
        <Button type="primary" loading={busy} onClick={() => void save()} data-testid="contact-save">{t.care.save}</Button>
      </div>
    </div>
  );
}
