import type { Seed } from '../../core/module.js';
import { appendEvents, SYSTEM_ACTOR, type NewEvent } from '../../core/events.js';
import { newId, nowIso } from '../../core/ids.js';
import { mobile, personName } from '../../seed/names.js';
import type { PartyMemberCategory, PartyOrgKind, TPartySeatHolder } from '../../../contracts/party.js';
import { personalColumns } from '../residents/index.js';
import { DEMO_PARTNER_UNITS, listUnitsOfKind } from '../units/index.js';
import { seedPoints } from './points-seed.js';
import { seedCheckins } from './checkin-seed.js';
import { ensureCardKeys, ensurePublicKeys, type PublicSubject } from './identity.js';
import type { PartyClaimTable, PartyMemberTable, PartyOrgTable, PartyPostTable } from './tables.js';

/**
 * The demo street's org tree: the street working committee, a party committee in every community with part-time members
 * from the partner units, a branch in most compounds (支部建在小区里) and a group in most of their buildings; a few
 * compounds and buildings are left without, so the gaps list has something to show. Two partner units have their own org.
 */
export const partySeed: Seed = {
  async run(ctx, demo) {
    const { places, random } = demo;
    const { db } = ctx.handle;
    const now = nowIso();
    const below = await db.selectFrom('places').select(['id', 'path', 'name', 'level']).where('path', 'like', `${places.street.path}%`)
      .where('level', 'in', ['community', 'compound', 'building']).orderBy('path').execute();
    const partners = (await listUnitsOfKind(db, 'partner_unit')).filter((u) => DEMO_PARTNER_UNITS.includes(u.name));
    const rows: PartyOrgTable[] = [];
    const branches: { path: string; name: string }[] = [];
    const org = (kind: PartyOrgKind, name: string, at: { id: string; path: string }, committee: TPartySeatHolder[], unitId: string | null = null) =>
      rows.push({ id: newId(), kind, name, place_id: at.id, place_path: at.path, unit_id: unitId, unit_key: unitId ?? '', committee: JSON.stringify(committee),
        state: 'active', dissolved_at: null, version: 1, created_at: now, updated_at: now });
    const seats = (n: number): TPartySeatHolder[] => [
      { seat: 'secretary', name: personName(random) },
      ...Array.from({ length: n }, () => ({ seat: 'committee_member' as const, name: personName(random) })),
    ];
    org('street_working_committee', `${places.street.name}党工委`, places.street, [...seats(4),
      ...partners.slice(0, 2).map((u) => ({ seat: 'part_time_member' as const, name: personName(random), unitId: u.id }))]);
    for (const [i, p] of below.entries()) {
      if (p.level === 'community') {
        org('community_party_committee', `${p.name}大党委`, p, [...seats(3), { seat: 'first_secretary', name: personName(random) },
          ...partners.map((u) => ({ seat: 'part_time_member' as const, name: personName(random), unitId: u.id }))]);
      } else if (p.level === 'compound' && i % 5 !== 4) {
        org('compound_branch', `${p.name}党支部`, p, seats(2));
        branches.push({ path: p.path, name: p.name });
      } else if (p.level === 'building') {
        const branch = branches.find((b) => p.path.startsWith(b.path));
        if (branch && random.next() < 0.6) org('building_group', `${branch.name}${p.name}党小组`, p, [{ seat: 'secretary', name: personName(random) }]);
      }
    }
    for (const u of partners.slice(0, 2)) org('partner_unit_org', `${u.name}党委`, { id: u.place_id, path: u.place_path }, seats(2), u.id);
    const members = await seedMembers(ctx, rows, partners.map((u) => u.id), random);
    const { posts, claims } = seedPosts(below.filter((p) => p.level === 'building' && p.path.startsWith(places.community.path)), members);
    const events: NewEvent[] = [
      ...rows.map((r) => ({ entityType: 'party_org', entityId: r.id, placeId: r.place_id, action: 'create',
        to: { state: 'active', kind: r.kind, name: r.name, unitId: r.unit_id }, reason: 'demo data' })),
      ...members.map((m) => ({ entityType: 'party_member', entityId: m.id, placeId: m.place_id, action: 'create',
        to: { state: 'active', name: m.name, category: m.category, orgId: m.org_id, unitId: m.unit_id, phone: m.phone_masked }, reason: 'demo data' })),
      ...posts.map((p) => ({ entityType: 'party_post', entityId: p.id, placeId: p.place_id, action: 'create',
        to: { state: 'open', kind: p.kind, title: p.title, places: p.places_total }, reason: 'demo data' })),
      ...claims.map((c) => ({ entityType: 'party_claim', entityId: c.id, placeId: c.place_id, action: 'claim', to: { state: c.state, postId: c.post_id, memberId: c.member_id }, reason: 'demo data' })),
    ];
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 200) await trx.insertInto('party_orgs').values(rows.slice(i, i + 200)).execute();
      for (let i = 0; i < members.length; i += 200) await trx.insertInto('party_members').values(members.slice(i, i + 200)).execute();
      if (posts.length) await trx.insertInto('party_posts').values(posts).execute();
      if (claims.length) await trx.insertInto('party_claims').values(claims).execute();
      await appendEvents(trx, SYSTEM_ACTOR, events, now);
    });
    await ensureCardKeys(db, claims.filter((c) => c.state === 'holding').map((c) => c.member_id));
    await seedPoints(ctx, demo, members, claims);
    await seedCheckins(ctx, demo, members);
    // 码上通: every compound and building of the street has its QR key from the start (printing the sheet mints any new one).
    const compounds = below.filter((p) => p.level === 'compound');
    await ensurePublicKeys(db, below.flatMap((p): PublicSubject[] => {
      if (p.level === 'compound') return [{ type: 'compound' as const, id: p.id, placeId: p.id, placePath: p.path }];
      const compound = p.level === 'building' ? compounds.find((c) => p.path.startsWith(c.path)) : undefined;
      return compound ? [{ type: 'building' as const, id: p.id, placeId: compound.id, placePath: compound.path }] : [];
    }));
  },
};

