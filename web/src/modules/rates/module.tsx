import { BarChartOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../app/lazy';
import type { WebModule } from '../../app/module';
import { en, zh } from './i18n';

const RatesPage = lazyNamed(() => import('./RatesPage'), 'RatesPage');
const PublicRankingPage = lazyNamed(() => import('./PublicRankingPage'), 'PublicRankingPage');

/** The three rates for staff, and the ranking published to everyone. */
export const ratesModule: WebModule<typeof zh> = {
  name: 'rates',
  routes: [
    { path: '/rates', element: <RatesPage />, shell: 'office', ability: { subject: 'rates', action: 'read' } },
    { path: '/public/ranking', element: <PublicRankingPage />, shell: 'public', titleKey: 'rates.publicTitle' },
  ],
  menu: [{ key: '/rates', icon: <BarChartOutlined />, labelKey: 'nav.rates', order: 30, ability: { subject: 'rates', action: 'read' } }],
  i18n: { 'zh-CN': zh, en },
};
