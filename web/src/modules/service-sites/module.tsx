import { ShopOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../app/lazy';
import type { WebModule } from '../../app/module';
import { en, zh } from './i18n';

const ServiceSitesPage = lazyNamed(() => import('./ServiceSitesPage'), 'ServiceSitesPage');
const READ = { subject: 'service_site', action: 'read' };

/** 党群服务中心与便民服务点: the staff register; the compound's public QR page (a light page) lists the open ones. */
export const serviceSitesModule: WebModule<typeof zh> = {
  name: 'service-sites',
  routes: [{ path: '/service-sites', element: <ServiceSitesPage />, shell: 'office', ability: READ }],
  menu: [{ key: '/service-sites', icon: <ShopOutlined />, labelKey: 'nav.serviceSites', order: 26, ability: READ }],
  i18n: { 'zh-CN': zh, en },
};
