// Username/password login; the server's message is shown on failure.
import { useEffect, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Tag, Typography } from 'antd';
import { LockOutlined, TranslationOutlined, UserOutlined } from '@ant-design/icons';
import { labelOf } from '../../../shared/codes.js';
import { ApiError } from '../../api/client.js';
import { getConfig, login } from '../../api/endpoints.js';
import { errorText } from '../../components/error-result.js';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import { BrandMark } from '../../shell/app-shell.js';
import { safeNext } from './safe-next.js';

const DEMO_ACCOUNTS = [
  ['admin', 'admin123', 'admin'],
  ['manager', 'manager123', 'county_manager'],
  ['station1', 'station123', 'station_head'],
  ['worker1', 'worker123', 'grid_worker'],
  ['agent', 'agent123', 'call_agent'],
  ['retailer', 'retailer123', 'retailer'],
] as const;

type Values = { username: string; password: string };

export function LoginPage() {
  const { t, lang, setLang } = useT();
  const { me, setMe } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    getConfig()
      .then((c) => setDemo(c.demo))
      .catch(() => setDemo(false));
  }, []);
  const next = safeNext(params.get('next'));

  if (me) return <Navigate to={next} replace />;

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const m = await login(v.username, v.password);
      setMe(m);
      navigate(next, { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const message = error
    ? error instanceof ApiError && error.status === 0
      ? t.common.networkError
      : errorText(error, lang, t.common.unknownError)
    : null;

  return (
    <div className="zy-login">
      <div className="zy-login-box">
        <div className="zy-brand">
          <BrandMark />
          <div style={{ flex: 1 }}>
            <div className="zy-brand-name">{t.app.name}</div>
            <div className="zy-brand-sub">
              {t.app.subtitle} · {t.login.welcome}
            </div>
          </div>
          <Button ghost size="small" icon={<TranslationOutlined />} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t.app.switchLang}
          </Button>
        </div>
        <Card title={t.login.title}>
          {message && <Alert type="error" showIcon title={message} style={{ marginBottom: 16 }} data-testid="login-error" />}
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} size="large">
            <Form.Item name="username" label={t.login.username} rules={[{ required: true, whitespace: true, message: t.login.usernameRequired }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="off" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t.login.password} rules={[{ required: true, message: t.login.passwordRequired }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t.login.submit}
            </Button>
          </Form>
          {demo && (
            <>
              <Typography.Paragraph type="secondary" style={{ margin: '20px 0 8px', fontSize: 13 }}>
                {t.login.demoTitle}
              </Typography.Paragraph>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
                {DEMO_ACCOUNTS.map(([u, p, role]) => (
                  <Tag key={u} style={{ cursor: 'pointer', margin: 0 }} onClick={() => form.setFieldsValue({ username: u, password: p })}>
                    {labelOf('role', role, lang)} {u}/{p}
                  </Tag>
                ))}
              </div>
            </>
          )}
        </Card>
      </div>
    </div>
  );
}
