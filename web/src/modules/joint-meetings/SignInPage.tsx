import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Result, Spin } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useLoad } from '../../app/hooks/useLoad';
import { useNotify } from '../../app/hooks/useNotify';
import { useT } from '../../app/i18n/I18nProvider';
import { localTime } from '../timeline/format';
import { meetingsApi, type SignInInfo } from './api';

/** What a meeting's QR code opens on a unit contact's phone: the meeting, and one button that signs their unit in. */
export function SignInPage() {
  const t = useT();
  const { key = '' } = useParams();
  const { error } = useNotify();
  const info = useLoad(() => meetingsApi.signInInfo(key), [key]);
  const [after, setAfter] = useState<SignInInfo>();
  const [busy, setBusy] = useState(false);
  const m = after ?? info.data;
  if (info.error) return <Result status="404" title={t('jointMeeting.notInvited')} />;
  if (!m) return <Spin style={{ display: 'block', marginTop: 60 }} />;
  const signIn = async () => {
    setBusy(true);
    try { setAfter(await meetingsApi.signIn(key)); } catch (e) { error(e); } finally { setBusy(false); }
  };
  return (
    <Card title={t('jointMeeting.signInTitle')} style={{ maxWidth: 480, margin: '0 auto' }} data-testid="sign-in-page">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('jointMeeting.name')}>{m.title}</Descriptions.Item>
        <Descriptions.Item label={t('jointMeeting.place')}>{m.placeName}</Descriptions.Item>
        <Descriptions.Item label={t('jointMeeting.plannedAt')}>{localTime(m.plannedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('jointMeeting.venue')}>{m.venue}</Descriptions.Item>
      </Descriptions>
      {m.signedInAt ? (
        <Result icon={<CheckCircleOutlined />} status="success" title={<span data-testid="sign-in-done">{t('jointMeeting.signInDone')}</span>}
          subTitle={`${m.unitName} · ${t('jointMeeting.signedInAt')} ${localTime(m.signedInAt)}`} />
      ) : !m.invited ? <Alert type="warning" title={t('jointMeeting.notInvited')} />
        : !m.open ? <Alert type="info" title={t('jointMeeting.closed')} />
          : <Button type="primary" block size="large" loading={busy} onClick={() => void signIn()} data-testid="sign-in-button">{t('jointMeeting.signIn')} · {m.unitName}</Button>}
    </Card>
  );
}
