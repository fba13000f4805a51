import { defineMessages } from '../../core/i18n.js';

/** Partner units' (共建单位) messages. */
export const unitMsg = defineMessages({
  placeLevel: { zh: '共建单位只能登记在街道或社区', en: 'A partner unit is signed up on a street or a community' },
  notPartner: { zh: '部门不能签订共建协议', en: 'A department signs no co-building agreement' },
  nameTaken: { zh: '该处已有同名单位', en: 'A unit of that name is already here' },
  noAgreement: { zh: '请先签订共建协议', en: 'Sign the co-building agreement first' },
  ledgerTitle: { zh: '共建单位名册', en: 'Partner units register' },
  oneFile: { zh: '请上传一份协议扫描件', en: 'Upload one scan of the agreement' },
});
