import type { Actor } from '../../core/access/actor.js';
import { allowedWhere } from '../../core/access/policy.js';
import { assertInScope, inSubtrees, selfAndAncestorPaths } from '../../core/access/scope.js';
import type { AppContext } from '../../core/context.js';
import { sql } from 'kysely';
import { preparedQuery, subtreeUpperBound, type DbOrTrx } from '../../core/db.js';
import { notFound } from '../../core/errors.js';
import { appendEvent, SYSTEM_ACTOR } from '../../core/events.js';
import { msg } from '../../core/i18n.js';
import { newId, newPublicKey, nowIso } from '../../core/ids.js';
import type { TContactMember, TPublicCard, TPublicCompoundPage } from '../../../contracts/party-identity.js';
import type { TPartySeatHolder } from '../../../contracts/party.js';
import type { ServiceSiteKind } from '../../../contracts/service-sites.js';
import { publishedNoticesSql } from '../announcements/index.js';
import { latestAttachmentIdSql } from '../attachments/index.js';
import { notify } from '../notifications/index.js';
import { findPlace } from '../places/index.js';
import { openSitesSql } from '../service-sites/index.js';
import { partnerUnitsSql } from '../units/index.js';
import { memberPhotos } from './member-photo.js';
import { partyMemberReadPolicy } from './member-policy.js';
import { partyMsg } from './messages.js';
import type { PartyPublicKeyTable } from './identity-tables.js';

type Db = AppContext['handle']['db'];
export type PublicSubject = { type: PartyPublicKeyTable['subject_type']; id: string; placeId: string; placePath: string };

export const isPublicKey = (key: string) => /^[a-z2-9]{16}$/.test(key);

/**
 * The public key of each subject, minted where missing (a compound's and building's when its community prints the
 * sheet, a post holder's card when they claim the post); a key once given never changes, so printed codes stay good.
 */
export async function ensurePublicKeys(db: DbOrTrx, subjects: PublicSubject[]): Promise<Map<string, string>> {
  if (subjects.length === 0) return new Map();
  const read = async () => {
    const out = new Map<string, string>();
    for (let i = 0; i < subjects.length; i += 500) {
      const slice = subjects.slice(i, i + 500);
      const rows = await db.selectFrom('party_public_keys').select(['subject_type', 'subject_id', 'key'])
        .where('subject_id', 'in', slice.map((s) => s.id)).execute();
      for (const r of rows) out.set(`${r.subject_type}:${r.subject_id}`, r.key);
    }
    return out;
  };
  const known = await read();
  const missing = subjects.filter((s) => !known.has(`${s.type}:${s.id}`));
  if (missing.length === 0) return new Map(subjects.map((s) => [s.id, known.get(`${s.type}:${s.id}`)!]));
  const now = nowIso();
  for (let i = 0; i < missing.length; i += 200) {
    await db.insertInto('party_public_keys').values(missing.slice(i, i + 200).map((s) => ({
      key: newPublicKey(), subject_type: s.type, subject_id: s.id, place_id: s.placeId, place_path: s.placePath, created_at: now,
    }))).onConflict((oc) => oc.columns(['subject_type', 'subject_id']).doNothing()).execute();
  }
  const all = await read();
  return new Map(subjects.map((s) => [s.id, all.get(`${s.type}:${s.id}`)!]));
}

/** Each member's card key, minted where missing: when a member takes up a post (the claim step), the card is there. */
export async function ensureCardKeys(db: DbOrTrx, memberIds: string[]): Promise<void> {
  if (memberIds.length === 0) return;
  const members = await db.selectFrom('party_members').select(['id', 'place_id', 'place_path']).where('id', 'in', memberIds).execute();
  await ensurePublicKeys(db, members.map((m) => ({ type: 'member' as const, id: m.id, placeId: m.place_id, placePath: m.place_path })));
}

/** The compound (or building) a QR key opens, with the compound's community by its parents (compound → grid → community). */
const pageByKey = preparedQuery((db, key: string) => db.selectFrom('party_public_keys as k')
  .innerJoin('places as p', 'p.id', 'k.place_id')
  .leftJoin('places as s', (j) => j.onRef('s.id', '=', 'k.subject_id').on('k.subject_type', '=', 'building'))
  .leftJoin('places as g', 'g.id', 'p.parent_id')
  .leftJoin('places as c', 'c.id', 'g.parent_id')
  .select(['k.subject_type', 'k.subject_id', 'p.id', 'p.name', 'p.path', 's.name as building_name', 'g.level as g_level', 'g.name as g_name', 'g.path as g_path',
    'c.name as c_name', 'c.path as c_path', 'c.level as c_level'])
  .where('k.key', '=', key).where('k.subject_type', 'in', ['compound', 'building']).where('p.level', '=', 'compound'));

