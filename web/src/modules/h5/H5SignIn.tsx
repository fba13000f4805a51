import { Button, Card, Form, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useNotify } from '../../app/hooks/useNotify';
import { useT } from '../../app/i18n/I18nProvider';
import { validated } from '../../app/forms';
import { h5Api } from './api';

/** Phone and a one-time SMS code; the code button waits a minute between sends. */
export function H5SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const t = useT();
  const { error, success } = useNotify();
  const [form] = Form.useForm<{ phone: string; code: string }>();
  const [wait, setWait] = useState(0);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const send = async () => {
    const phone = (await validated(form, ['phone']))?.phone;
    if (!phone) return;
    try {
      await h5Api.sendCode(phone.trim());
      success(t('h5.codeSent'));
      setWait(60);
    } catch (err) {
      error(err);
    }
  };
  const submit = async ({ phone, code }: { phone: string; code: string }) => {
    setBusy(true);
    try {
      await h5Api.login(phone.trim(), code.trim());
      onSignedIn();
    } catch (err) {
      error(err);
    } finally {
      setBusy(false);
    }
  };
  const phoneRule = { pattern: /^1[3-9]\d{9}$/, message: t('h5.invalid.phoneFormat') };
  return (
    <Card title={t('h5.signIn')} data-testid="h5-sign-in">
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="phone" label={t('h5.phone')} rules={[{ required: true, whitespace: true, message: t('h5.invalid.phone') }, phoneRule]}>
          <Input inputMode="tel" maxLength={11} autoComplete="tel" />
        </Form.Item>
        <Form.Item label={t('h5.code')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="code" noStyle rules={[{ required: true, pattern: /^\d{6}$/, message: t('h5.invalid.code') }]}>
              <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" aria-label={t('h5.code')} />
            </Form.Item>
            <Button onClick={send} disabled={wait > 0} data-testid="h5-send-code">{wait > 0 ? `${wait}s` : t('h5.sendCode')}</Button>
          </Space.Compact>
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="h5-sign-in-submit">{t('h5.signIn')}</Button>
      </Form>
    </Card>
  );
}
