import { DashboardOutlined, MobileOutlined } from '@ant-design/icons';
import { STAFF_ROLES } from '../../../../contracts/roles';
import { lazyNamed } from '../../app/lazy';
import type { WebModule } from '../../app/module';
import { en, zh } from './i18n';

const WorkbenchPage = lazyNamed(() => import('./WorkbenchPage'), 'WorkbenchPage');
const PhonePagesPage = lazyNamed(() => import('./PhonePagesPage'), 'PhonePagesPage');

const READ = { subject: 'workbench', action: 'read' };
/** Those whose own pages are the phone pages: they land on links to them, never on an empty household page. */
const PHONE_ROLES = ['party_member', 'resident'] as const;

/** 工作台: where staff land (what waits on them, today's intake, the month's rates); residents and party members get their phone pages. */
export const workbenchModule: WebModule<typeof zh> = {
  name: 'workbench',
  routes: [
    { path: '/workbench', element: <WorkbenchPage />, shell: 'office', ability: READ },
    { path: '/phone-pages', element: <PhonePagesPage />, shell: 'office', titleKey: 'phonePages.title' },
  ],
  menu: [
    { key: '/workbench', icon: <DashboardOutlined />, labelKey: 'nav.workbench', order: 1, ability: READ },
    { key: '/phone-pages', icon: <MobileOutlined />, labelKey: 'nav.phonePages', order: 90, roles: PHONE_ROLES },
  ],
  landings: [{ path: '/workbench', roles: STAFF_ROLES, order: 10 }, { path: '/phone-pages', roles: PHONE_ROLES, order: 40 }],
  i18n: { 'zh-CN': zh, en },
};
