import type { Actor } from '../../core/access/actor.js';
import type { AppContext } from '../../core/context.js';
import { isUniqueViolation } from '../../core/db.js';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.js';
import { appendEvent } from '../../core/events.js';
import { nowIso } from '../../core/ids.js';
import { availableActions } from '../../core/lifecycle/engine.js';
import { accountsWithRoleUnder } from '../accounts/index.js';
import { partyMemberLifecycle as def, loadPartyMember } from './member-lifecycle.js';
import { partyMsg } from './messages.js';
import { communityOf } from './points-rules.js';

/** The member the caller may see (404 outside their subtree); with `edit`, may also edit (403 without the step). */
export async function visibleMember(ctx: AppContext, actor: Actor, id: string, edit = true) {
  const record = await loadPartyMember(ctx.handle.db, id);
  if (!record || !def.visible(actor, record)) throw notFound('party member');
  if (edit && !availableActions(def, actor, record).includes('edit')) throw forbidden();
  return record;
}

/**
 * The sign-in linked to a member (what their own points, check-in and messages read) and the party-member accounts of
 * their community that may be linked: those not linked to another member.
 */
export async function memberAccount(ctx: AppContext, actor: Actor, id: string) {
  const db = ctx.handle.db;
  const record = await visibleMember(ctx, actor, id);
  const community = await communityOf(db, record.placePath);
  const accounts = community ? await accountsWithRoleUnder(db, community.path, 'party_member') : [];
  const links = accounts.length
    ? await db.selectFrom('party_member_accounts').select(['user_id', 'member_id']).where('user_id', 'in', accounts.map((a) => a.id)).execute()
    : [];
  const linkedTo = new Map(links.map((l) => [l.user_id, l.member_id]));
  const current = await db.selectFrom('party_member_accounts').select('user_id').where('member_id', '=', record.id).executeTakeFirst();
  const named = (a: (typeof accounts)[number]) => ({ id: a.id, username: a.username, displayName: a.display_name });
  return {
    linked: accounts.filter((a) => a.id === current?.user_id).map(named)[0] ?? (current ? { id: current.user_id, username: null, displayName: null } : null),
    candidates: accounts.filter((a) => !linkedTo.has(a.id)).map(named),
    /** The community's accounts already linked to another member. */
    taken: accounts.filter((a) => linkedTo.has(a.id) && linkedTo.get(a.id) !== record.id).map((a) => a.id),
  };
}

/** Links the member to a party-member account of their community (or unlinks with null); one account, one member. */
export async function setMemberAccount(ctx: AppContext, actor: Actor, id: string, userId: string | null) {
  const db = ctx.handle.db;
  const record = await visibleMember(ctx, actor, id);
  let account: { id: string; username: string; displayName: string } | undefined;
  if (userId) {
    const { candidates, linked, taken } = await memberAccount(ctx, actor, id);
    if (linked?.id === userId) return memberAccount(ctx, actor, id);
    if (taken.includes(userId)) throw conflict('userId', partyMsg.accountTaken);
    account = candidates.find((c) => c.id === userId);
    if (!account) throw invalid('userId', partyMsg.accountNotLinkable);
  }
  try {
    await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('party_member_accounts').select('user_id').where('member_id', '=', record.id).executeTakeFirst();
      if (!before && !account) return;
      await trx.deleteFrom('party_member_accounts').where('member_id', '=', record.id).execute();
      if (account) await trx.insertInto('party_member_accounts').values({ user_id: account.id, member_id: record.id, created_at: nowIso() }).execute();
      await appendEvent(trx, actor, { entityType: 'party_member', entityId: record.id, placeId: record.placeId,
        action: account ? 'link_account' : 'unlink_account', to: account ? { account: account.displayName || account.username } : {} });
    });
  } catch (e) {
    // Another office linked the same account to someone else a moment ago.
    if (isUniqueViolation(e)) throw conflict('userId', partyMsg.accountTaken);
    throw e;
  }
  return memberAccount(ctx, actor, id);
}
