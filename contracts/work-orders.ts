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
