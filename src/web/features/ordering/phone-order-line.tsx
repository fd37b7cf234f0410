// One product on a phone order screen: its limit and the plain-language
// reason, a stepper for the demand, and the three numbers retailers know:
// 需求量 (asked), 可用量 (limit) and 订购量 (ordered, capped at the limit),
// with the unit price and the line's amount.
import { Card, Space, Tag, Typography } from 'antd';
import { useT } from '../../i18n/i18n.js';
import type { OrderingProduct } from '../../../shared/ordering.js';
import type { SuggestedLine } from '../../../shared/forecast.js';
import { SuggestionHint } from './suggested-order.js';
import { lineFor } from './order-lines.js';
import { CartonStepper } from './carton-stepper.js';
import { formatYuan } from '../../../shared/money.js';
import './phone-order.css';

export function PhoneOrderLine({
  product: p,
  demand,
  onDemand,
  suggestion,
}: {
  product: OrderingProduct;
  demand: number;
  onDemand: (qty: number) => void;
  /** This product's suggested order, shown beside the line (never typed into it). */
  suggestion?: SuggestedLine;
}) {
  const { t, lang } = useT();
  const o = t.ordering;
  const line = lineFor(p, demand);
  const capped = line.orderedQty < line.demandQty;
  return (
    <Card size="small" className="zy-phone-line" data-testid={`line-${p.productId}`}>
      <div className="zy-phone-line-head">
        <Typography.Text strong>{p.name}</Typography.Text>
        <Tag color={p.scarce ? 'red' : 'default'} style={{ marginInlineEnd: 0 }}>
          {p.limitQty === null ? o.noLimit : `${o.available} ${p.limitQty} ${o.cartons}`}
        </Tag>
      </div>
      {p.reason && (
        <Typography.Paragraph type="secondary" className="zy-phone-line-reason" data-testid="limit-reason">
          {lang === 'zh' ? p.reason.zh : p.reason.en}
        </Typography.Paragraph>
      )}
      <div className="zy-phone-line-body">
        <CartonStepper value={demand} onChange={onDemand} label={`${p.name} ${o.demand}`} less={o.less} more={o.more} testId={`stepper-${p.productId}`} />
        <Space size={8} className="zy-phone-line-figures" data-testid={`figures-${p.productId}`}>
          <Figure label={o.demand} value={line.demandQty} />
          <Figure label={o.available} value={p.limitQty ?? '∞'} />
          <Figure label={o.qty} value={line.orderedQty} warn={capped} />
        </Space>
      </div>
      <div className="zy-phone-line-money" data-testid={`money-${p.productId}`}>
        <span>
          <SuggestionHint line={suggestion} />{' '}
          {o.unitPrice} {formatYuan(p.price)}
        </span>
        <span>
          {o.lineAmount} <strong>{formatYuan(line.orderedQty * p.price)}</strong>
        </span>
      </div>
      {capped && (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {o.overLimitKept}
        </Typography.Text>
      )}
    </Card>
  );
}

function Figure({ label, value, warn }: { label: string; value: number | string; warn?: boolean }) {
  return (
    <span className="zy-figure">
      <span className="zy-figure-label">{label}</span>
      <span className={warn ? 'zy-figure-value zy-figure-warn' : 'zy-figure-value'}>{value}</span>
    </span>
  );
}
