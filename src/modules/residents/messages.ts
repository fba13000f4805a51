import { defineMessages } from '../../core/i18n.js';

/** Residents' messages: the register and the roster import and export. */
export const residentMsg = defineMessages({
  rosterTitle: { zh: '居民花名册', en: 'Household roster' },
  nameRequired: { zh: '请填写姓名', en: 'Name is required' },
  fileRequired: { zh: '请上传 .xlsx 文件', en: 'Upload an .xlsx file' },
  importPerCompound: { zh: '花名册按小区导入', en: 'Rosters are imported per compound' },
  exportPerCompound: { zh: '花名册按小区或楼栋导出', en: 'Rosters are exported per compound or building' },
  noDataRows: { zh: '表格中没有数据行', en: 'The sheet has no data rows' },
  duplicateName: { zh: '同一户中姓名重复', en: 'Duplicate name in the same household' },
  changedDuringImport: { zh: '导入期间有居民信息被他人修改,请重新导入', en: 'A resident changed during the import; import again' },
  maskedValue: { zh: '{column}为脱敏值,新登记居民请填写完整号码', en: 'A masked {column} only keeps an existing value; give the full value' },
  badPhone: { zh: '手机号格式不正确', en: 'Not a valid phone number' },
  badIdNumber: { zh: '身份证号码不正确', en: 'Not a valid ID number' },
  onHousehold: { zh: '居民只能登记在户下', en: 'Residents are registered on a household' },
});
