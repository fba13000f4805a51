import { HOTLINE_FIELDS, REQUIRED_HOTLINE_FIELDS, type HotlineField } from '../../../contracts/hotline.js';

/**
 * The fields a 12345 order has in OneGrid, and the headers city platforms give each in their exports. The first header of
 * each is the one our template writes. A header is compared without spaces, asterisks, colons and "(必填)" marks.
 */
export const HOTLINE_SYNONYMS = {
  externalNo: ['工单编号', '工单号', '工单编码', '诉求编号', '受理编号', '热线工单号', '12345工单号', '编号'],
  receivedAt: ['来电时间', '受理时间', '登记时间', '来件时间', '诉求时间', '创建时间', '接单时间'],
  demandType: ['诉求类型', '工单类型', '诉求性质', '来电类型', '业务类型'],
  // Each level is a column of its own; the deepest one that names a category of ours wins.
  category: ['诉求分类', '一级分类', '二级分类', '三级分类', '四级分类', '问题分类', '事项分类', '诉求类别'],
  community: ['所属社区', '社区', '社区(村)', '所属村居', '村居', '所属社区(村)'],
  compound: ['小区/地点', '小区', '小区名称', '所属小区'],
  title: ['标题', '工单标题', '诉求标题', '主题'],
  description: ['诉求内容', '问题描述', '来电内容', '诉求描述', '工单内容', '反映内容', '具体诉求'],
  reporterName: ['来电人', '联系人', '诉求人', '来电人姓名', '市民姓名', '姓名'],
  reporterPhone: ['联系电话', '来电号码', '联系方式', '手机号码', '联系号码', '来电电话', '电话'],
  address: ['地址', '诉求地址', '事发地址', '问题地址', '详细地址', '事发地点'],
  urgency: ['紧急程度', '紧急度', '缓急程度', '是否紧急'],
  confidential: ['是否保密', '保密', '保密要求', '是否需要保密'],
  resolveDue: ['办结时限', '办理时限', '处理时限', '办结期限', '截止时间'],
} as const satisfies Record<HotlineField, readonly string[]>;

export { HOTLINE_FIELDS, type HotlineField };
export const REQUIRED_FIELDS = REQUIRED_HOTLINE_FIELDS;
/** Fields several columns may feed (the category levels); any other field takes one column. */
export const MULTI_COLUMN_FIELDS: readonly HotlineField[] = ['category'];

/** A header as compared: 来电时间 and "来电时间(必填)*" and "来电 时间：" are the same; full-width brackets are half-width. */
export const normalHeader = (header: string) =>
  header.replace(/[（]/g, '(').replace(/[）]/g, ')').replace(/\((必填|选填)\)/g, '').replace(/[\s*:：]/g, '');

const BY_HEADER = new Map(Object.entries(HOTLINE_SYNONYMS).flatMap(([field, names]) => names.map((n) => [normalHeader(n), field as HotlineField] as const)));

/** The field a header names, if any synonym matches it. */
export const fieldOfHeader = (header: string): HotlineField | undefined => BY_HEADER.get(normalHeader(header));

/** The header our template writes for a field. */
export const templateHeader = (field: HotlineField) => HOTLINE_SYNONYMS[field][0];
