import { defineMessages } from '../../core/i18n.js';

/** Demand categories' messages. */
export const categoryMsg = defineMessages({
  badCode: { zh: '编码为2-40位小写字母、数字、_或-', en: 'Code: 2-40 lowercase letters, digits, _ or -' },
  codeTaken: { zh: '分类编码已存在', en: 'That category code exists' },
  criticalLonger: { zh: '特急时限不能长于紧急时限', en: 'A critical demand cannot have longer than an urgent one' },
});
