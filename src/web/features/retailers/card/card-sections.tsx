// The card's 基本信息 and 经营信息 sections.
import { Card, Descriptions } from 'antd';
import { labelOf } from '../../../../shared/codes.js';
import type { RetailerCard } from '../../../../shared/retailer.js';
import { MaskedHint } from '../../../components/retailer-tags.js';
import { useT } from '../../../i18n/i18n.js';
import { daysUntil } from './card-dates.js';

const COLUMNS = { xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 2 };

export function BasicSection({ card, today }: { card: RetailerCard; today: Date }) {
  const { t } = useT();
  const dash = t.common.dash;
  const expired = !!card.licenceValidUntil && daysUntil(card.licenceValidUntil, today) < 0;
  return (
    <Card size="small" title={t.card.basic} data-testid="section-basic">
      <Descriptions
        size="small"
        column={COLUMNS}
        items={[
          { key: 'licence', label: t.fields.licenceNo, children: card.licenceNo },
          { key: 'legal', label: t.fields.legalPerson, children: card.legalPerson },
          {
            key: 'phone',
            label: t.fields.phone,
            children: (
              <span data-testid="card-phone">
                {card.phone ? <a href={card.masked.phone ? undefined : `tel:${card.phone}`}>{card.phone}</a> : dash}
                {card.masked.phone && <MaskedHint />}
              </span>
            ),
          },
          {
            key: 'id',
            label: t.fields.legalPersonIdNo,
            children: (
              <span>
                {card.legalPersonIdNo ?? dash}
                {card.masked.idNumber && card.legalPersonIdNo && <MaskedHint />}
              </span>
            ),
          },
          { key: 'address', label: t.fields.address, span: 'filled', children: <span data-testid="card-address">{card.address}</span> },
          {
            key: 'valid',
            label: t.card.licenceValidUntil,
            children: card.licenceValidUntil ? (
              <span className={expired ? 'zy-failed' : undefined}>
                {card.licenceValidUntil}
                {expired && `${t.punct.paren(t.card.licenceExpired)}`}
              </span>
            ) : (
              dash
            ),
          },
          { key: 'opened', label: t.card.openedOn, children: card.openedOn ?? dash },
          { key: 'station', label: t.card.station, children: card.stationName },
          { key: 'grid', label: t.card.grid, children: card.gridName },
          { key: 'worker', label: t.card.worker, children: card.workerName ?? t.card.noWorker },
        ]}
      />
    </Card>
  );
}

export function BusinessSection({ card }: { card: RetailerCard }) {
  const { t, lang } = useT();
  const status = card.lastSettlementStatus;
  return (
    <Card size="small" title={t.card.business} data-testid="section-business">
      <Descriptions
        size="small"
        column={COLUMNS}
        items={[
          { key: 'format', label: t.fields.businessFormat, children: labelOf('businessFormat', card.businessFormat, lang) },
          { key: 'district', label: t.fields.districtType, children: labelOf('districtType', card.districtType, lang) },
          { key: 'network', label: t.fields.network, children: labelOf('network', card.network, lang) },
          { key: 'orderDay', label: t.card.orderDay, children: labelOf('weekday', card.orderWeekday, lang) },
          {
            key: 'esettle',
            label: t.fields.eSettlement,
            children: card.eSettlement ? t.card.eSettlementOn : <span className="zy-muted">{t.card.eSettlementOff}</span>,
          },
          { key: 'method', label: t.card.settlementMethod, children: labelOf('settlementMethod', card.settlementMethod, lang) },
          {
            key: 'last',
            label: t.card.lastSettlement,
            children: status ? (
              <span className={status === 'failed' ? 'zy-failed' : undefined} data-testid="card-last-settlement">
                {labelOf('settlementStatus', status, lang)}
              </span>
            ) : (
              t.common.dash
            ),
          },
          { key: 'image', label: t.fields.storeImage, children: <span data-testid="card-store-image">{labelOf('storeImage', card.storeImage, lang)}</span> },
          { key: 'area', label: t.fields.storeAreaM2, children: card.storeAreaM2 != null ? t.card.area(card.storeAreaM2) : t.common.dash },
        ]}
      />
    </Card>
  );
}
