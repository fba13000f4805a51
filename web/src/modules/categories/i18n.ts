import type { Widen } from '../../app/i18n/types';

/** The demand-category catalogue's texts (诉求分类); the field labels name a category's fields in its timeline. */
export const zh = {
  nav: { categories: '诉求分类' },
  field: {
    code: '编码', description: '说明', groupName: '分组', defaultUnitId: '默认承办单位', priority: '优先级', complex: '复杂事项', urgentDays: '紧急办结时限',
    criticalDays: '特急办结时限', active: '启用',
  },
  category: {
    title: '诉求分类', create: '新建分类', edit: '编辑分类', code: '编码', codeHint: '对外接口(Open311)使用的服务编码,建后不可修改',
    name: '名称', groupName: '分组', description: '说明', defaultUnit: '默认承办单位', noUnit: '不指定', complex: '复杂事项',
    complexHint: '复杂事项办结时限为15个工作日,否则按诉求类型(咨询2日、求助5日、投诉举报建议7日)',
    urgentDays: '紧急办结时限', criticalDays: '特急办结时限', days: '{days} 个工作日', byDefault: '默认({share})', half: '正常时限的一半',
    quarter: '正常时限的四分之一', urgencyHint: '紧急、特急诉求的办结时限(工作日);留空则按正常时限的一半、四分之一计算,均不长于正常时限',
    active: '状态', on: '启用', off: '停用', enabled: '启用此分类', saved: '已保存', created: '已创建分类', criticalLonger: '特急时限不能长于紧急时限',
    yes: '是', no: '否',
  },
} as const;

export const en: Widen<typeof zh> = {
  nav: { categories: 'Demand categories' },
  field: {
    code: 'Code', description: 'Description', groupName: 'Group', defaultUnitId: 'Default unit', priority: 'Priority', complex: 'Complex',
    urgentDays: 'Urgent time limit', criticalDays: 'Critical time limit', active: 'Active',
  },
  category: {
    title: 'Demand categories', create: 'New category', edit: 'Edit category', code: 'Code',
    codeHint: 'The service code the Open311 API uses; fixed once created', name: 'Name', groupName: 'Group', description: 'Description',
    defaultUnit: 'Default unit', noUnit: 'None', complex: 'Complex',
    complexHint: 'A complex matter has 15 working days; otherwise by demand type (consultation 2, help 5, complaint, report and suggestion 7)',
    urgentDays: 'Urgent time limit', criticalDays: 'Critical time limit', days: '{days} working days', byDefault: 'Default ({share})',
    half: 'half the normal time', quarter: 'a quarter of the normal time',
    urgencyHint: 'Working days to resolve an urgent and a critical demand; empty: half and a quarter of the normal time, never longer than it',
    active: 'Status', on: 'Active', off: 'Inactive', enabled: 'Category in use', saved: 'Saved', created: 'Category created',
    criticalLonger: 'A critical demand cannot have longer than an urgent one', yes: 'Yes', no: 'No',
  },
};
