import { FileExcelOutlined } from '@ant-design/icons';
import { STAFF_ROLES } from '../../../../contracts/roles';
import { lazyNamed } from '../../app/lazy';
import type { WebModule } from '../../app/module';
import { en, zh } from './i18n';

const LedgersPage = lazyNamed(() => import('./LedgersPage'), 'LedgersPage');

/** 台账: the ledgers of every module in one list; the server lists only those the caller may export. */
export const ledgersModule: WebModule<typeof zh> = {
  name: 'ledgers',
  routes: [{ path: '/ledgers', element: <LedgersPage />, shell: 'office' }],
  // The offices keep ledgers; grid workers work from their phones and see no entry (they may still open the page).
  menu: [{ key: '/ledgers', icon: <FileExcelOutlined />, labelKey: 'nav.ledgers', order: 40, roles: STAFF_ROLES }],
  i18n: { 'zh-CN': zh, en },
};
