import { defineMessages } from '../../core/i18n.js';

/** Announcements' (通知公告) messages; the labels of its state table are in contracts/announcements.ts. */
export const announcementMsg = defineMessages({
  ledgerTitle: { zh: '通知公告台账', en: 'Announcements ledger' },
  figurePublished: { zh: '发布通知数', en: 'Notices published' },
  notPublished: { zh: '通知未发布或已撤回', en: 'The notice is not published' },
  draftHasNoReceipts: { zh: '草稿尚未发布,没有阅读回执', en: 'A draft has no read receipts' },
  placeLevel: { zh: '通知只能发到区、街道、社区、网格或小区', en: 'A notice goes to a district, street, community, grid or compound' },
  outsideOffice: { zh: '只能发到本单位辖区内', en: 'A notice stays within its office’s area' },
  readerPlaceLevel: { zh: '请选择小区、楼栋或房屋', en: 'Pick a compound, building or household' },
});
