import type { Actor } from '../../core/access/actor.js';
import { authorize } from '../../core/access/policy.js';
import { isWithin } from '../../core/access/scope.js';
import type { AppContext } from '../../core/context.js';
import { invalid, notFound } from '../../core/errors.js';
import type { TRecordMeeting, TRecordService } from '../../../contracts/party-points.js';
import { partyMemberLifecycle } from './member-lifecycle.js';
import { loadPartyMember } from './member-lifecycle.js';
import { partyMsg } from './messages.js';
import { partyPointsPolicy } from './points-policy.js';
import { ruleItem, writeEntries, type Earner } from './points-ledger.js';
import { visibleCommunity } from './points-rules.js';

/** An active member the caller sees (404 otherwise), whom an office of theirs may record points for (403). */
async function recordable(ctx: AppContext, actor: Actor, memberId: string): Promise<Earner> {
  const member = await loadPartyMember(ctx.handle.db, memberId);
  if (!member || !partyMemberLifecycle.visible(actor, member)) throw notFound('party member');
  authorize(actor, partyPointsPolicy, 'record', member.placePath, {}, 'party member');
  if (member.state !== 'active') throw invalid('memberId', partyMsg.memberLeft);
  return member.row;
}

/** Staff record a member's service: a service_hour entry (hours × the rule's points) and its event, in one transaction. */
export async function recordService(ctx: AppContext, actor: Actor, memberId: string, input: TRecordService) {
  const member = await recordable(ctx, actor, memberId);
  return ctx.handle.db.transaction().execute(async (trx) => {
    const item = await ruleItem(trx, member.place_path, { kind: 'service_hour' });
    return (await writeEntries(trx, actor, [{ member, item, quantity: input.hours, earnedOn: input.date, reason: input.what, action: 'record_service' }]))[0]!;
  });
}

/** Staff give a member an `other` or `rating` item of the rules, with what it was for. */
export async function awardPoints(ctx: AppContext, actor: Actor, memberId: string, input: { itemId: string; quantity: number; reason: string; date: string }) {
  const member = await recordable(ctx, actor, memberId);
  return ctx.handle.db.transaction().execute(async (trx) => {
    const item = await ruleItem(trx, member.place_path, { id: input.itemId });
    if (item.kind !== 'other' && item.kind !== 'rating') throw invalid('itemId', partyMsg.pointsAwardKind);
    return (await writeEntries(trx, actor, [{ member, item, quantity: input.quantity, earnedOn: input.date, reason: input.reason, action: 'award_points' }]))[0]!;
  });
}

/**
 * One meeting of a community, many members: each attendee (a member of the community the caller sees; any other is 404
 * and nothing is written) earns the meeting item once, all in one transaction.
 */
export async function recordMeeting(ctx: AppContext, actor: Actor, input: TRecordMeeting) {
  const community = await visibleCommunity(ctx, actor, input.placeId, 'record');
  const members: Earner[] = [];
  for (const id of [...new Set(input.memberIds)]) {
    const m = await recordable(ctx, actor, id);
    if (!isWithin(m.place_path, community.path)) throw notFound('party member');
    members.push(m);
  }
  return ctx.handle.db.transaction().execute(async (trx) => {
    const item = await ruleItem(trx, community.path, { kind: 'meeting' });
    return writeEntries(trx, actor, members.map((member) => ({ member, item, quantity: 1, earnedOn: input.date, reason: input.title, action: 'attend_meeting' })));
  });
}
