// Small labels shown wherever a retailer appears: stars, status, masked hint.
import { Tag, Tooltip } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { labelOf, starLabel } from '../../shared/codes.js';
import { useT } from '../i18n/i18n.js';

export function StarBadge({ star }: { star: number }) {
  const { lang } = useT();
  const label = starLabel(star, lang);
  if (star >= 6) return <Tag color="volcano" style={{ marginInlineEnd: 0 }}>{label}</Tag>;
  if (star <= 0) return <span className="zy-muted">{label}</span>;
  return (
    <span title={label} aria-label={label} style={{ color: '#faad14', letterSpacing: 1, whiteSpace: 'nowrap' }}>
      {'★'.repeat(star)}
    </span>
  );
}

const statusColor: Record<string, string> = { active: 'green', suspended: 'orange', cancelled: 'default' };

export function StatusTag({ status }: { status: string }) {
  const { lang } = useT();
  return (
    <Tag color={statusColor[status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {labelOf('status', status, lang)}
    </Tag>
  );
}

export function MaskedHint() {
  const { t } = useT();
  return (
    <Tooltip title={t.card.maskedHint}>
      <Tag icon={<LockOutlined />} color="default" style={{ marginInlineStart: 6 }} data-testid="masked-hint">
        {t.card.masked}
      </Tag>
    </Tooltip>
  );
}
