import type { Actor } from '../../core/access/actor.js';
import { allowedWhere, rolesAllowed } from '../../core/access/policy.js';
import { assertInScope, bindingsOver, inSubtrees } from '../../core/access/scope.js';
import type { AppContext } from '../../core/context.js';
import { isUniqueViolation } from '../../core/db.js';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.js';
import { appendEvent, type EventActor } from '../../core/events.js';
import { newId, nowIso } from '../../core/ids.js';
import { availableActions } from '../../core/lifecycle/engine.js';
import type { TCreatePartyPost } from '../../../contracts/party.js';
import { findPlace } from '../places/index.js';
import { partyMsg } from './messages.js';
import { partyClaimLifecycle, partyPostLifecycle, loadPartyPost, toPartyClaim, toPartyPost, type PartyClaimRow, type PartyPostRecord, type PartyPostRow } from './post-lifecycle.js';
import { partyPostPolicy, partyPostReadPolicy } from './post-policy.js';

const WRITERS = rolesAllowed(partyPostPolicy, 'create');

/** Publishes a post on a place of the caller's subtree (404 outside): a building-head post on a building, others on a community to a building. */
export async function createPartyPost(ctx: AppContext, actor: Actor, input: TCreatePartyPost) {
  const place = await findPlace(ctx.handle.db, input.placeId);
  assertInScope(actor, place?.path, 'place');
  if (input.kind === 'building_head' && place!.level !== 'building') throw invalid('placeId', partyMsg.postPlaceLevel, 'place_level');
  if (!['community', 'grid', 'compound', 'building'].includes(place!.level)) throw invalid('placeId', partyMsg.postPlaceOther, 'place_level');
  if (!bindingsOver(actor, place!.path, WRITERS).length) throw forbidden();
  const now = nowIso();
  const row: PartyPostRow = { id: newId(), kind: input.kind, title: input.title, duties: input.duties, place_id: place!.id, place_path: place!.path,
    places_total: input.places, places_taken: 0, state: 'open', version: 1, created_at: now, updated_at: now };
  await ctx.handle.db.transaction().execute(async (trx) => {
    await trx.insertInto('party_posts').values(row).execute();
    await appendEvent(trx, actor, { entityType: 'party_post', entityId: row.id, placeId: row.place_id, action: 'create',
      to: { state: 'open', kind: row.kind, title: row.title, places: row.places_total } }, now);
  });
  return { ...toPartyPost(row), actions: [] as string[] };
}

/** The post if the caller may see it, else 404. */
export async function visiblePost(ctx: AppContext, actor: Actor, id: string): Promise<PartyPostRecord> {
  const post = await loadPartyPost(ctx.handle.db, id);
  if (!post || !partyPostLifecycle.visible(actor, post)) throw notFound('party post');
  return post;
}

/**
 * Puts a member on a post's list (nominated): by an office (self-nomination) or by a resident's recommendation. The post
 * is open (409), the member active and living, or bound to an org, within the post's community (404), and not already
 * on its list (409).
 */
export async function nominate(ctx: AppContext, by: EventActor, post: PartyPostRecord, memberId: string, recommenderIndex: string | null) {
  const db = ctx.handle.db;
  if (post.state !== 'open') throw conflict('post', partyMsg.postClosed);
  const community = post.placePath.split('/').slice(0, 4).join('/') + '/';
  const member = await db.selectFrom('party_members').select(['id', 'state', 'place_path']).where('id', '=', memberId).executeTakeFirst();
  if (!member || !member.place_path.startsWith(community)) throw notFound('party member');
  if (member.state !== 'active') throw invalid('memberId', partyMsg.memberLeft);
  const now = nowIso();
  const row: PartyClaimRow = { id: newId(), post_id: post.id, member_id: member.id, place_id: post.placeId, place_path: post.placePath,
    source: recommenderIndex ? 'recommended' : 'self', recommender_index: recommenderIndex, state: 'nominated', version: 1, created_at: now, updated_at: now };
  try {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('party_claims').values(row).execute();
      await appendEvent(trx, by, { entityType: 'party_claim', entityId: row.id, placeId: row.place_id, action: recommenderIndex ? 'recommend' : 'nominate',
        to: { state: 'nominated', postId: post.id, memberId: member.id } }, now);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('memberId', partyMsg.alreadyNominated, 'duplicate');
    throw e;
  }
  return row;
}

