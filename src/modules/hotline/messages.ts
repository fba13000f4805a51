import { defineMessages } from '../../core/i18n.js';

/** The 12345 hotline's messages: pushes and imports of orders. */
export const hotlineMsg = defineMessages({
  ledgerTitle: { zh: '12345工单', en: '12345 orders' },
  template: { zh: '导入模板', en: 'import template' },
  invalidApiKey: { zh: '接口密钥无效或已吊销', en: 'Missing, invalid or revoked API key (header X-Api-Key)' },
  fileRequired: { zh: '请上传 .xlsx 或 .json 文件', en: 'Upload an .xlsx or .json file' },
  badFile: { zh: '文件应为工单数组(JSON)', en: 'The file must hold a JSON array of orders' },
  noOrders: { zh: '文件中没有工单', en: 'The file holds no orders' },
  raced: { zh: '导入期间有相同编号的工单被推送,请重新导入', en: 'An order with one of these numbers arrived during the import; import again' },
  fieldRequired: { zh: '{field}不能为空', en: '{field} is required' },
  fieldTooLong: { zh: '{field}过长(最多{max}字)', en: '{field}: at most {max} characters' },
  demandTypeOneOf: { zh: '诉求类型应为:{types}', en: 'demandType: one of {types}' },
  receivedAtRequired: { zh: '来电时间不能为空', en: 'receivedAt is required' },
  receivedAtFormat: { zh: '来电时间格式应为 2026-11-24 09:30:00', en: 'receivedAt: ISO 8601, or 2026-11-24 09:30:00 in China time' },
  resolveDueFormat: { zh: '办结时限格式应为 2026-11-24 18:00:00 或 2026-11-24', en: 'resolveDue: ISO 8601, or 2026-11-24 18:00:00 / 2026-11-24 in China time' },
  urgencyOneOf: { zh: '紧急程度应为:{names}', en: 'urgency: one of {names}' },
  confidentialYesNo: { zh: '是否保密应为“是”或“否”', en: 'confidential: 是 (yes) or 否 (no)' },
  mappingIncomplete: { zh: '以下字段尚未对应到表格的列:{fields}', en: 'No column of the file is mapped to: {fields}' },
  mappingTwice: { zh: '“{field}”只能对应一列', en: '{field} may take one column only' },
  mappingUnknownHeader: { zh: '表格中没有“{header}”这一列', en: 'The file has no column “{header}”' },
  badMapping: { zh: '列对应关系格式有误', en: 'The mapping must be a JSON array of { header, field }' },
  unknownCategory: { zh: '诉求分类“{category}”不存在或已停用', en: 'Unknown or inactive category: {category}' },
});
