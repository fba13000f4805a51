import type { Widen } from '../../app/i18n/types';

/** 党组织 texts; modules/index.ts merges them into the app's catalogues. */
export const zh = {
  nav: { partyOrgs: '党组织' },
  action: { dissolve: '撤销' },
  entity: { party_org: '党组织' },
  partyOrg: {
    title: '党组织架构', tree: '组织树', new: '成立党组织', kind: '类型', name: '名称', place: '所在地点', unit: '共建单位', secretary: '书记',
    committee: '班子成员', seat: '职务', personName: '姓名', addSeat: '添加成员', noSecretary: '未配书记', empty: '暂无党组织',
    gaps: '待建组织', compoundsWithoutBranch: '未建党支部的小区', buildingsWithoutGroup: '未建党小组的楼栋', noGaps: '已全覆盖',
    total: '共 {n} 个', created: '党组织已成立', saved: '已保存', dissolved: '已撤销', dissolveReason: '撤销理由', pickPlace: '选择地点', pickUnit: '选择共建单位',
    buildHere: '在此成立', edit: '修改', branchName: '{place}党支部', groupName: '{place}党小组',
    kinds: { street_working_committee: '街道党工委', community_party_committee: '社区大党委', compound_branch: '小区党支部', building_group: '楼栋党小组', partner_unit_org: '共建单位党组织' },
    seats: { secretary: '书记', deputy_secretary: '副书记', committee_member: '委员', part_time_member: '兼职委员', first_secretary: '第一书记' },
    states: { active: '在册', dissolved: '已撤销' },
    steps: { edit: '修改', dissolve: '撤销' },
  },
} as const;

export const en: Widen<typeof zh> = {
  nav: { partyOrgs: 'Party orgs' },
  action: { dissolve: 'Dissolved' },
  entity: { party_org: 'Party org' },
  partyOrg: {
    title: 'Party organisations', tree: 'Org tree', new: 'Set up a party org', kind: 'Kind', name: 'Name', place: 'Place', unit: 'Partner unit', secretary: 'Secretary',
    committee: 'Committee', seat: 'Seat', personName: 'Name', addSeat: 'Add a seat', noSecretary: 'No secretary', empty: 'No party orgs',
    gaps: 'Still to set up', compoundsWithoutBranch: 'Compounds without a branch', buildingsWithoutGroup: 'Buildings without a group', noGaps: 'All covered',
    total: '{n} in all', created: 'Party org set up', saved: 'Saved', dissolved: 'Dissolved', dissolveReason: 'Why dissolve', pickPlace: 'Pick a place', pickUnit: 'Pick a partner unit',
    buildHere: 'Set up here', edit: 'Edit', branchName: '{place} party branch', groupName: '{place} party group',
    kinds: { street_working_committee: 'Street working committee', community_party_committee: 'Community party committee', compound_branch: 'Compound branch', building_group: 'Building group', partner_unit_org: 'Partner unit party org' },
    seats: { secretary: 'Secretary', deputy_secretary: 'Deputy secretary', committee_member: 'Committee member', part_time_member: 'Part-time member', first_secretary: 'First secretary' },
    states: { active: 'Active', dissolved: 'Dissolved' },
    steps: { edit: 'Edit', dissolve: 'Dissolve' },
  },
};