/** The posts the caller sees in a place's subtree, newest first. */
export async function listPartyPosts(ctx: AppContext, actor: Actor, q: { placeId?: string; limit: number; offset: number }) {
  const db = ctx.handle.db;
  const place = q.placeId ? await findPlace(db, q.placeId) : undefined;
  if (q.placeId) assertInScope(actor, place?.path, 'place');
  let query = db.selectFrom('party_posts').innerJoin('places', 'places.id', 'party_posts.place_id')
    .where((eb) => allowedWhere(eb, actor, partyPostReadPolicy, 'read', 'party_posts.place_path'));
  if (place) query = query.where((eb) => inSubtrees(eb, 'party_posts.place_path', [place.path]));
  const [rows, total] = await Promise.all([
    query.selectAll('party_posts').select('places.name as place_name').orderBy('party_posts.created_at', 'desc').orderBy('party_posts.id').limit(q.limit).offset(q.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => ({ ...toPartyPost(r), placeName: r.place_name, actions: availableActions(partyPostLifecycle, actor, { ...r, placeId: r.place_id, placePath: r.place_path }) })), total: Number(total.n) };
}

/** One post with its list: each claim, its member's name and the steps the caller may take on it. */
export async function postDetail(ctx: AppContext, actor: Actor, post: PartyPostRecord) {
  const claims = await ctx.handle.db.selectFrom('party_claims').innerJoin('party_members as m', 'm.id', 'party_claims.member_id')
    .selectAll('party_claims').select(['m.name as member_name', 'm.category as member_category']).where('party_claims.post_id', '=', post.id)
    .orderBy('party_claims.created_at').orderBy('party_claims.id').execute();
  return {
    ...toPartyPost(post.row), actions: availableActions(partyPostLifecycle, actor, post),
    claims: claims.map((c) => ({ ...toPartyClaim(c), memberName: c.member_name, memberCategory: c.member_category,
      actions: availableActions(partyClaimLifecycle, actor, { id: c.id, version: c.version, placeId: c.place_id, placePath: c.place_path, state: c.state }) })),
  };
}

/** The buildings of a subtree the caller sees that have no member holding a building-head post there. */
/** The buildings under a place where no member holds a building-head post. */
const lackingHead = (db: AppContext['handle']['db'], path: string) => db.selectFrom('places as b').leftJoin('places as c', 'c.id', 'b.parent_id')
  .where('b.level', '=', 'building')
  .where((eb) => inSubtrees(eb, 'b.path', [path]))
  .where((eb) => eb.not(eb.exists(eb.selectFrom('party_claims as k').innerJoin('party_posts as p', 'p.id', 'k.post_id').select('k.id')
    .whereRef('p.place_id', '=', 'b.id').where('p.kind', '=', 'building_head').where('k.state', '=', 'holding'))));

/** How many buildings under a place (one the caller was checked to reach) lack a member holding a building-head post. */
export async function countBuildingsLackingHead(db: AppContext['handle']['db'], path: string): Promise<number> {
  return Number((await lackingHead(db, path).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

export async function buildingsLackingHead(ctx: AppContext, actor: Actor, q: { placeId: string; limit: number; offset: number }) {
  const db = ctx.handle.db;
  const place = await findPlace(db, q.placeId);
  assertInScope(actor, place?.path, 'place');
  const base = lackingHead(db, place!.path);
  const [rows, total] = await Promise.all([
    base.select(['b.id', 'b.name', 'c.name as parent_name']).orderBy('b.path').limit(q.limit).offset(q.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => ({ id: r.id, name: r.name, parentName: r.parent_name })), total: Number(total.n) };
}
