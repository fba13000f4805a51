import type { Actor } from '../../core/access/actor.js';
import { allowedWhere, can } from '../../core/access/policy.js';
import { inSubtrees } from '../../core/access/scope.js';
import type { DbOrTrx } from '../../core/db.js';
import { partyMemberReadPolicy } from './member-policy.js';

/** A member whom work can be handed to: active, with the sign-in linked to them (party_member_accounts). */
export interface AssignableMember { id: string; name: string; userId: string; placePath: string; orgName: string; unitName: string | null }
/** A post a member holds now (a claim in `holding`), with the post's place. */
export interface HeldPost { memberId: string; kind: string; title: string; placePath: string }

const linkedQuery = (db: DbOrTrx) => db.selectFrom('party_members as m')
  .innerJoin('party_member_accounts as a', 'a.member_id', 'm.id').innerJoin('party_orgs as o', 'o.id', 'm.org_id').leftJoin('units as u', 'u.id', 'm.unit_id')
  .select(['m.id', 'm.name', 'a.user_id', 'm.place_path', 'o.name as org_name', 'u.name as unit_name']).where('m.state', '=', 'active');
const view = (r: { id: string; name: string; user_id: string; place_path: string; org_name: string; unit_name: string | null }): AssignableMember =>
  ({ id: r.id, name: r.name, userId: r.user_id, placePath: r.place_path, orgName: r.org_name, unitName: r.unit_name });

/** The member if the staff actor sees them (their subtree), they are active and linked to a sign-in; else undefined. */
export async function assignableMember(db: DbOrTrx, actor: Actor, id: string): Promise<AssignableMember | undefined> {
  const r = await linkedQuery(db).where('m.id', '=', id).executeTakeFirst();
  if (!r || !can(actor, partyMemberReadPolicy, 'read', r.place_path, undefined as never)) return undefined;
  return view(r);
}

/** The active, linked members inside a place's subtree that the actor sees, by name (at most 200). */
export async function assignableMembersUnder(db: DbOrTrx, actor: Actor, placePath: string): Promise<AssignableMember[]> {
  const rows = await linkedQuery(db).where((eb) => allowedWhere(eb, actor, partyMemberReadPolicy, 'read', 'm.place_path'))
    .where((eb) => inSubtrees(eb, 'm.place_path', [placePath])).orderBy('m.name').orderBy('m.id').limit(200).execute();
  return rows.map(view);
}

/** The member a sign-in is linked to, if any (the demo hands needs to one). */
export async function memberLinkedTo(db: DbOrTrx, userId: string): Promise<{ id: string; name: string } | undefined> {
  return db.selectFrom('party_member_accounts as a').innerJoin('party_members as m', 'm.id', 'a.member_id').select(['m.id', 'm.name']).where('a.user_id', '=', userId).executeTakeFirst();
}

/** The posts each of these members holds now, for ranking them beside a need's place. */
export async function heldPosts(db: DbOrTrx, memberIds: readonly string[]): Promise<HeldPost[]> {
  if (!memberIds.length) return [];
  const rows = await db.selectFrom('party_claims as c').innerJoin('party_posts as p', 'p.id', 'c.post_id')
    .select(['c.member_id', 'p.kind', 'p.title', 'p.place_path']).where('c.state', '=', 'holding').where('c.member_id', 'in', [...new Set(memberIds)]).execute();
  return rows.map((r) => ({ memberId: r.member_id, kind: r.kind, title: r.title, placePath: r.place_path }));
}

/** Members' names by id (for lists that name who a record was handed to). */
export async function memberNames(db: DbOrTrx, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('party_members').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
