// The agent's fast intake, built for the keyboard: type a phone tail, customer
// code, shop name or pinyin and press Enter (↑/↓ pick among the matches), pick
// the category and cause, type what the retailer says, Ctrl+Enter logs it.
import { useRef, useState } from 'react';
import { App, Button, Card, Input, List, Select, Space, Typography, type InputRef } from 'antd';
import { useT } from '../../i18n/i18n.js';
import { ApiError } from '../../api/client.js';
import { searchActiveRetailers } from '../../api/endpoints.js';
import type { RetailerListResponse } from '../../../shared/retailer.js';
import { CATEGORY_CODES, DESK_CATEGORIES, type DeskCategory } from '../../../shared/desk.js';
import { deskApi } from './desk-api.js';
import { categoryLabel, deskLabel } from './desk-labels.js';

export function DeskIntake({ onCreated, channel }: { onCreated: (id: number) => void; channel?: 'phone' | 'walk_in' }) {
  const { t, lang } = useT();
  const d = t.desk;
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<RetailerListResponse['items']>([]);
  const [hi, setHi] = useState(0);
  const [category, setCategory] = useState<DeskCategory>('supply');
  const [cause, setCause] = useState<string>('scarce_short');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const searchRef = useRef<InputRef>(null);
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.text(lang) : String(e));
  const shop = results[hi];

  const search = async () => {
    if (!q.trim()) return;
    try {
      const r = await searchActiveRetailers(q, 6);
      setResults(r.items);
      setHi(0);
      if (!r.items.length) message.warning(d.noMatch);
    } catch (e) {
      fail(e);
    }
  };
  const submit = async () => {
    if (!shop || !text.trim() || busy) return;
    setBusy(true);
    try {
      const c = await deskApi.create({ retailerId: shop.id, category, cause, text, channel });
      message.success(`${d.created} #${c.id}`);
      setText('');
      setResults([]);
      setQ('');
      onCreated(c.id);
      searchRef.current?.focus();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const causes = Object.entries(DESK_CATEGORIES[category].causes) as [string, { zh: string; en: string }][];

  return (
    <Card size="small" title={d.intake} data-testid="desk-intake">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input
          ref={searchRef}
          autoFocus
          id="desk-shop"
          value={q}
          placeholder={d.findShop}
          onChange={(e) => setQ(e.target.value)}
          onPressEnter={() => void search()}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setHi((h) => Math.min(results.length - 1, h + 1));
            if (e.key === 'ArrowUp') setHi((h) => Math.max(0, h - 1));
          }}
        />
        {results.length > 0 && (
          <List
            size="small"
            bordered
            dataSource={results}
            renderItem={(r, i) => (
              <List.Item onClick={() => setHi(i)} style={{ cursor: 'pointer', background: i === hi ? '#e6f4ff' : undefined }} data-testid="desk-shop-option">
                <Typography.Text strong={i === hi}>{r.shopName}</Typography.Text>
                <Typography.Text type="secondary">
                  {r.customerCode} · {r.phone}
                </Typography.Text>
              </List.Item>
            )}
          />
        )}
        <Space wrap>
          <Select
            id="desk-category"
            style={{ width: 150 }}
            value={category}
            onChange={(c: DeskCategory) => {
              setCategory(c);
              setCause(Object.keys(DESK_CATEGORIES[c].causes)[0]);
            }}
            options={CATEGORY_CODES.map((c) => ({ value: c, label: categoryLabel(c, lang) }))}
            aria-label={d.category}
          />
          <Select id="desk-cause" style={{ width: 150 }} value={cause} onChange={setCause} options={causes.map(([k, l]) => ({ value: k, label: l[lang] }))} aria-label={d.cause} />
          <Typography.Text type="secondary">{deskLabel('jurisdiction', DESK_CATEGORIES[category].jurisdiction, lang)}</Typography.Text>
        </Space>
        <Input.TextArea
          id="desk-text"
          rows={3}
          maxLength={2000}
          value={text}
          placeholder={d.textHint}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && e.ctrlKey) void submit();
          }}
        />
        <Button type="primary" onClick={() => void submit()} disabled={!shop || !text.trim()} loading={busy} data-testid="desk-submit">
          {d.submit}
          {shop ? ` · ${shop.shopName}` : ''}
        </Button>
      </Space>
    </Card>
  );
}
