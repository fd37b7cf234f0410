// The old county's card of a shop that moved away (decision 1902): where it
// went, when and why — the forwarding record, nothing of the file.
import type { ReactNode } from 'react';
import { Descriptions, Result } from 'antd';
import { useT } from '../../../i18n/i18n.js';
import type { MovedTo } from './retailer-move-api.js';

export function MovedCard({ movedTo, extra }: { movedTo: MovedTo; extra?: ReactNode }) {
  const { t } = useT();
  const s = t.move;
  return (
    <div data-testid="moved-card">
      <Result
        status="info"
        title={`${s.movedTitle} · ${movedTo.shopName}`}
        subTitle={
          <Descriptions size="small" column={1} style={{ maxWidth: 420, margin: '0 auto', textAlign: 'left' }}>
            <Descriptions.Item label={s.movedTo}>{movedTo.toOrgName}</Descriptions.Item>
            <Descriptions.Item label={s.movedAt}>{movedTo.movedAt}</Descriptions.Item>
            <Descriptions.Item label={s.movedReason}>{movedTo.reason}</Descriptions.Item>
            <Descriptions.Item label={s.newId}>{movedTo.toRetailerId}</Descriptions.Item>
          </Descriptions>
        }
        extra={extra}
      />
    </div>
  );
}
