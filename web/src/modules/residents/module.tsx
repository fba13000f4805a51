import type { WebModule } from '../../app/module';
import { en, zh } from './i18n';

/** A household's residents: no page of their own, shown on the household's place page (places/PlaceDetailView). */
export const residentsModule: WebModule<typeof zh> = {
  name: 'residents',
  routes: [],
  i18n: { 'zh-CN': zh, en },
};
