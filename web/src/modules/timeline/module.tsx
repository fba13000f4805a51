import type { WebModule } from '../../app/module';
import { en, zh } from './i18n';

/** A record's timeline drawer, and the event-log words (actions, fields) the modules share. */
export const timelineModule: WebModule<typeof zh> = {
  name: 'timeline',
  routes: [],
  i18n: { 'zh-CN': zh, en },
};
