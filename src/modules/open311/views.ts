import type { WorkOrderState } from '../../../contracts/work-orders.js';
import { open311Msg } from './messages.js';
import { msg, type Param } from '../../core/i18n.js';
import type { Message } from '../../core/errors.js';

/** GeoReport knows two statuses: a resolved order waits only on the resident's follow-up and rating, so it counts as closed. */
export const STATUS_OF: Record<WorkOrderState, 'open' | 'closed'> = {
  received: 'open', accepted: 'open', dispatched: 'open', taken: 'open',
  resolved: 'closed', followed_up: 'closed', closed: 'closed', rejected: 'closed', merged: 'closed',
};
/**
 * The extended statuses of mySociety's servicerequestupdates, as FixMyStreet reads them (it lower-cases them and maps
 * FIXED to fixed, NOT_COUNCILS_RESPONSIBILITY to not responsible, DUPLICATE to duplicate). A demand refused at intake
 * (不予受理: not the office's to handle) is never reported as fixed; a direct answer closes the demand as done.
 */
export const EXTENDED_STATUS_OF: Record<WorkOrderState, 'OPEN' | 'IN_PROGRESS' | 'FIXED' | 'NOT_COUNCILS_RESPONSIBILITY' | 'DUPLICATE'> = {
  received: 'OPEN', accepted: 'IN_PROGRESS', dispatched: 'IN_PROGRESS', taken: 'IN_PROGRESS',
  resolved: 'FIXED', followed_up: 'FIXED', closed: 'FIXED', rejected: 'NOT_COUNCILS_RESPONSIBILITY', merged: 'DUPLICATE',
};

export const statesWith = (status: 'open' | 'closed') => (Object.keys(STATUS_OF) as WorkOrderState[]).filter((s) => STATUS_OF[s] === status);

/** W3C date-time in China time, without fractions: '2026-11-24T09:30:00+08:00'. */
export const w3c = (iso: string | null | undefined) =>
  iso ? `${new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00` : null;

// A request's media links ride at the end of its description, one per line, since orders keep photos as files, not links.
const MEDIA = /\n\n((?:\[media_url\] \S+\n?)+)$/;
/** Public http(s) links only, at most three, so they never crowd out the text. */
export const mediaLinks = (urls: string[]) => urls.filter((u) => /^https?:\/\/\S+$/i.test(u) && u.length <= 300).slice(0, 3);
export const withMedia = (description: string, urls: string[]) =>
  urls.length ? `${description}\n\n${urls.map((u) => `[media_url] ${u}`).join('\n')}` : description;
export function splitMedia(text: string): { description: string; mediaUrl: string } {
  const m = MEDIA.exec(text);
  if (!m) return { description: text, mediaUrl: '' };
  return { description: text.slice(0, m.index), mediaUrl: m[1]!.split('\n')[0]!.replace('[media_url] ', '').trim() };
}

/** The place shown for a request: the order's compound or a place above it, never the building or household. */
export const publicPlaceId = (placePath: string) => {
  const ids = placePath.split('/').filter(Boolean);
  return ids[Math.min(ids.length - 1, 4)] ?? '';
};

const RATING: Record<string, Message> = { satisfied: open311Msg.satisfied, basically_satisfied: open311Msg.basicallySatisfied, not_satisfied: open311Msg.notSatisfied };
/** The platform shows the Chinese of each update. */
const zh = (entry: Message, params?: Record<string, Param>) => msg(entry, params).zh;
type To = Record<string, unknown>;

/** What each step says in the public update feed; dispatch notes, return and supervision reasons stay inside. */
export const UPDATE_TEXT: Record<string, (to: To, reason: string | null) => string> = {
  accept: () => zh(open311Msg.accept),
  reject: (_to, reason) => zh(open311Msg.reject, { reason: reason ?? '' }),
  answer: (to) => zh(open311Msg.answer, { result: String(to.result ?? '') }),
  dispatch: () => zh(open311Msg.dispatch),
  take: () => zh(open311Msg.take),
  return: () => zh(open311Msg.return),
  contact: () => zh(open311Msg.contact),
  resolve: (to) => zh(open311Msg.resolve, { result: String(to.result ?? '') }),
  follow_up: () => zh(open311Msg.followUp),
  rate: (to) => zh(open311Msg.rate, { rating: RATING[String(to.rating)] ?? '', reopened: to.reopened ? open311Msg.ratedReopened : '' }),
  supervise: () => zh(open311Msg.supervise),
  call_in: () => zh(open311Msg.callIn),
  report_in: () => zh(open311Msg.reportIn),
  request_extension: () => zh(open311Msg.requestExtension),
  decide_extension: (to) => zh(to.approved ? open311Msg.extensionApproved : open311Msg.extensionRefused),
  merge: (to) => zh(open311Msg.merged, { trackingNo: String(to.trackingNo ?? '') }),
  comment: (to) => String(to.comment ?? ''),
};
export const UPDATE_ACTIONS = Object.keys(UPDATE_TEXT);