const HOUSEHOLD_CATEGORIES: PartyMemberCategory[] = ['resident_member', 'resident_member', 'retired', 'mobile_member'];

/**
 * Members of every category: in each compound with a branch, a few resident, retired and mobile members on its households
 * (the first a member central household); in each community, in-service members employed by the partner units.
 */
async function seedMembers(ctx: Parameters<Seed['run']>[0], orgs: PartyOrgTable[], partnerIds: string[], random: Parameters<Seed['run']>[1]['random']) {
  const now = nowIso();
  const out: PartyMemberTable[] = [];
  const member = (name: string, category: PartyMemberCategory, org: PartyOrgTable, at: { id: string; path: string } | null, unitId: string | null, central = false) =>
    out.push({ id: newId(), name, category, org_id: org.id, household_id: at?.id ?? null, place_id: at?.id ?? org.place_id, place_path: at?.path ?? org.place_path,
      unit_id: unitId, phone_enc: null, phone_masked: null, phone_index: null, id_number_enc: null, id_number_masked: null,
      ...personalColumns(ctx.cipher, mobile(random), undefined), central_household: central ? 1 : 0, state: 'active', left_at: null, version: 1, created_at: now, updated_at: now });
  for (const org of orgs) {
    if (org.kind === 'compound_branch') {
      const households = await ctx.handle.db.selectFrom('places').select(['id', 'path']).where('level', '=', 'household')
        .where('path', 'like', `${org.place_path}%`).orderBy('path').limit(4).execute();
      households.forEach((h, i) => member(personName(random), HOUSEHOLD_CATEGORIES[i]!, org, h, null, i === 0));
    } else if (org.kind === 'community_party_committee') {
      for (const unitId of partnerIds) member(personName(random), 'in_service_member', org, null, unitId);
    }
  }
  return out;
}

/**
 * 北江社区's building-head posts, one per building: the first half held by a member living in the building (where one
 * does), the rest still open, so "buildings still lacking a head" has something to show.
 */
function seedPosts(buildings: { id: string; path: string; name: string }[], members: PartyMemberTable[]) {
  const now = nowIso();
  const posts: PartyPostTable[] = [];
  const claims: PartyClaimTable[] = [];
  for (const [i, b] of buildings.entries()) {
    const holder = i < buildings.length / 2 ? members.find((m) => m.place_path.startsWith(b.path)) : undefined;
    const post: PartyPostTable = { id: newId(), kind: 'building_head', title: `${b.name}党员楼长`, duties: '联系本栋住户,收集转办诉求,带头参与小区议事',
      place_id: b.id, place_path: b.path, places_total: 1, places_taken: holder ? 1 : 0, state: 'open', version: 1, created_at: now, updated_at: now };
    posts.push(post);
    if (holder) claims.push({ id: newId(), post_id: post.id, member_id: holder.id, place_id: b.id, place_path: b.path, source: 'self', recommender_index: null,
      state: 'holding', version: 3, created_at: now, updated_at: now });
  }
  return { posts, claims };
}
