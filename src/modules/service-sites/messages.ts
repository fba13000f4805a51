import { defineMessages } from '../../core/i18n.js';

/** Service sites' messages; the labels of the state table are in contracts/service-sites.ts. */
export const serviceSiteMsg = defineMessages({
  placeLevel: { zh: '服务中心和便民服务点可挂在区、街道、社区、网格、小区或楼栋上,不能挂在房屋上', en: 'A site hangs on a district, street, community, grid, compound or building, never on a household' },
  outsidePlace: { zh: '位置或轮廓不在“{place}”的范围之内', en: 'The point or outline lies outside “{place}”' },
  outlineNeedsPoint: { zh: '轮廓须围绕位置:请先放置位置', en: 'An outline is drawn around the point: place the point first' },
  outsideOutline: { zh: '位置须在轮廓之内', en: 'The point must lie inside the outline' },
});
