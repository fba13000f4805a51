import type { WebModule } from '../../app/module';
import { en, zh } from './i18n';

/**
 * The residents' phone pages' texts and API. The pages themselves (/h5 and everything under it) are drawn by the light
 * entry (web/src/h5-light), not by the back office.
 */
export const h5Module: WebModule<typeof zh> = {
  name: 'h5',
  routes: [],
  i18n: { 'zh-CN': zh, en },
};
