import type { ReactNode } from 'react';
import { Drawer, Grid, Space } from 'antd';

/**
 * A form in a drawer from the right: `width` on a desk, the whole screen on a phone, the form's buttons
 * right-aligned in the footer, and the form thrown away on close (nothing half-typed comes back).
 */
export function FormDrawer({ title, width, onClose, actions, children }: { title: ReactNode; width: number; onClose: () => void; actions: ReactNode; children: ReactNode }) {
  const screens = Grid.useBreakpoint();
  return (
    <Drawer open title={title} size={screens.md ? width : '100%'} onClose={onClose} destroyOnHidden footer={<Space style={{ display: 'flex', justifyContent: 'flex-end' }}>{actions}</Space>}>
      {children}
    </Drawer>
  );
}
