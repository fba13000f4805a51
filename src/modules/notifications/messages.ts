import { defineMessages } from '../../core/i18n.js';

/** Notifications' messages (the texts of notifications are in the catalogues of the modules that send them). */
export const notificationMsg = defineMessages({
  badCursor: { zh: '翻页参数格式不正确', en: 'Malformed page cursor' },
});
