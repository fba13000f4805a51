import type { Widen } from '../../app/i18n/types';

/** The household residents' texts; modules/index.ts merges them into the app's catalogues. */
export const zh = {
  resident: {
    title: '居民', add: '添加居民', edit: '编辑居民', name: '姓名', relation: '与户主关系', gender: '性别', phone: '手机号', idNumber: '身份证号',
    created: '已添加居民', updated: '已保存', keepHint: '留空则不修改',
  },
  relation: {
    head: '户主', spouse: '配偶', child: '子女', parent: '父母', grandchild: '孙子女', sibling: '兄弟姐妹', tenant: '租户', other: '其他',
  },
  gender: { male: '男', female: '女' },
  entity: { resident: '居民' },
  field: { phone: '手机号', idNumber: '身份证号', gender: '性别', relation: '与户主关系' },
} as const;

export const en: Widen<typeof zh> = {
  resident: {
    title: 'Residents', add: 'Add resident', edit: 'Edit resident', name: 'Name', relation: 'Relation to head', gender: 'Gender',
    phone: 'Phone', idNumber: 'ID number', created: 'Resident added', updated: 'Saved', keepHint: 'Leave empty to keep',
  },
  relation: {
    head: 'Head', spouse: 'Spouse', child: 'Child', parent: 'Parent', grandchild: 'Grandchild', sibling: 'Sibling',
    tenant: 'Tenant', other: 'Other',
  },
  gender: { male: 'Male', female: 'Female' },
  entity: { resident: 'Resident' },
  field: { phone: 'Phone', idNumber: 'ID number', gender: 'Gender', relation: 'Relation' },
};
