/** Server-side Chinese labels: ledger headers and enumerations as they appear in exported and imported sheets. */
export const zh = {
  relation: {
    head: '户主', spouse: '配偶', child: '子女', parent: '父母', grandchild: '孙子女', sibling: '兄弟姐妹', tenant: '租户', other: '其他',
  },
  gender: { male: '男', female: '女' },
  roster: {
    sheet: '居民花名册',
    building: '楼栋',
    household: '房号',
    name: '姓名',
    gender: '性别',
    relation: '与户主关系',
    phone: '手机号',
    idNumber: '身份证号',
  },
} as const;
