import type { Widen } from '../../app/i18n/types';

/** 党组织 texts; modules/index.ts merges them into the app's catalogues. */
export const zh = {
  nav: { partyOrgs: '党组织', partyMembers: '党员', partyPosts: '党员岗位' },
  action: { dissolve: '撤销', transfer: '转接组织关系', leave: '登记离开', export_party_members: '导出党员花名册', import_party_members: '导入党员花名册', nominate: '自荐', recommend: '居民推荐', approve: '同意', decline: '不同意', claim: '认领', vacate: '退出岗位', close: '停止招募', reopen: '重新开放' },
  entity: { party_org: '党组织', party_member: '党员', party_post: '岗位', party_claim: '认领' },
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
  partyMember: {
    title: '党员', new: '登记党员', name: '姓名', category: '类别', org: '所属党组织', household: '所住房屋', unit: '工作单位', phone: '手机号',
    idNumber: '身份证号', central: '党员中心户', centralOnly: '只看党员中心户', anyCategory: '全部类别', search: '搜索姓名', empty: '暂无党员',
    entered: '党员已登记', saved: '已保存', export: '导出花名册', import: '导入花名册', importHint: '按导出的花名册格式填写;有任何一行出错则整表不导入。',
    imported: '已导入:新增 {created} 人,更新 {updated} 人', badRows: '以下行有误,未导入任何数据', row: '行', field: '列', reason: '原因', choose: '选择文件',
    leaveReason: '离开原因', pickOrg: '选择党组织', pickHousehold: '选择房屋(可选)', left: '已登记离开', transferred: '组织关系已转接',
    categories: { resident_member: '居民党员', in_service_member: '在职党员', mobile_member: '流动党员', retired: '离退休党员' },
    states: { active: '在册', left: '已离开' },
    steps: { edit: '修改', transfer: '转接组织关系', leave: '登记离开' },
  },
  partyPost: {
    title: '党员岗位', new: '发布岗位', kind: '岗位类型', titleField: '岗位名称', duties: '岗位职责', place: '岗位地点', places: '名额', taken: '在岗/名额',
    state: '状态', empty: '暂无岗位', lacking: '尚无党员楼长的楼栋', noneLacking: '每栋楼都有党员楼长', claims: '人选', nominate: '登记自荐', pickMember: '选择党员',
    source: '来源', sources: { self: '自荐', recommended: '居民推荐' }, reason: '理由', published: '岗位已发布', done: '已办理',
    kinds: { building_head: '党员楼长', patrol_leader: '巡逻队长', mailbox_keeper: '楼长信箱管理员', other: '其他岗位' },
    states: { open: '招募中', closed: '已停止' },
    claimStates: { nominated: '待审核', approved: '已同意', declined: '未同意', holding: '在岗', vacated: '已退出' },
    steps: { close: '停止招募', reopen: '重新开放', approve: '同意', decline: '不同意', claim: '认领', vacate: '退出岗位' },
  },
  h5Post: {
    title: '党员岗位', pick: '选择您居住的小区', left: '剩余名额 {n}', recommend: '推荐党员', pickMember: '选择要推荐的党员', sent: '推荐已提交,待社区党委审核', empty: '本小区暂无招募中的岗位',
  },
} as const;

export const en: Widen<typeof zh> = {
  nav: { partyOrgs: 'Party orgs', partyMembers: 'Party members', partyPosts: 'Posts' },
  action: { dissolve: 'Dissolved', transfer: 'Transferred', leave: 'Recorded leaving', export_party_members: 'Exported the party-member roster', import_party_members: 'Imported the party-member roster', nominate: 'Self-nominated', recommend: 'Recommended by a resident', approve: 'Approved', decline: 'Declined', claim: 'Claimed', vacate: 'Vacated', close: 'Closed', reopen: 'Reopened' },
  entity: { party_org: 'Party org', party_member: 'Party member', party_post: 'Post', party_claim: 'Claim' },
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
  partyMember: {
    title: 'Party members', new: 'Enter a member', name: 'Name', category: 'Category', org: 'Party org', household: 'Household', unit: 'Employer unit', phone: 'Phone',
    idNumber: 'ID number', central: 'Member central household', centralOnly: 'Member central households only', anyCategory: 'Any category', search: 'Search names', empty: 'No party members',
    entered: 'Member entered', saved: 'Saved', export: 'Export roster', import: 'Import roster', importHint: 'Fill in the exported roster’s layout; if any row is wrong, nothing is imported.',
    imported: 'Imported: {created} new, {updated} updated', badRows: 'These rows are wrong; nothing was imported', row: 'Row', field: 'Column', reason: 'Reason', choose: 'Choose a file',
    leaveReason: 'Why the member left', pickOrg: 'Pick a party org', pickHousehold: 'Pick a household (optional)', left: 'Recorded as left', transferred: 'Transferred',
    categories: { resident_member: 'Resident member', in_service_member: 'In-service member', mobile_member: 'Mobile member', retired: 'Retired' },
    states: { active: 'Active', left: 'Left' },
    steps: { edit: 'Edit', transfer: 'Transfer', leave: 'Record leaving' },
  },
  partyPost: {
    title: 'Posts', new: 'Publish a post', kind: 'Kind', titleField: 'Title', duties: 'Duties', place: 'Place', places: 'Places', taken: 'Held / places',
    state: 'State', empty: 'No posts', lacking: 'Buildings still lacking a head', noneLacking: 'Every building has a head', claims: 'Candidates', nominate: 'Record a self-nomination', pickMember: 'Pick a member',
    source: 'Source', sources: { self: 'Self-nominated', recommended: 'Recommended by a resident' }, reason: 'Reason', published: 'Post published', done: 'Done',
    kinds: { building_head: 'Party-member building head', patrol_leader: 'Patrol leader', mailbox_keeper: 'Mailbox keeper', other: 'Other post' },
    states: { open: 'Open', closed: 'Closed' },
    claimStates: { nominated: 'Nominated', approved: 'Approved', declined: 'Declined', holding: 'Holding', vacated: 'Vacated' },
    steps: { close: 'Close', reopen: 'Reopen', approve: 'Approve', decline: 'Decline', claim: 'Claim', vacate: 'Vacate' },
  },
  h5Post: {
    title: 'Posts', pick: 'Pick your compound', left: '{n} places left', recommend: 'Recommend a member', pickMember: 'Pick the member you recommend', sent: 'Sent; the community party committee will review it', empty: 'No open posts in this compound',
  },
};
