// One photo picked on the phone or desktop, kept as a data URL for the request;
// the preview is an <img> of the picked file, never HTML.
import { Button, Space, Typography } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useRef } from 'react';
import { useT } from '../../i18n/i18n.js';
import { readAsDataUrl } from './care-api.js';

export function PhotoPicker({ value, onChange }: { value?: string; onChange: (v: string | undefined) => void }) {
  const { t } = useT();
  const input = useRef<HTMLInputElement>(null);
  return (
    <Space align="center">
      {/* Not the `hidden` attribute: antd's form styles show file inputs as blocks, which overrides it (decision 1023's fix). */}
      <input ref={input} type="file" accept="image/jpeg,image/png,image/webp" style={{ display: 'none' }} data-testid="care-photo-input"
        onChange={(e) => { const f = e.target.files?.[0]; if (f) void readAsDataUrl(f).then(onChange); }} />
      <Button icon={<CameraOutlined />} onClick={() => input.current?.click()}>{t.care.photoPick}</Button>
      {value ? <img src={value} alt="" style={{ height: 48, borderRadius: 4 }} /> : <Typography.Text type="secondary">{t.care.photoHint}</Typography.Text>}
    </Space>
  );
}
