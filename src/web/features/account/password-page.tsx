// The user's own password (decision 0860): reachable from the menu under their
// name, and the first screen of an account opened with an initial password
// (the shell shows nothing else until it is changed). The rules are the
// server's; its messages are shown on the fields they concern.
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Input, Space } from 'antd';
import { ApiError } from '../../api/client.js';
import { errorText } from '../../components/error-result.js';
import { schemaRules, inputLimits } from '../../components/schema-rules.js';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import { safeNext } from '../login/safe-next.js';
import { changePasswordSchema } from '../../../shared/auth.js';
import { accountApi } from './account-api.js';

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };

export function PasswordPage() {
  const { t, lang } = useT();
  const a = t.account;
  const { me, setMe } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!me) return null;
  const forced = me.user.mustChangePassword;
  const next = safeNext(params.get('next'));

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const done = await accountApi.changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword });
      message.success(done.otherSessionsEnded ? `${a.changed}${t.punct.comma}${a.otherSessionsEnded(done.otherSessionsEnded)}` : a.changed);
      setMe({ ...me, user: { ...me.user, mustChangePassword: false } });
      navigate(next, { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.details.length) {
        const byField = new Map<string, string[]>();
        for (const d of e.details) byField.set(d.field, [...(byField.get(d.field) ?? []), lang === 'en' ? d.messageEn : d.message]);
        form.setFields([...byField].map(([name, errors]) => ({ name: name as keyof Values, errors })));
      } else setError(errorText(e, lang, e instanceof ApiError && e.status === 0 ? t.common.networkError : t.common.unknownError));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ maxWidth: 480, margin: '0 auto' }}>
      <Card title={forced ? a.mustChangeTitle : a.changePassword} data-testid="password-page">
        {forced && <Alert type="warning" showIcon title={a.mustChange} style={{ marginBottom: 16 }} data-testid="must-change-password" />}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="password-error" />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="password-form">
          {/* For the browser's password manager: whose password this is. */}
          <input type="text" name="username" autoComplete="username" value={me.user.username} readOnly style={{ display: 'none' }} />
          <Form.Item
            name="currentPassword"
            label={a.currentPassword}
            extra={forced ? a.currentPasswordHint : undefined}
            rules={schemaRules(changePasswordSchema.shape.currentPassword, lang)}
          >
            <Input.Password autoComplete="current-password" size="large" {...inputLimits(changePasswordSchema.shape.currentPassword)} />
          </Form.Item>
          <Form.Item name="newPassword" label={a.newPassword} extra={a.rules} rules={schemaRules(changePasswordSchema.shape.newPassword, lang)}>
            <Input.Password autoComplete="new-password" size="large" {...inputLimits(changePasswordSchema.shape.newPassword)} />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={a.confirmPassword}
            dependencies={['newPassword']}
            rules={[
              ...schemaRules(changePasswordSchema.shape.newPassword, lang),
              ({ getFieldValue }) => ({
                validator: async (_r, value: unknown) => {
                  if (value && value !== getFieldValue('newPassword')) throw new Error(a.mismatch);
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" size="large" />
          </Form.Item>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="password-submit">
              {a.submit}
            </Button>
            {!forced && (
              <Button size="large" block onClick={() => navigate(next)}>
                {a.cancel}
              </Button>
            )}
          </Space>
        </Form>
      </Card>
    </div>
  );
}