// The IN lists of paths are padded to this length (repeating the compound's own path), so the statement keeps one shape.
const PATHS = 8;
const padded = (paths: string[], fill: string) => [...paths, ...Array<string>(Math.max(0, PATHS - paths.length)).fill(fill)].slice(0, PATHS);
type DetailRow = { section: 'branch' | 'head' | 'central' | 'unit' | 'site' | 'notice'; a: string; b: string | null; c: string | null; d: string | null; e: string | null; k1: string | null; k2: string | null; f: string | null };
const list = (values: string[]) => sql.join(values.map((v) => sql`${v}`));

/**
 * Everything else the page shows, in one statement of tagged rows: the branch (name, committee); whoever holds a
 * building-head post in the compound (member, post, duties, building, card key); the member central households (name and
 * building only, never the household); the partner units of the community or inside the compound; the open service
 * centres and service points on the compound, above it or inside it; the ten newest notices published to the compound or
 * above it.
 */
const pageDetail = preparedQuery((db, compoundId: string, lower: string, upper: string, ...paths: string[]) => {
  const notices = paths.slice(0, PATHS);
  const units = paths.slice(PATHS);
  const none = sql`cast(null as text)`;
  const query = sql<DetailRow>`
    select 'branch' as section, o.name as a, o.committee as b, ${none} as c, ${none} as d, ${none} as e, ${none} as k1, ${none} as k2, ${none} as f
      from party_orgs o where o.place_id = ${compoundId} and o.kind = 'compound_branch' and o.state = 'active'
    union all
    select 'head', m.name, p.title, p.duties, b.name, pk.key, b.path, m.id, ${latestAttachmentIdSql('party_member', 'photo', sql`m.id`)}
      from party_posts p join party_claims k on k.post_id = p.id join party_members m on m.id = k.member_id join places b on b.id = p.place_id
      left join party_public_keys pk on pk.subject_type = 'member' and pk.subject_id = m.id
      where p.place_path >= ${lower} and p.place_path < ${upper} and p.kind = 'building_head' and k.state = 'holding' and m.state = 'active'
    union all
    select 'central', m.name, ${none}, ${none}, b.name, ${none}, b.path, m.id, ${none}
      from party_members m join places h on h.id = m.household_id join places b on b.id = h.parent_id
      where m.place_path >= ${lower} and m.place_path < ${upper} and m.central_household = 1 and m.state = 'active'
    union all
    select 'unit', u.name, ${none}, ${none}, ${none}, ${none}, u.name, u.id, ${none} from (${partnerUnitsSql(units, lower, upper)}) u
    union all
    select 'site', s.name, s.services, s.hours, s.address, s.kind, s.place_path, s.name, ${none} from (${openSitesSql(notices, lower, upper)}) s
    union all
    select 'notice', n.title, n.body, n.published_at, ${none}, ${none}, n.published_at, n.id, ${none} from (${publishedNoticesSql(notices, 10)}) n`;
  return { compile: () => query.compile(db) };
});

const byKeys = (x: DetailRow, y: DetailRow) => (x.k1 ?? '') < (y.k1 ?? '') ? -1 : (x.k1 ?? '') > (y.k1 ?? '') ? 1 : x.a < y.a ? -1 : x.a > y.a ? 1 : 0;

/** The compound's public QR page (码上通), or undefined for an unknown key. Public data only: names, posts, notices. Two statements. */
export async function publicCompoundPage(db: Db, key: string): Promise<TPublicCompoundPage | undefined> {
  if (!isPublicKey(key)) return undefined;
  const [page] = await pageByKey(db, key);
  if (!page) return undefined;
  const community = page.g_level === 'community' ? { name: page.g_name!, path: page.g_path! } : page.c_level === 'community' ? { name: page.c_name!, path: page.c_path! } : null;
  const ancestors = selfAndAncestorPaths(page.path);
  const inCommunity = community ? ancestors.filter((p) => p.startsWith(community.path)) : [page.path];
  const rows = await pageDetail(db, page.id, page.path, subtreeUpperBound(page.path), ...padded(ancestors, page.path), ...padded(inCommunity, page.path));
  const of = (section: DetailRow['section']) => rows.filter((r) => r.section === section);
  const branch = of('branch')[0];
  const heads = of('head').sort(byKeys);
  const secretary = branch && (JSON.parse(branch.b!) as TPartySeatHolder[]).find((s) => s.seat === 'secretary');
  const notices = of('notice').sort((x, y) => (x.k1! === y.k1! ? (x.k2! < y.k2! ? 1 : -1) : x.k1! < y.k1! ? 1 : -1));
  return {
    compound: { name: page.name, communityName: community?.name ?? null },
    building: page.building_name,
    branch: branch ? { name: branch.a, secretary: secretary?.name ?? null } : null,
    buildingHeads: heads.map((h) => ({ building: h.d!, name: h.a, post: h.b!, duties: h.c!, photo: h.e && h.f ? `/api/public/cards/${h.e}/photo?v=${h.f}` : null, card: h.e })),
    centralHouseholds: of('central').sort(byKeys).map((c) => ({ name: c.a, building: c.d! })),
    partnerUnits: of('unit').sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : 0)).map((u) => ({ name: u.a })),
    // The nearest first: a point in the compound, then its community's station, then the street's centre.
    serviceSites: of('site').sort((x, y) => y.k1!.length - x.k1!.length || (x.k2! < y.k2! ? -1 : x.k2! > y.k2! ? 1 : 0))
      .map((p) => ({ kind: p.e as ServiceSiteKind, name: p.a, services: p.b!, hours: p.c!, address: p.d! })),
    announcements: notices.map((n) => ({ title: n.a, publishedAt: n.c, body: n.b! })),
    fileDemandHref: `/h5?place=${page.subject_type === 'building' ? page.subject_id : page.id}`,
  };
}

