import { defineMessages } from '../../core/i18n.js';

/** Demand categories' messages. */
export const categoryMsg = defineMessages({
  badCode: { zh: '编码为2-40位小写字母、数字、_或-', en: 'Code: 2-40 lowercase letters, digits, _ or -' },
  codeTaken: { zh: '分类编码已存在', en: 'That category code exists' },
});
