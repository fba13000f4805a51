import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, forgetPrefetched } from '../app/api/client';
import { h5Api } from '../modules/h5/api';
import { useT } from './i18n';
import { Button, Card, Field, Spinner, useLoad, useNotify } from './ui';

const PHONE = /^1[3-9]\d{9}$/;

/** Phone and a one-time SMS code; the code button waits a minute between sends. */
function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const t = useT();
  const { error, success } = useNotify();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ phone?: string; code?: string }>({});
  const [wait, setWait] = useState(0);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const phoneError = (p: string) => (!p.trim() ? t('h5.invalid.phone') : PHONE.test(p.trim()) ? undefined : t('h5.invalid.phoneFormat'));
  const send = async () => {
    const wrong = phoneError(phone);
    setErrors((e) => ({ ...e, phone: wrong }));
    if (wrong) return;
    try {
      await h5Api.sendCode(phone.trim());
      success(t('h5.codeSent'));
      setWait(60);
    } catch (err) {
      error(err);
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const wrong = { phone: phoneError(phone), code: /^\d{6}$/.test(code.trim()) ? undefined : t('h5.invalid.code') };
    setErrors(wrong);
    if (wrong.phone || wrong.code) return;
    setBusy(true);
    try {
      await h5Api.login(phone.trim(), code.trim());
      forgetPrefetched();
      onSignedIn();
    } catch (err) {
      error(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('h5.signIn')} testId="h5-sign-in">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field id="h5-phone" label={t('h5.phone')} error={errors.phone} required>
          <input id="h5-phone" type="tel" inputMode="tel" maxLength={11} autoComplete="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
        </Field>
        <Field id="h5-code" label={t('h5.code')} error={errors.code} required>
          <div className="compact">
            <input id="h5-code" inputMode="numeric" maxLength={6} autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
            <Button onClick={() => void send()} disabled={wait > 0} data-testid="h5-send-code">{wait > 0 ? `${wait}s` : t('h5.sendCode')}</Button>
          </div>
        </Field>
        <Button type="submit" primary block busy={busy} data-testid="h5-sign-in-submit">{t('h5.signIn')}</Button>
      </form>
    </Card>
  );
}

/**
 * The resident signed in on the H5 pages: `me.data` is undefined while loading and null when nobody is signed in;
 * `gate` is what a page shows until a resident is there (a spinner, then the SMS sign-in), null once one is.
 */
export function useResident() {
  const [tick, setTick] = useState(0);
  const me = useLoad(() => h5Api.me().catch((err: unknown) => {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }), [tick]);
  const reload = () => setTick((n) => n + 1);
  let gate = null;
  if (me.data === undefined) gate = <Spinner />;
  else if (me.data === null) gate = <SignIn onSignedIn={reload} />;
  return { me, reload, gate };
}
