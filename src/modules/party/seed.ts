import type { Seed } from '../../core/module.js';
import { appendEvents, SYSTEM_ACTOR, type NewEvent } from '../../core/events.js';
import { newId, nowIso } from '../../core/ids.js';
import { personName } from '../../seed/names.js';
import type { PartyOrgKind, TPartySeatHolder } from '../../../contracts/party.js';
import { listUnitsOfKind } from '../units/index.js';
import type { PartyOrgTable } from './tables.js';

/**
 * The demo street's org tree: the street working committee, a party committee in every community with part-time members
 * from the partner units, a branch in most compounds (支部建在小区里) and a group in most of their buildings; a few
 * compounds and buildings are left without, so the gaps list has something to show. Two partner units have their own org.
 */
export const partySeed: Seed = {
  async run(ctx, { places, random }) {
    const { db } = ctx.handle;
    const now = nowIso();
    const below = await db.selectFrom('places').select(['id', 'path', 'name', 'level']).where('path', 'like', `${places.street.path}%`)
      .where('level', 'in', ['community', 'compound', 'building']).orderBy('path').execute();
    const partners = await listUnitsOfKind(db, 'partner_unit');
    const rows: PartyOrgTable[] = [];
    const branches: string[] = [];
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
        branches.push(p.path);
      } else if (p.level === 'building' && branches.some((b) => p.path.startsWith(b)) && random.next() < 0.6) {
        org('building_group', `${p.name}党小组`, p, [{ seat: 'secretary', name: personName(random) }]);
      }
    }
    for (const u of partners.slice(0, 2)) org('partner_unit_org', `${u.name}党委`, { id: u.place_id, path: u.place_path }, seats(2), u.id);
    const events: NewEvent[] = rows.map((r) => ({ entityType: 'party_org', entityId: r.id, placeId: r.place_id, action: 'create',
      to: { state: 'active', kind: r.kind, name: r.name, unitId: r.unit_id }, reason: 'demo data' }));
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 200) await trx.insertInto('party_orgs').values(rows.slice(i, i + 200)).execute();
      await appendEvents(trx, SYSTEM_ACTOR, events, now);
    });
  },
};
