// One month's rating in plain words: the result, why it changed (each item's
// input, points and weight against last month, biggest movers first) and
// what it takes to reach the next star and tier. Used on the retailer's own
// page and, compact, in the grid worker's retailer card.
import { Alert, Card, Descriptions, List, Space, Table, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import type { RetailerRatingView } from '../../../shared/rating-view.js';
import { starLabel } from '../../../shared/codes.js';
import { StarBadge } from '../../components/retailer-tags.js';
import { useT } from '../../i18n/i18n.js';
import { labelOf } from '../../../shared/codes.js';
import { textOf } from '../../i18n/i18n.js';
import { usePhone } from '../../components/phone-layout.js';

type Props = { rating: RetailerRatingView; compact?: boolean };

export function Delta({ value }: { value: number }) {
  const v = Math.round(value * 10) / 10;
  if (v === 0) return <span className="zy-muted">0</span>;
  return v > 0 ? (
    <span style={{ color: '#389e0d', whiteSpace: 'nowrap' }}>
      <ArrowUpOutlined /> +{v}
    </span>
  ) : (
    <span style={{ color: '#cf1322', whiteSpace: 'nowrap' }}>
      <ArrowDownOutlined /> {v}
    </span>
  );
}

export function RatingHeadline({ rating, compact }: { rating: RetailerRatingView; compact?: boolean }) {
  const { t, lang } = useT();
  return (
    <Descriptions size="small" column={compact ? 2 : { xs: 2, sm: 3, md: 5 }} data-testid="rating-headline">
      <Descriptions.Item label={t.rating.month}>{t.rating.monthOf(rating.month)}</Descriptions.Item>
      <Descriptions.Item label={t.rating.starMove}>
        <StarBadge star={rating.star} /> <span style={{ marginInlineStart: 6 }}>{t.rating.points(rating.score)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t.rating.tier}>
        {t.rating.tierValue(rating.tier)} {rating.tierChangedByHand && <Tag>{t.rating.tierByHand}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label={t.rating.classCode}>{rating.classCode}</Descriptions.Item>
      <Descriptions.Item label={t.rating.segment}>{rating.segmentLabel[lang]}</Descriptions.Item>
    </Descriptions>
  );
}

export function WhyChanged({ rating, compact }: Props) {
  const { t, lang } = useT();
  const phone = usePhone();
  const change = rating.change;
  if (!change) return <Alert type="info" showIcon title={t.rating.whyFirst} />;
  const rows = compact ? change.items.filter((i) => i.delta !== 0).slice(0, 4) : change.items;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={8} data-testid="rating-why">
      <Alert
        type={change.star < change.prevStar ? 'warning' : change.star > change.prevStar ? 'success' : 'info'}
        showIcon
        title={change.summary[0][lang]}
        description={change.summary.length > 1 ? change.summary.slice(1).map((s) => <div key={s.zh}>{s[lang]}</div>) : undefined}
      />
      {phone && !compact ? (
        <WhyList rows={rows} />
      ) : compact ? (
        <List
          size="small"
          dataSource={rows}
          renderItem={(i) => (
            <List.Item extra={<Delta value={i.delta} />}>
              <span>
                {i.text[lang]}
                {i.cause && <CauseLine cause={i.cause} prev={i.prevCause} />}
              </span>
            </List.Item>
          )}
        />
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 560 }}
          columns={[
            { title: t.rating.item, key: 'label', render: (_, i) => i.label[lang] },
            {
              title: t.rating.input,
              key: 'input',
              render: (_, i) => (
                <span>
                  {i.valueText[lang]} <span className="zy-muted">{t.punct.paren(`${t.rating.lastMonth} ${i.prevValueText[lang]}`)}</span>
                  {i.cause && <CauseLine cause={i.cause} prev={i.prevCause} />}
                </span>
              ),
            },
            { title: t.rating.itemPoints, key: 'points', align: 'right', render: (_, i) => `${i.points}${t.punct.paren(`${t.rating.lastMonth} ${i.prevPoints}`)}` },
            { title: t.rating.weight, key: 'max', align: 'right', render: (_, i) => i.max },
            { title: t.rating.delta, key: 'delta', align: 'right', render: (_, i) => <Delta value={i.delta} /> },
          ]}
          expandable={{ expandedRowRender: (i) => <Typography.Text type="secondary">{i.text[lang]}</Typography.Text>, rowExpandable: () => true }}
        />
      )}
    </Space>
  );
}

type WhyItem = NonNullable<RetailerRatingView['change']>['items'][number];

/** On a phone each scoring item is a row of its own — its points out of the most, the change, and why (the sentence
 * names this month's and last month's figures) — instead of a table scrolling in a box. */
