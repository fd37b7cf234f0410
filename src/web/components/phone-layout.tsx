// Phone layouts: whether the screen is phone-narrow (below antd's md
// breakpoint, as the settlement cards decide), and a compact run of
// "label value" figures that wraps instead of widening a card.
import type { ReactNode } from 'react';
import { Grid, Space, Typography } from 'antd';

export function usePhone(): boolean {
  return !Grid.useBreakpoint().md;
}

export function Figures({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <Space size={[12, 2]} wrap style={{ fontSize: 12 }}>
      {items.map((f) => (
        <span key={f.label} style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {f.label}
          </Typography.Text>{' '}
          {f.value}
        </span>
      ))}
    </Space>
  );
}
