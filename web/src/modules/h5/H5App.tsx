import { Button, Layout, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, Route, Routes } from 'react-router';
import { ApiError } from '../../app/api/client';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { LanguageSwitch } from '../../app/layout/LanguageSwitch';
import { h5Api } from './api';
import { H5DemandPage } from './H5DemandPage';
import { H5DemandsPage } from './H5DemandsPage';
import { H5FilePage } from './H5FilePage';
import { H5SignIn } from './H5SignIn';

/** The resident's phone pages: no staff shell, a narrow column, signed in by SMS code. */
export function H5App() {
  const t = useT();
  const [tick, setTick] = useState(0);
  const me = useLoad(() => h5Api.me().catch((err: unknown) => {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }), [tick]);
  const signOut = () => void h5Api.logout().finally(() => setTick((n) => n + 1));

  let body;
  if (me.data === undefined) body = <Spin style={{ display: 'block', marginTop: 80 }} />;
  else if (me.data === null) body = <H5SignIn onSignedIn={() => setTick((n) => n + 1)} />;
  else {
    body = (
      <Routes>
        <Route index element={<H5FilePage />} />
        <Route path="demands" element={<H5DemandsPage />} />
        <Route path="demands/:id" element={<H5DemandPage />} />
      </Routes>
    );
  }
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Layout.Header style={{ background: '#c8161d', padding: '0 12px', height: 52, display: 'flex', alignItems: 'center', gap: 8 }}>
        <Typography.Title level={5} style={{ margin: 0, color: '#fff', flex: 1, whiteSpace: 'nowrap' }}>{t('app.name')} · {t('h5.title')}</Typography.Title>
        <LanguageSwitch signedIn={false} />
      </Layout.Header>
      {me.data && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, padding: '8px 12px', background: '#fff', alignItems: 'center' }}>
          <Link to="/h5"><Button size="small" data-testid="h5-new">{t('h5.newDemand')}</Button></Link>
          <Link to="/h5/demands"><Button size="small" data-testid="h5-my">{t('h5.myDemands')}</Button></Link>
          <Link to="/h5/announcements"><Button size="small" data-testid="h5-announcements">{t('h5.announcements')}</Button></Link>
          <Typography.Text type="secondary" style={{ flex: 1, textAlign: 'right', fontSize: 12 }}>{me.data.phoneMasked}</Typography.Text>
          <Button size="small" type="link" onClick={signOut}>{t('h5.signOut')}</Button>
        </div>
      )}
      <Layout.Content style={{ padding: 12, maxWidth: 560, width: '100%', margin: '0 auto' }}>{body}</Layout.Content>
    </Layout>
  );
}