function WhyList({ rows }: { rows: WhyItem[] }) {
  const { t, lang } = useT();
  return (
    <List
      size="small"
      bordered
      dataSource={rows}
      data-testid="rating-why-list"
      renderItem={(i) => (
        <List.Item style={{ display: 'block' }} data-testid="why-item">
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 8 }}>
            <strong>{i.label[lang]}</strong>
            <Delta value={i.delta} />
          </div>
          <div>
            <Typography.Text type="secondary">{t.rating.itemPoints}{t.punct.colon}</Typography.Text>
            {`${i.points} / ${i.max}`}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {i.text[lang]}
          </Typography.Text>
          {i.cause && <CauseLine cause={i.cause} prev={i.prevCause} />}
        </List.Item>
      )}
    />
  );
}

/** Where a judged value comes from (the compliance assessment), this month and last. */
function CauseLine({ cause, prev }: { cause: { zh: string; en: string }; prev: { zh: string; en: string } | null }) {
  const { t, lang } = useT();
  return (
    <div className="zy-muted" style={{ fontSize: 12 }} data-testid="item-cause">
      {cause[lang]}
      {prev && prev.zh !== cause.zh && (
        <div>
          {t.rating.lastMonth}{t.punct.colon}{prev[lang]}
        </div>
      )}
    </div>
  );
}

/** The tier's window and what the monthly cap did this month. */
export function TierNotes({ rating }: { rating: RetailerRatingView }) {
  const { t, lang } = useT();
  if (rating.tierNotes.length === 0) return null;
  return (
    <Alert
      type={rating.tierNotes.length > 1 ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 8 }}
      title={t.rating.tierNotes}
      description={rating.tierNotes.map((n) => (
        <div key={n.zh}>{n[lang]}</div>
      ))}
      data-testid="tier-notes"
    />
  );
}

export function WhatItTakes({ rating, compact }: Props) {
  const { t, lang } = useT();
  const s = rating.nextStar;
  const tier = rating.nextTier;
  const limit = compact ? 3 : 8;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12} data-testid="rating-next">
      {s.targetStar === null ? (
        <Alert type="success" showIcon title={t.rating.topStar} />
      ) : (
        <div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t.rating.nextStarTitle(starLabel(s.targetStar, lang))} <Tag color="orange">{t.rating.gap(s.gap)}</Tag>
          </Typography.Title>
          {s.options.length === 0 ? (
            <Typography.Text type="secondary">{t.rating.noOption}</Typography.Text>
          ) : (
            <List
              size="small"
              bordered
              dataSource={s.options.slice(0, limit)}
              renderItem={(o, k) => (
                <List.Item data-testid="star-option">
                  <List.Item.Meta
                    title={
                      <span>
                        {t.rating.option} {k + 1}{t.punct.colon}{o.text[lang]}
                      </span>
                    }
                    description={`${o.detail[lang]}${t.punct.semicolon}${t.rating.afterOption(o.newScore, starLabel(o.newStar, lang))}`}
                  />
                </List.Item>
              )}
            />
          )}
        </div>
      )}
      {!compact && tier && (
        <div>
          {tier.targetTier === null ? (
            <Alert type="success" showIcon title={t.rating.topTier} />
          ) : (
            <>
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {t.rating.nextTierTitle(tier.targetTier)} <Tag color="blue">{t.rating.gap(tier.gap)}</Tag>
              </Typography.Title>
              {tier.options.length === 0 ? (
                <Typography.Text type="secondary">{t.rating.noOption}</Typography.Text>
              ) : (
                <List
                  size="small"
                  bordered
                  dataSource={tier.options}
                  renderItem={(o, k) => (
                    <List.Item data-testid="tier-option">
                      <List.Item.Meta
                        title={
                          <span>
                            {t.rating.option} {k + 1}{t.punct.colon}{o.text[lang]}
                          </span>
                        }
                        description={`${o.detail[lang]}${t.punct.semicolon}${t.rating.afterTier(o.newTier)}`}
                      />
                    </List.Item>
                  )}
                />
              )}
            </>
          )}
        </div>
      )}
    </Space>
  );
}

export function ServicePackageCard({ rating }: { rating: RetailerRatingView }) {
  const { t, lang } = useT();
  const p = rating.servicePackage;
  return (
    <Card size="small" title={`${t.rating.servicePackage}${t.punct.paren(rating.segmentLabel[lang])}`} data-testid="rating-package">
      <Space wrap>
        <Tag>{t.rating.visits(p.visitsPerMonth)}</Tag>
        <Tag>{t.rating.callback(p.callbackHours)}</Tag>
        <Tag>{t.rating.priority(p.scarceSupplyPriority)}</Tag>
        <Tag>{t.rating.training(p.trainingPerYear)}</Tag>
        {p.support.map((x) => (
          <Tag key={x.zh} color="blue">
            {x[lang]}
          </Tag>
        ))}
      </Space>
      {rating.segmentLevels && (
        <div style={{ marginTop: 8 }}>
          {Object.entries(rating.segmentLevels).map(([k, v]) => (
            <Tag key={k} color={v === 'high' ? 'green' : v === 'mid' ? 'gold' : 'red'}>
              {textOf(t.rating.dims, k)}{t.punct.colon}{labelOf('level', v, lang)}
            </Tag>
          ))}
        </div>
      )}
    </Card>
  );
}
