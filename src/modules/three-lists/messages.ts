import { defineMessages } from '../../core/i18n.js';

/** The three lists' messages; the labels of the state tables are in contracts/three-lists.ts. */
export const threeListsMsg = defineMessages({
  placeLevel: { zh: '请选择社区以下的地点(网格、小区、楼栋或房屋)', en: 'Pick a place in a community (a grid, compound, building or household)' },
  notPartner: { zh: '请选择本辖区的共建单位', en: 'Pick a partner unit of this area' },
  memberNotLinked: { zh: '请选择本辖区已关联登录账号的在册党员', en: 'Pick an active party member of this area with a linked sign-in' },
  resourceNotOfUnit: { zh: '该资源不属于所选单位或未发布', en: 'The resource is not the unit’s, or not published' },
  noCapacity: { zh: '该资源本月可服务次数已用完', en: 'The resource has no capacity left this month' },
  mergeSelf: { zh: '请选择另一条未关闭的需求', en: 'Pick another open need' },
  unitRequired: { zh: '请选择所属单位', en: 'Pick the unit' },
  sameCategory: { zh: '类别相符({category})', en: 'Same category ({category})' },
  otherCategory: { zh: '类别不同({category})', en: 'Another category ({category})' },
  sameCompound: { zh: '服务本小区({place})', en: 'Serves the same compound ({place})' },
  sameGrid: { zh: '服务本网格({place})', en: 'Serves the same grid ({place})' },
  sameCommunity: { zh: '服务本社区({place})', en: 'Serves the same community ({place})' },
  sameStreet: { zh: '服务全街道({place})', en: 'Serves the whole street ({place})' },
  remaining: { zh: '本月还可服务{n}次(共{capacity}次)', en: '{n} of {capacity} left this month' },
  noneLeft: { zh: '本月可服务次数已用完', en: 'None left this month' },
  rated: { zh: '以往{n}次评价平均{avg}星', en: 'Rated {avg} on average over {n} services' },
  unrated: { zh: '尚无评价', en: 'Not rated yet' },
  alreadyNeed: { zh: '该工单已转为需求', en: 'This work order is already a need' },
  ledgerNeeds: { zh: '需求清单', en: 'Needs list' },
  ledgerResources: { zh: '资源清单', en: 'Resources list' },
});
