import { lazyNamed } from '../../app/lazy';
import type { WebModule } from '../../app/module';
import { en, zh } from './i18n';

const LoginPage = lazyNamed(() => import('./LoginPage'), 'LoginPage');

/** Staff sign-in. */
export const authModule: WebModule<typeof zh> = {
  name: 'auth',
  routes: [{ path: '/login', element: <LoginPage />, shell: 'bare', titleKey: 'auth.title' }],
  i18n: { 'zh-CN': zh, en },
};
