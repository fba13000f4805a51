import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useNotify } from '../../app/hooks/useNotify';
import { useT } from '../../app/i18n/I18nProvider';
import { LanguageSwitch } from '../../app/layout/LanguageSwitch';
import { landingFor } from '../../app/session/landing';
import { useSession } from '../../app/session/SessionProvider';
import { forgetPrefetched } from '../../app/api/client';
import { signIn } from './api';

interface Values {
  username: string;
  password: string;
}

export function LoginPage() {
  const t = useT();
  const { me, refresh } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const { errorText } = useNotify();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from;
  // Back where a signed-out visit was sent from, else the user's landing (`/` is no page of its own).
  const target = (who: typeof me) => (from && from !== '/login' && from !== '/' ? from : landingFor(who));

  if (me) return <Navigate to={target(me)} replace />;

  const submit = async (v: Values) => {
    setBusy(true);
    setFailure(null);
    try {
      await signIn(v.username, v.password);
      forgetPrefetched();
      navigate(target(await refresh()), { replace: true });
    } catch (err) {
      // Lockout and wrong password come with the server's own words.
      setFailure(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: 'linear-gradient(160deg,#fff5f5,#f5f5f5)', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <LanguageSwitch signedIn={false} />
        </div>
        <Typography.Title level={2} style={{ color: '#c8161d', marginBottom: 0 }}>{t('app.name')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('app.tagline')}</Typography.Paragraph>
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form<Values> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('common.required') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('common.required') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('auth.signIn')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
