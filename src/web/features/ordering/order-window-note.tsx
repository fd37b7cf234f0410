// Where a shop stands with its order window, said with dates: the order week
// ("第49周 11月30日–12月6日"), the order day, and when the window closes or
// opens, in Beijing time (windows are set in Beijing time, whatever the
// browser's clock says).
import type { CSSProperties } from 'react';
import { Alert } from 'antd';
import { useT } from '../../i18n/i18n.js';
import type { RetailerOrdering } from '../../../shared/ordering.js';
import { beijingTimeLabel, dayLabel, weekLabel, weekdayLabel } from '../../../shared/periods.js';

export function OrderWindowNote({ window: w, orderWeekday, style }: { window: RetailerOrdering['window']; orderWeekday: number; style?: CSSProperties }) {
  const { t, lang } = useT();
  const o = t.ordering;
  if (!w) return <Alert type="warning" showIcon title={o.windowNoneFor(weekdayLabel(orderWeekday, lang))} style={style} data-testid="order-window" />;
  const at = (iso: string) => beijingTimeLabel(iso, lang);
  const head = `${o.weekOf(weekLabel(w.weekStart, lang))} · ${o.orderDay(weekdayLabel(orderWeekday, lang), dayLabel(w.orderDate, lang))}`;
  return (
    <Alert
      type={w.open ? 'success' : 'info'}
      showIcon
      title={w.open ? o.windowOpenUntil(at(w.closesAt)) : o.windowOpensAt(at(w.opensAt), at(w.closesAt))}
      description={head}
      style={style}
      data-testid="order-window"
    />
  );
}
