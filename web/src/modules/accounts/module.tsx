import { TeamOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../app/lazy';
import type { WebModule } from '../../app/module';
import { en, zh } from './i18n';

const AccountsPage = lazyNamed(() => import('./AccountsPage'), 'AccountsPage');

/** The accounts in the caller's area and their role bindings. */
export const accountsModule: WebModule<typeof zh> = {
  name: 'accounts',
  routes: [{ path: '/accounts', element: <AccountsPage />, shell: 'office', ability: { subject: 'user', action: 'read' } }],
  menu: [{ key: '/accounts', icon: <TeamOutlined />, labelKey: 'nav.accounts', order: 50, ability: { subject: 'user', action: 'read' } }],
  i18n: { 'zh-CN': zh, en },
};