/** The member a card key names, while they are active and hold a post; else undefined (the card is gone). */
async function cardMember(db: Db, key: string) {
  if (!isPublicKey(key)) return undefined;
  const member = await db.selectFrom('party_public_keys as k').innerJoin('party_members as m', 'm.id', 'k.subject_id')
    .select(['m.id', 'm.name', 'm.place_id', 'm.place_path']).where('k.key', '=', key).where('k.subject_type', '=', 'member').where('m.state', '=', 'active')
    .executeTakeFirst();
  if (!member) return undefined;
  const posts = await db.selectFrom('party_claims as k').innerJoin('party_posts as p', 'p.id', 'k.post_id').innerJoin('places as pl', 'pl.id', 'p.place_id')
    .select(['p.title', 'p.duties', 'p.place_path', 'pl.name as place']).where('k.member_id', '=', member.id).where('k.state', '=', 'holding')
    .orderBy('p.place_path').execute();
  return posts.length ? { member, posts } : undefined;
}

/** A post holder's public card (亮身份): name, posts with their duties, the compound. Never a phone number. */
export async function publicCard(db: Db, key: string): Promise<TPublicCard | undefined> {
  const found = await cardMember(db, key);
  if (!found) return undefined;
  const compound = await db.selectFrom('places').select('name').where('level', '=', 'compound')
    .where('path', 'in', selfAndAncestorPaths(found.posts[0]!.place_path)).executeTakeFirst();
  const photo = (await memberPhotos(db, [found.member.id])).get(found.member.id);
  return {
    name: found.member.name, photo: photo ? `/api/public/cards/${key}/photo?v=${photo.id}` : null, compound: compound?.name ?? null,
    posts: found.posts.map((p) => ({ title: p.title, duties: p.duties, place: p.place })),
  };
}

/** The card's photo while the card is good (an active member holding a post); else undefined. */
export async function publicCardPhoto(db: Db, key: string) {
  const found = await cardMember(db, key);
  return found && (await memberPhotos(db, [found.member.id])).get(found.member.id);
}

/**
 * A passer-by's "contact me": a message to the member, kept on the member's place (their community sees it) and put in
 * the inbox of the member's own sign-in where they have one. Whoever wrote it is not known to the platform: the system
 * writes the event, with the name they gave.
 */
export async function contactMember(ctx: AppContext, key: string, input: TContactMember) {
  const db = ctx.handle.db;
  const found = await cardMember(db, key);
  if (!found) throw notFound('card');
  const { member } = found;
  const now = nowIso();
  const id = newId();
  const users = await db.selectFrom('party_member_accounts').select('user_id').where('member_id', '=', member.id).execute();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('party_contact_messages').values({ id, member_id: member.id, place_id: member.place_id, place_path: member.place_path,
      sender_name: input.senderName, text: input.text, created_at: now }).execute();
    await appendEvent(trx, SYSTEM_ACTOR, { entityType: 'party_member', entityId: member.id, placeId: member.place_id, action: 'contact_member',
      to: { messageId: id, senderName: input.senderName } }, now);
    await notify(trx, users.map((u) => u.user_id), { kind: 'party_contact', entityType: 'party_member', entityId: member.id,
      ...msg(partyMsg.contactNotice, { sender: input.senderName, text: input.text }) });
  });
  return { id, createdAt: now };
}

/**
 * The 联系我 messages left for the members the caller may see (newest first), optionally under one place: what the
 * community reads to follow up on them. The sender gave only a name to call them by.
 */
export async function listContactMessages(ctx: AppContext, actor: Actor, f: { placeId?: string; memberId?: string; limit: number; offset: number }) {
  const db = ctx.handle.db;
  const place = f.placeId ? await findPlace(db, f.placeId) : undefined;
  if (f.placeId) assertInScope(actor, place?.path, 'place');
  let q = db.selectFrom('party_contact_messages as c').innerJoin('party_members as m', 'm.id', 'c.member_id')
    .where((eb) => allowedWhere(eb, actor, partyMemberReadPolicy, 'read', 'c.place_path'));
  if (place) q = q.where((eb) => inSubtrees(eb, 'c.place_path', [place.path]));
  if (f.memberId) q = q.where('c.member_id', '=', f.memberId);
  const [rows, total] = await Promise.all([
    q.select(['c.id', 'c.member_id', 'm.name as member_name', 'c.sender_name', 'c.text', 'c.created_at'])
      .orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({ id: r.id, memberId: r.member_id, memberName: r.member_name, senderName: r.sender_name, text: r.text, createdAt: r.created_at })),
    total: Number(total.n),
  };
}
