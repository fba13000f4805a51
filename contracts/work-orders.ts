/** The states of a work order (接诉即办), from receipt to closing. */
export const STATES = ['received', 'accepted', 'dispatched', 'taken', 'resolved', 'followed_up', 'closed', 'rejected', 'merged'] as const;
export type WorkOrderState = (typeof STATES)[number];
export const OPEN_STATES: readonly WorkOrderState[] = ['received', 'accepted', 'dispatched', 'taken', 'resolved', 'followed_up'];

/** The channels staff enter; h5 and open311 come from residents and machines. */
export const STAFF_CHANNELS = ['hotline_12345', 'mailbox', 'grid_patrol', 'wechat_group', 'walk_in'] as const;
export const CHANNELS = [...STAFF_CHANNELS, 'h5', 'open311'] as const;
export type Channel = (typeof CHANNELS)[number];

/** As 12345 platforms type them. */
export const DEMAND_TYPES = ['consultation', 'help', 'complaint', 'report', 'suggestion', 'praise'] as const;
export type DemandType = (typeof DEMAND_TYPES)[number];

export const RATINGS = ['satisfied', 'basically_satisfied', 'not_satisfied'] as const;
export type Rating = (typeof RATINGS)[number];

export const PHOTO_STAGES = ['report', 'resolve'] as const;
export type PhotoStage = (typeof PHOTO_STAGES)[number];

/** An extension request's states: decided once by the office. */
export const EXTENSION_STATES = ['pending', 'approved', 'refused'] as const;
export type ExtensionState = (typeof EXTENSION_STATES)[number];

/** How far the overdue scan has escalated an order (stored as 0, 1, 2 in work_orders.escalation). */
export const ESCALATION_STATES = ['none', 'notified', 'supervised'] as const;
export type EscalationState = (typeof ESCALATION_STATES)[number];

/** How urgent a demand is (紧急程度), as 12345 platforms grade it; stored as its index, so the inbox sorts by it. */
export const URGENCIES = ['normal', 'urgent', 'critical'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** The words of channels, demand types and ratings, for what the server writes itself (ledgers); the web has its own catalogue. */
export const WORK_ORDER_VALUE_LABELS = {
  channels: {
    hotline_12345: { zh: '12345热线', en: '12345 hotline' }, h5: { zh: '居民H5', en: 'Resident H5' }, mailbox: { zh: '楼长信箱', en: 'Building mailbox' },
    grid_patrol: { zh: '网格巡查', en: 'Grid patrol' }, wechat_group: { zh: '微信群', en: 'WeChat group' }, walk_in: { zh: '来访', en: 'Walk-in' },
    open311: { zh: 'Open311', en: 'Open311' },
  },
  demandTypes: {
    consultation: { zh: '咨询', en: 'Consultation' }, help: { zh: '求助', en: 'Help' }, complaint: { zh: '投诉', en: 'Complaint' },
    report: { zh: '举报', en: 'Report' }, suggestion: { zh: '建议', en: 'Suggestion' }, praise: { zh: '表扬', en: 'Praise' },
  },
  ratings: {
    satisfied: { zh: '满意', en: 'Satisfied' }, basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' }, not_satisfied: { zh: '不满意', en: 'Not satisfied' },
  },
} as const satisfies { channels: Record<Channel, unknown>; demandTypes: Record<DemandType, unknown>; ratings: Record<Rating, unknown> };
