import { z } from 'zod';
import { bilingual, ZId, ZPhone, ZReason, ZVersion, ZPage } from '../../core/validation.js';
import { CHANNELS, DEMAND_TYPES, RATINGS, STATES, URGENCIES } from './state.js';
import { workOrderMsg } from './messages.js';
import { WORK_ORDER_ACTIONS } from '../../../contracts/work-order-steps.js';

const ZText = (max: number, zh: string, en: string) => z.string().trim().min(1, bilingual(zh, en)).max(max);

export const ZFileDemand = z.object({
  channel: z.enum(CHANNELS),
  demandType: z.enum(DEMAND_TYPES),
  categoryId: ZId,
  placeId: ZId,
  title: ZText(100, workOrderMsg.titleRequired.zh, workOrderMsg.titleRequired.en),
  description: ZText(2000, workOrderMsg.descriptionRequired.zh, workOrderMsg.descriptionRequired.en),
  address: z.string().trim().max(200).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  reporterName: z.string().trim().max(50).optional(),
  reporterPhone: ZPhone.optional(),
  externalNo: z.string().trim().min(1).max(64).optional(),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  /** 是否保密: the reporter's name and phone are kept from the handling units. */
  confidential: z.boolean().optional(),
  urgency: z.enum(URGENCIES).optional(),
  /** The 12345 platform's own time limit (办结时限): the resolve deadline is the earlier of it and ours. */
  resolveDue: z.iso.datetime({ offset: true }).optional(),
});
export type TFileDemand = z.infer<typeof ZFileDemand>;

/**
 * A grid worker's patrol report as the phone form posts it (multipart text fields beside the photos); `handledOnSpot`
 * (现场处置) with the result he gives: he has dealt with it already.
 */
export const ZPatrolReport = ZFileDemand.pick({
  demandType: true, categoryId: true, placeId: true, title: true, description: true, address: true, reporterName: true, reporterPhone: true, urgency: true,
}).extend({
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
  confidential: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  handledOnSpot: z.enum(['true', 'false']).optional(),
  result: z.string().trim().max(2000).optional(),
}).superRefine((b, c) => {
  if (b.handledOnSpot === 'true' && !b.result) {
    c.addIssue({ code: 'custom', path: ['result'], message: bilingual(workOrderMsg.onSpotResultRequired.zh, workOrderMsg.onSpotResultRequired.en).error });
  }
});
export type TPatrolReport = z.infer<typeof ZPatrolReport>;

export { ZStep } from '../../../contracts/work-order-steps.js';

export const ZWorkOrderQuery = z.object({
  state: z.enum(STATES).optional(),
  categoryId: ZId.optional(),
  channel: z.enum(CHANNELS).optional(),
  placeId: ZId.optional(),
  streetId: ZId.optional(),
  communityId: ZId.optional(),
  /** Received on or after this day, and on or before this one (days of the deployment's calendar). */
  receivedFrom: z.iso.date().optional(),
  receivedTo: z.iso.date().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Still to be resolved and due within the next 24 hours. */
  dueSoon: z.enum(['true', 'false']).optional(),
  mine: z.enum(['true', 'false']).optional(),
  /** With `mine`: only the orders on which this step waits on me. */
  awaits: z.enum(WORK_ORDER_ACTIONS).optional(),
  q: z.string().trim().max(50).optional(),
  ...ZPage(20, 200).shape,
});
export type TWorkOrderQuery = z.infer<typeof ZWorkOrderQuery>;

/**
 * What the reveal shows: the reporter's phone, name (a confidential order's) or address; the text typed into the title,
 * description, result or rating comment; or one timeline entry's text (`eventText` with the event's id), as typed.
 */
export const ZReveal = z.object({
  field: z.enum(['phone', 'address', 'name', 'title', 'description', 'result', 'ratingComment', 'eventText']),
  eventId: z.number().int().positive().optional(),
  reason: ZReason,
}).superRefine((b, c) => {
  if (b.field === 'eventText' && b.eventId === undefined) {
    c.addIssue({ code: 'custom', path: ['eventId'], message: bilingual(workOrderMsg.revealEventRequired.zh, workOrderMsg.revealEventRequired.en).error });
  }
});
