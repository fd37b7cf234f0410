// The suggested order (建议订量) as every ordering screen shows it — the
// retailer's own page, the grid worker's visit order and the call centre:
// a card listing each product's suggestion with why (the forecast's parts,
// an override, or the last orders), capped by the shop's limit, and one
// button that fills only the products not typed yet; and the hint shown
// beside an order line. A typed quantity is never overwritten (decision 1810).
import { Button, Card, List, Space, Tag, Tooltip, Typography } from 'antd';
import { BulbOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/i18n.js';
import type { SuggestedLine } from '../../../shared/forecast.js';
import type { OrderingProduct } from '../../../shared/ordering.js';

const sourceColor = { forecast: 'blue', override: 'purple', history: 'default' } as const;

/** One suggestion's figures and why, in the user's language. */
function useSuggestionText() {
  const { t, lang } = useT();
  return {
    s: t.suggest,
    why: (l: SuggestedLine) => (l.reason ? (lang === 'zh' ? l.reason.zh : l.reason.en) : ''),
  };
}

export function SuggestedOrderCard({
  suggested,
  products,
  typed,
  onFill,
  compact = false,
  shortcut,
}: {
  suggested: SuggestedLine[];
  products: Map<number, OrderingProduct>;
  /** Demand already on the order per product (0 or undefined = empty). */
  typed: (productId: number) => number | undefined;
  onFill: () => void;
  /** Desk layout: the why in a tooltip instead of under each line. */
  compact?: boolean;
  /** A keyboard shortcut that does the same, shown on the button. */
  shortcut?: string;
}) {
  const { s, why } = useSuggestionText();
  const shown = suggested.filter((l) => products.has(l.productId));
  const empty = shown.filter((l) => l.qty > 0 && !((typed(l.productId) ?? 0) > 0)).length;
  const fillButton = (
    <Button size={compact ? 'small' : 'middle'} type="primary" ghost disabled={!empty} onClick={onFill} data-testid="take-suggested">
      {shortcut ? `${s.fill} (${shortcut})` : s.fill}
    </Button>
  );
  return (
    <Card
      size="small"
      data-testid="suggested-order"
      title={
        <Space size={6}>
          <BulbOutlined style={{ color: '#d48806' }} />
          {s.title}
        </Space>
      }
      extra={
        // On a phone a tooltip would stay open after the tap: the hint is a line of text there instead.
        compact ? (
          <Tooltip title={s.fillHint}>{fillButton}</Tooltip>
        ) : (
          fillButton
        )
      }
    >
      {!compact && shown.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginBottom: 4 }}>
          {s.fillHint}
        </Typography.Text>
      )}
      {shown.length === 0 ? (
        <Typography.Text type="secondary">{s.none}</Typography.Text>
      ) : (
        <List
          size="small"
          split={false}
          dataSource={shown}
          renderItem={(l) => {
            const had = typed(l.productId) ?? 0;
            return (
              <List.Item style={{ display: 'block', paddingInline: 0, paddingBlock: 4 }} data-testid={`suggestion-${l.productId}`}>
                <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 6 }}>
                  <Typography.Text strong style={{ flex: '1 1 auto', minWidth: 0 }}>
                    {products.get(l.productId)!.name}
                  </Typography.Text>
                  <Tag color="gold" style={{ marginInlineEnd: 0 }} data-testid={`suggestion-qty-${l.productId}`}>
                    {s.qty(l.qty)}
                  </Tag>
                  {l.capped && (
                    <Tag color="red" style={{ marginInlineEnd: 0 }}>
                      {s.capped}
                    </Tag>
                  )}
                  {l.source && (
                    <Tag color={sourceColor[l.source]} style={{ marginInlineEnd: 0 }}>
                      {s.source[l.source]}
                    </Tag>
                  )}
                  {had > 0 && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {s.typed(had)}
                    </Typography.Text>
                  )}
                  {compact && l.reason && (
                    <Tooltip title={why(l)}>
                      <Typography.Link style={{ fontSize: 12 }}>{s.why}</Typography.Link>
                    </Tooltip>
                  )}
                </div>
                {!compact && l.reason && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', overflowWrap: 'anywhere' }} data-testid={`suggestion-why-${l.productId}`}>
                    {why(l)}
                  </Typography.Text>
                )}
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}

/** Beside an order line: the suggestion for that product, with why on hover or tap. */
export function SuggestionHint({ line }: { line: SuggestedLine | undefined }) {
  const { s, why } = useSuggestionText();
  if (!line) return null;
  return (
    <Tooltip title={why(line)} trigger={['hover', 'click']}>
      <Tag color="gold" icon={<BulbOutlined />} style={{ marginInlineEnd: 0, cursor: 'help' }} data-testid={`line-suggestion-${line.productId}`}>
        {s.qty(line.qty)}
        {line.capped ? ` · ${s.capped}` : ''}
      </Tag>
    </Tooltip>
  );
}
