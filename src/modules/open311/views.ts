import type { WorkOrderState } from '../../../contracts/work-orders.js';

/** GeoReport knows two statuses: a resolved order waits only on the resident's follow-up and rating, so it counts as closed. */
export const STATUS_OF: Record<WorkOrderState, 'open' | 'closed'> = {
  received: 'open', accepted: 'open', dispatched: 'open', taken: 'open',
  resolved: 'closed', followed_up: 'closed', closed: 'closed', rejected: 'closed', merged: 'closed',
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

const RATING: Record<string, string> = { satisfied: '满意', basically_satisfied: '基本满意', not_satisfied: '不满意' };
type To = Record<string, unknown>;

/** What each step says in the public update feed; dispatch notes, return and supervision reasons stay inside. */
export const UPDATE_TEXT: Record<string, (to: To, reason: string | null) => string> = {
  accept: () => '已受理',
  reject: (_to, reason) => `不予受理:${reason ?? ''}`,
  answer: (to) => `已答复:${to.result ?? ''}`,
  dispatch: () => '已派单,等待承办',
  take: () => '承办人已接单',
  return: () => '已退回,重新派单',
  contact: () => '承办人已联系诉求人',
  resolve: (to) => `已办结:${to.result ?? ''}`,
  follow_up: () => '已回访',
  rate: (to) => `评价:${RATING[String(to.rating)] ?? ''}${to.reopened ? ',工单重新办理' : ''}`,
  supervise: () => '已督办',
  call_in: () => '已召集相关部门协同办理',
  report_in: () => '协办部门已反馈办理情况',
  request_extension: () => '承办人申请延期',
  decide_extension: (to) => (to.approved ? '延期申请已批准' : '延期申请未批准'),
  merge: (to) => `已并入工单 ${to.trackingNo ?? ''}`,
  comment: (to) => String(to.comment ?? ''),
};
export const UPDATE_ACTIONS = Object.keys(UPDATE_TEXT);
