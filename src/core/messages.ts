import { defineMessages } from './i18n.js';

/** The platform's own messages: errors any route may answer with, request checks, the ledger kit. */
export const core = defineMessages({
  appName: { zh: '一张网', en: 'OneGrid' },
  notFound: { zh: '记录不存在或无权访问', en: 'The {what} does not exist or is outside your area' },
  forbidden: { zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  unauthenticated: { zh: '请先登录', en: 'Please sign in' },
  staleVersion: { zh: '该记录已被他人修改,请刷新后重试', en: 'Someone else changed this record; reload and try again' },
  illegalTransition: { zh: '当前状态({state})不能执行此操作', en: 'Cannot {action} a record that is {state}' },
  crossOrigin: { zh: '请求来源不被允许', en: 'Cross-origin request refused' },
  rateLimited: { zh: '请求过于频繁,请稍后再试', en: 'Too many requests; try again later' },
  tooLarge: { zh: '文件或请求过大', en: 'The upload or request is too large' },
  badRequest: { zh: '请求格式不正确', en: '{error}' },
  internal: { zh: '服务器内部错误', en: 'Internal error' },
  noRoute: { zh: '未找到', en: 'No route {method} {path}' },
  fieldPrefix: { zh: '字段 {field}:', en: '{field}: ' },
  // The ledger kit: imports of .xlsx files
  importRejected: { zh: '有 {bad} 行数据有误,未导入任何数据', en: '{bad} row(s) are wrong; nothing was imported' },
  tooManyRows: { zh: '一次最多导入 {maxRows} 行,请分批导入', en: 'At most {maxRows} rows per import; split the file' },
  fileTooLarge: { zh: '文件不能超过 {mb} MB', en: 'The file may be at most {mb} MB' },
  unpacksTooLarge: { zh: '表格解压后内容过大', en: 'The workbook unpacks to too much data' },
  notWorkbook: { zh: '文件不是有效的 .xlsx 表格', en: 'The file is not a valid .xlsx workbook' },
  noSheet: { zh: '表格中没有工作表', en: 'The workbook has no sheet' },
  missingHeaders: { zh: '缺少表头:{headers}', en: 'Missing header(s): {headers}' },
  cellRequired: { zh: '{column}不能为空', en: '{column} is required' },
  cellTooLong: { zh: '{column}过长', en: '{column} is too long' },
  cellIssue: { zh: '{column}:{issue}', en: '{column}: {issue}' },
  cellNumber: { zh: '{column}应为数字', en: '{column} must be a number' },
  cellDate: { zh: '{column}应为日期,如 2026-11-24', en: '{column} must be a date such as 2026-11-24' },
  cellDatetime: { zh: '{column}应为时间,如 2026-11-24 09:30', en: '{column} must be a time such as 2026-11-24 09:30' },
  cellOneOf: { zh: '{column}应为:{options}', en: '{column}: one of {options}' },
});
