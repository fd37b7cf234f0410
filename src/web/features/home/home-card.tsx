// One home item: its title, its number (a count, a share with a bar, or
// money), what it means, and the first rows behind it; the card and each row
// open the screen where it is handled. The rows and the bar are plain boxes,
// not antd's List (which brings its pagination and select) and Progress: this
// is the first screen after login (issue 13: the first load stays under 350 kB).
import type { CSSProperties } from 'react';
import { Button, Card, Space, Tag, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/i18n.js';
import { homeTagText, homeText, type HomeTag } from '../../../shared/home-items.js';
import { formatDate, formatDateTime, formatNumber } from '../../../shared/format.js';
import { formatYuan } from '../../../shared/money.js';
import type { HomeItemWire, HomeRowWire } from './home-api.js';

export const TONE_COLOR: Record<HomeItemWire['tone'], string> = { danger: '#cf1322', warning: '#d46b08', normal: '#1f1f1f', good: '#389e0d' };

const TAG_COLOR: Partial<Record<HomeTag, string>> = {
  breached: 'red',
  failed: 'red',
  missed: 'orange',
  warning: 'orange',
  due_today: 'gold',
  not_ordered: 'gold',
  retrying: 'blue',
  today: 'magenta',
  lunar: 'purple',
  ordered: 'green',
  published: 'green',
  done: 'green',
  open: 'blue',
  running: 'processing',
  queued: 'default',
  draft: 'orange',
  survey: 'orange',
  limit: 'geekblue',
};

/** A moment as the home says it: the time alone when it is today, else the day and time (China time). */
function when(at: string, today: string): string {
  const s = formatDateTime(at);
  return s.startsWith(today) ? s.slice(11) : s.slice(5);
}

function RowLine({ row, today, unit, onOpen }: { row: HomeRowWire; today: string; unit: string | null; onOpen: () => void }) {
  const { lang } = useT();
  const right: string[] = [];
  const value = (n: number) => `${formatNumber(n)}${unit ? ` ${unit}` : ''}`;
  if (row.value != null) right.push(row.total != null ? `${formatNumber(row.value)} / ${value(row.total)}` : value(row.value));
  if (row.amount != null) right.push(formatYuan(row.amount));
  if (row.date && row.date !== row.label) right.push(formatDate(row.date).slice(5));
  if (row.at) right.push(when(row.at, today));
  return (
    <div role="listitem" className="zy-home-row" onClick={onOpen}>
      <div style={{ minWidth: 0, flex: 1 }}>
        <Typography.Text strong ellipsis style={{ display: 'block' }}>
          {row.label}
        </Typography.Text>
        {row.sub && (
          <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
            {row.sub}
          </Typography.Text>
        )}
      </div>
      <Space size={4} style={{ flex: 'none', marginLeft: 8 }}>
        {right.length > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {right.join(' · ')}
          </Typography.Text>
        )}
        {row.tag && (
          <Tag color={TAG_COLOR[row.tag]} style={{ marginInlineEnd: 0 }}>
            {homeTagText(row.tag, lang)}
          </Tag>
        )}
      </Space>
    </div>
  );
}

/** The done share of an item as a thin bar. */
function ShareBar({ percent, color }: { percent: number; color: string }) {
  const p = Math.max(0, Math.min(100, percent));
  return (
    <div role="progressbar" aria-valuenow={p} aria-valuemin={0} aria-valuemax={100} className="zy-share-bar">
      <div style={{ width: `${p}%`, background: color }} />
    </div>
  );
}

export function HomeCard({ item, today, rows = 5 }: { item: HomeItemWire; today: string; rows?: number }) {
  const { t, lang } = useT();
  const h = t.home;
  const navigate = useNavigate();
  const text = homeText(item.key, lang);
  const tone = item.tone ?? 'normal';
  const color = TONE_COLOR[tone];
  const unit = item.unit ?? 'count';
  const number = unit === 'yuan' ? formatYuan(item.count) : unit === 'percent' ? `${formatNumber(item.count, 1)}%` : formatNumber(item.count);
  const total = item.total ?? null;
  const list = item.rows ?? [];
  const shown = list.slice(0, rows);
  const bigStyle: CSSProperties = { fontSize: 28, fontWeight: 600, lineHeight: 1.2, color };
  return (
    <Card
      size="small"
      data-testid={`home-item-${item.key}`}
      style={{ height: '100%', borderTop: `3px solid ${tone === 'normal' ? '#d9d9d9' : color}` }}
      title={
        <Space size={6}>
          <span>{text.title}</span>
          {item.tag && <Tag color={TAG_COLOR[item.tag]}>{homeTagText(item.tag, lang)}</Tag>}
        </Space>
      }
      extra={
        <Button type="link" size="small" onClick={() => navigate(item.link)} data-testid={`home-open-${item.key}`} style={{ paddingInline: 0 }}>
          {item.group === 'figures' ? h.view : h.open} <RightOutlined />
        </Button>
      }
    >
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 8, flexWrap: 'wrap' }}>
        <span style={bigStyle} data-testid={`home-count-${item.key}`}>
          {number}
        </span>
        {total != null && <Typography.Text type="secondary">/ {formatNumber(total)}</Typography.Text>}
        {item.extra != null && item.extra > 0 && text.extra && (
          <Typography.Text type={item.extra > 0 && tone === 'danger' ? 'danger' : 'secondary'}>
            {text.extra} {formatNumber(item.extra)}
          </Typography.Text>
        )}
      </div>
      {(item.date || item.at) && (
        <div data-testid={`home-when-${item.key}`}>
          <Typography.Text>
            {[item.date ? formatDate(item.date) : null, item.at ? `${item.tag === 'upcoming' ? h.opens : h.due} ${when(item.at, today)}` : null].filter(Boolean).join(' · ')}
          </Typography.Text>
        </div>
      )}
      {total != null && total > 0 && <ShareBar percent={Math.round((100 * item.count) / total)} color={tone === 'good' ? '#389e0d' : '#1f5f9e'} />}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {text.hint}
      </Typography.Text>
      {shown.length > 0 && (
        <div role="list" style={{ marginTop: 6 }}>
          {shown.map((row, k) => (
            <RowLine key={k} row={row} today={today} unit={text.unit} onOpen={() => navigate(row.link ?? item.link)} />
          ))}
        </div>
      )}
      {list.length > shown.length && (
        <Button type="link" size="small" onClick={() => navigate(item.link)} style={{ paddingInline: 0 }}>
          {/* Rows that each stand for one counted thing say how many more; rows that group them (a worker, a person) just lead on. */}
          {list.every((r) => r.value != null) ? h.seeAll : h.more(item.count - shown.length)}
        </Button>
      )}
      {item.group === 'todo' && item.count === 0 && shown.length === 0 && (
        <div style={{ marginTop: 6 }}>
          <Typography.Text type="secondary">{total ? h.allDone : h.nothingDue}</Typography.Text>
        </div>
      )}
    </Card>
  );
}
