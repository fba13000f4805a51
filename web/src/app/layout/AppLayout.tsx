import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout, Menu, Typography } from 'antd';
import { Fragment, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useIsPhone } from '../hooks/useIsPhone';
import { useT } from '../i18n/I18nProvider';
import { webModules } from '../../modules';
import { PageLoading } from '../lazy';
import { reaches, type HeaderItem } from '../module';
import { useSession } from '../session/SessionProvider';
import { LanguageSwitch } from './LanguageSwitch';
import { useMenu } from './menu';
import { UserMenu } from './UserMenu';

const HEADER: readonly HeaderItem[] = webModules.flatMap((m) => m.header ?? []);

/** The back office: side menu on a desktop; on a phone a top bar whose menu opens in a drawer. Modules fill both. */
export function AppLayout() {
  const t = useT();
  const { can, me } = useSession();
  const roles = (me?.roles ?? []).map((r) => r.role);
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [drawerOpen, setDrawerOpen] = useState(false);

  const items = useMenu();
  const selected = items.find((i) => pathname.startsWith(i.key))?.key ?? items[0]?.key ?? '';
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[selected]}
      items={items}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
  const brand = (
    <Typography.Title level={4} style={{ margin: 0, color: '#c8161d', whiteSpace: 'nowrap' }}>
      {t('app.name')}
    </Typography.Title>
  );
  const headerStyle = {
    background: '#fff', display: 'flex', alignItems: 'center', gap: 12, borderBottom: '1px solid #f0f0f0',
    padding: isPhone ? '0 8px' : '0 24px', height: isPhone ? 52 : 60, lineHeight: 'normal', position: 'sticky' as const, top: 0, zIndex: 10,
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isPhone && (
        <Layout.Sider theme="light" width={200} style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
          <div style={{ padding: '16px 20px' }}>{brand}</div>
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header style={headerStyle}>
          {isPhone && <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.menu')} onClick={() => setDrawerOpen(true)} />}
          {isPhone && brand}
          <div style={{ flex: 1 }} />
          {HEADER.filter((h) => reaches(h, can, roles)).map((h) => <Fragment key={h.key}>{h.element}</Fragment>)}
          <LanguageSwitch signedIn />
          <UserMenu compact={isPhone} />
        </Layout.Header>
        <Layout.Content style={{ padding: isPhone ? 8 : 24, minWidth: 0 }}>
          <PageLoading>
            <Outlet />
          </PageLoading>
        </Layout.Content>
      </Layout>
      {isPhone && (
        <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={240} title={t('app.name')}>
          <div data-testid="nav-drawer">{menu}</div>
        </Drawer>
      )}
    </Layout>
  );
}
