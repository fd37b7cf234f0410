// The editor's live preview: the unsaved text as a real shop would read it,
// the SMS as the phone shows it (signature first), its length and parts, a
// warning past one part and an error past the provider's limit. The figures
// are the server's (domain/notices/sms-length.ts), never counted here.
import { Alert, Card, Space, Typography } from 'antd';
import { ApiError } from '../../api/client.js';
import { useT } from '../../i18n/i18n.js';
import { fillMessage } from '../../../shared/plural.js';
import type { TemplatePreview } from './notices-api.js';

export function TemplatePreviewPanel({ preview, error, loading }: { preview: TemplatePreview | null; error: unknown; loading: boolean }) {
  const { t, lang } = useT();
  const s = t.noticeTemplates;
  const problem = error instanceof ApiError ? error : null;
  const extra = problem?.body as { variable?: string; text?: string } | undefined;
  return (
    <Card size="small" title={s.preview} loading={loading && !preview && !error} data-testid="template-preview">
      {problem ? (
        <Alert
          type="error"
          showIcon
          data-testid="template-preview-error"
          message={problem.text(lang)}
          description={extra?.variable ? fillMessage(s.badVariable, { v: `\${${extra.variable}}` }) : extra?.text ? fillMessage(s.badText, { v: extra.text }) : undefined}
        />
      ) : preview ? (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Typography.Text type="secondary">{fillMessage(s.previewWith, { shop: preview.shopName })}</Typography.Text>
          <Typography.Text strong data-testid="template-preview-title">{preview.title}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="template-preview-body">{preview.body}</Typography.Paragraph>
          {preview.sms && (
            <>
              <div className="zy-sms-bubble" data-testid="template-preview-sms">{preview.sms.text}</div>
              <Alert
                type={preview.sms.tooLong ? 'error' : preview.sms.overOne ? 'warning' : 'info'}
                showIcon
                data-testid="template-sms-figures"
                message={fillMessage(s.smsFigures, { chars: preview.sms.chars, segments: preview.sms.segments })}
                description={
                  preview.sms.tooLong ? fillMessage(s.tooLong, { max: preview.sms.maxChars }) : preview.sms.overOne ? fillMessage(s.overOne, { segments: preview.sms.segments }) : s.smsRule
                }
              />
            </>
          )}
        </Space>
      ) : null}
    </Card>
  );
}
