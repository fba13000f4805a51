import { lazyNamed } from '../../app/lazy';
import type { WebModule } from '../../app/module';
import { en, zh } from './i18n';

const H5App = lazyNamed(() => import('./H5App'), 'H5App');

/** The residents' phone pages: filing a demand, following it and rating it (H5App routes within /h5). */
export const h5Module: WebModule<typeof zh> = {
  name: 'h5',
  routes: [{ path: '/h5/*', element: <H5App />, shell: 'h5', titleKey: 'h5.title' }],
  i18n: { 'zh-CN': zh, en },
};
