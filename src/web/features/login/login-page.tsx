// Username/password login; the server's message is shown on failure. A plain
// form (two fields and a button) rather than antd's Form, whose validation
// library is the largest thing this first page would fetch (issue 13: the
// login page and the first screen stay under 350 kB).
import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Input, Tag, Typography, type InputProps } from 'antd';
import { LockOutlined, TranslationOutlined, UserOutlined } from '@ant-design/icons';
import { labelOf } from '../../../shared/codes.js';
import { ApiError } from '../../api/client.js';
import { getConfig, login } from '../../api/endpoints.js';
import { errorText } from '../../components/error-result.js';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import { BrandMark } from '../../shell/app-shell.js';
import { useLangSwitch } from '../../shell/lang-switch.js';
import { safeNext } from './safe-next.js';

const DEMO_ACCOUNTS = [
  ['admin', 'admin123', 'admin'],
  ['manager', 'manager123', 'county_manager'],
  ['station1', 'station123', 'station_head'],
  ['worker1', 'worker123', 'grid_worker'],
  ['agent', 'agent123', 'call_agent'],
  ['retailer', 'retailer123', 'retailer'],
] as const;

/** A labelled input of the login form, with the message it shows once a submit found it empty. */
function LoginField({ id, label, error, password, ...input }: { id: string; label: string; error: string | false; password?: boolean } & Omit<InputProps, 'id' | 'size' | 'status'>) {
  const Control = password ? Input.Password : Input;
  const errorId = `${id}-error`;
  return (
    <div className="zy-login-field">
      <label htmlFor={id}>{label}</label>
      <Control {...input} id={id} size="large" status={error ? 'error' : undefined} aria-invalid={!!error} aria-describedby={error ? errorId : undefined} />
      {error && (
        <div id={errorId} className="zy-login-field-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

export function LoginPage() {
  const { t, lang } = useT();
  const langSwitch = useLangSwitch();
  const { me, setMe } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // Field messages appear once a submit was tried, and go as the field is filled.
  const [tried, setTried] = useState(false);
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

  const missingUser = tried && !username.trim();
  const missingPassword = tried && !password;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!username.trim() || !password) return;
    setBusy(true);
    setError(null);
    try {
      const m = await login(username, password);
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
          <Button ghost size="small" icon={<TranslationOutlined />} {...langSwitch}>
            {t.app.switchLang}
          </Button>
        </div>
        <Card title={t.login.title}>
          {message && <Alert type="error" showIcon title={message} style={{ marginBottom: 16 }} data-testid="login-error" />}
          <form onSubmit={submit} noValidate>
            <LoginField
              id="username"
              label={t.login.username}
              error={missingUser && t.login.usernameRequired}
              prefix={<UserOutlined />}
              autoComplete="username"
              autoCapitalize="off"
              autoFocus
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
            <LoginField
              id="password"
              password
              label={t.login.password}
              error={missingPassword && t.login.passwordRequired}
              prefix={<LockOutlined />}
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <Button type="primary" htmlType="submit" size="large" block loading={busy}>
              {t.login.submit}
            </Button>
          </form>
          {demo && (
            <>
              <Typography.Paragraph type="secondary" style={{ margin: '20px 0 8px', fontSize: 13 }}>
                {t.login.demoTitle}
              </Typography.Paragraph>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
                {DEMO_ACCOUNTS.map(([u, p, role]) => (
                  <Tag key={u} style={{ cursor: 'pointer', margin: 0 }} onClick={() => {
                      setUsername(u);
                      setPassword(p);
                    }}>
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
