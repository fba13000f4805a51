import { BarChartOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../app/lazy';
import type { WebModule } from '../../app/module';
import { en, zh } from './i18n';

const RatesPage = lazyNamed(() => import('./RatesPage'), 'RatesPage');

/** The three rates for staff; the ranking published to everyone (/public/ranking) is a light page (web/src/h5-light). */
export const ratesModule: WebModule<typeof zh> = {
  name: 'rates',
  routes: [
    { path: '/rates', element: <RatesPage />, shell: 'office', ability: { subject: 'rates', action: 'read' } },
  ],
  menu: [{ key: '/rates', icon: <BarChartOutlined />, labelKey: 'nav.rates', order: 30, ability: { subject: 'rates', action: 'read' } }],
  i18n: { 'zh-CN': zh, en },
};
