import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import type { Actor } from '../../core/access/actor.js';
import { allowedWhere, authorize } from '../../core/access/policy.js';
import { inSubtrees, selfAndAncestorPaths } from '../../core/access/scope.js';
import type { AppContext } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { appendEvents, type NewEvent } from '../../core/events.js';
import { msg } from '../../core/i18n.js';
import { newId, nowIso } from '../../core/ids.js';
import { exportLedger, importRejected, parseLedgerRows, readLedgerRows, type LedgerRecord } from '../../core/ledger/index.js';
import { isMasked } from '../../core/personal-data.js';
import { ZIdNumber, ZPhone } from '../../core/validation.js';
import type { PartyMemberCategory } from '../../../contracts/party.js';
import { findPlace, type PlaceRow } from '../places/index.js';
import { personalColumns } from '../residents/index.js';
import { listVisibleUnits } from '../units/index.js';
import type { PartyMemberRow } from './member-lifecycle.js';
import { partyMemberPolicy, partyMemberReadPolicy } from './member-policy.js';
import { partyMsg } from './messages.js';
import { MEMBER_ROSTER, ROSTER_LIMITS } from './roster-layout.js';


async function rosterPlace(ctx: AppContext, actor: Actor, placeId: string, action: 'export' | 'import'): Promise<PlaceRow> {
  const place = await findPlace(ctx.handle.db, placeId);
  if (!place) throw notFound('place');
  authorize(actor, partyMemberPolicy, action, place.path, {});
  return place;
}

/** Streams the active members of a place's subtree, masked; the export is logged with its row count first. */
export async function exportMemberRoster(ctx: AppContext, actor: Actor, placeId: string, reply: FastifyReply) {
  const db = ctx.handle.db;
  const place = await rosterPlace(ctx, actor, placeId, 'export');
  const q = db.selectFrom('party_members').innerJoin('party_orgs as o', 'o.id', 'party_members.org_id')
    .leftJoin('places as h', 'h.id', 'party_members.household_id').leftJoin('places as b', 'b.id', 'h.parent_id').leftJoin('places as c', 'c.id', 'b.parent_id')
    .leftJoin('units as u', 'u.id', 'party_members.unit_id')
    .where((eb) => allowedWhere(eb, actor, partyMemberReadPolicy, 'read', 'party_members.place_path'))
    .where((eb) => inSubtrees(eb, 'party_members.place_path', [place.path])).where('party_members.state', '=', 'active');
  const rows = await q.select(['party_members.name', 'party_members.category', 'o.name as org', 'c.name as compound', 'b.name as building', 'h.name as household',
    'u.name as unit', 'party_members.phone_masked', 'party_members.id_number_masked', 'party_members.central_household'])
    .orderBy('party_members.place_path').orderBy('party_members.name').execute();
  await appendEvents(db, actor, [{ entityType: 'place', entityId: place.id, placeId: place.id, action: 'export_party_members', to: { rows: rows.length } }]);
  const records: LedgerRecord<typeof MEMBER_ROSTER>[] = rows.map((r) => ({
    name: r.name, category: r.category, org: r.org, compound: r.compound, building: r.building, household: r.household, unit: r.unit,
    phone: r.phone_masked, idNumber: r.id_number_masked, centralHousehold: r.central_household ? 'yes' : 'no',
  }));
  await exportLedger(reply, MEMBER_ROSTER, records, { fileName: [place.name, MEMBER_ROSTER.title.zh] });
}

/**
 * Imports the roster of a place's subtree: each row's org (an active one seen from the place), household (compound,
 * building and number, all existing) and employer unit by name; a member is matched by org, name and household
 * (updated when something changed) or entered. Every bad row is reported and nothing is written if any is bad.
 */
export async function importMemberRoster(ctx: AppContext, actor: Actor, placeId: string, upload: Readable | Buffer) {
  const db = ctx.handle.db;
  const place = await rosterPlace(ctx, actor, placeId, 'import');
  const sheet = await parseLedgerRows(await readLedgerRows(upload, MEMBER_ROSTER, ROSTER_LIMITS), MEMBER_ROSTER);
  if (sheet.rows.length === 0) throw new AppError(422, 'empty_file', partyMsg.noDataRows, 'file');

  const orgs = await db.selectFrom('party_orgs').selectAll().where('state', '=', 'active')
    .where((eb) => eb.or([inSubtrees(eb, 'place_path', [place.path]), eb('place_path', 'in', selfAndAncestorPaths(place.path))])).execute();
  const places = await db.selectFrom('places').select(['id', 'parent_id', 'name', 'level', 'path'])
    .where('level', 'in', ['compound', 'building', 'household']).where((eb) => inSubtrees(eb, 'path', [place.path])).execute();
  const units = await listVisibleUnits(db, actor);
  const existing = await db.selectFrom('party_members').selectAll().where('state', '=', 'active').where('org_id', 'in', orgs.length ? orgs.map((o) => o.id) : ['']).execute();
  const orgsNamed = new Map<string, typeof orgs>();
  for (const o of orgs) orgsNamed.set(o.name, [...(orgsNamed.get(o.name) ?? []), o]);
  const child = new Map(places.map((p) => [`${p.level}|${p.parent_id}|${p.name}`, p]));
  const compounds = new Map<string, (typeof places)[number]>(places.filter((p) => p.level === 'compound').map((p) => [p.name, p]));
  const keyOf = (orgId: string, name: string, householdId: string | null) => `${orgId}|${name}|${householdId ?? ''}`;
  const member = new Map(existing.map((m) => [keyOf(m.org_id, m.name, m.household_id), m]));
  const seen = new Set<string>();

  const now = nowIso();
  const inserts: PartyMemberRow[] = [];
  const updates: { id: string; version: number; set: Partial<PartyMemberRow> }[] = [];
  const events: NewEvent[] = [];
  for (const { row, values: v } of sheet.rows) {
    const named = v.org ? orgsNamed.get(v.org) ?? [] : [];
    const org = named.length === 1 ? named[0] : undefined;
    if (v.org && !org) sheet.fail(row, 'org', named.length ? partyMsg.rosterOrgAmbiguous : partyMsg.rosterNoOrg);
    let household: (typeof places)[number] | undefined;
    if (v.compound || v.building || v.household) {
      const compound = v.compound ? compounds.get(v.compound) : undefined;
      const building = compound && v.building ? child.get(`building|${compound.id}|${v.building}`) : undefined;
      household = building && v.household ? child.get(`household|${building.id}|${v.household}`) : undefined;
      if (!household) sheet.fail(row, 'household', partyMsg.rosterNoHousehold);
    }
    const unit = v.unit ? units.find((u) => u.name === v.unit) : undefined;
    if (v.unit && !unit) sheet.fail(row, 'unit', partyMsg.employerUnknown);
    if (v.category === 'in_service_member' && !v.unit) sheet.fail(row, 'unit', partyMsg.employerRequired);
    if (v.category && v.category !== 'in_service_member' && v.unit) sheet.fail(row, 'unit', partyMsg.employerOnlyInService);
    const central = v.centralHousehold === 'yes';
    if (central && !household && !(v.compound || v.building || v.household)) sheet.fail(row, 'centralHousehold', partyMsg.centralNeedsHousehold);
    const key = org && v.name ? keyOf(org.id, v.name, household?.id ?? null) : '';
    if (key && seen.has(key)) sheet.fail(row, 'name', partyMsg.rosterDuplicate);
    seen.add(key);
    const current = key ? member.get(key) : undefined;
    const phone = personal(row, 'phone', v.phone, current?.phone_masked, sheet.fail);
    const idNumber = personal(row, 'idNumber', v.idNumber, current?.id_number_masked, sheet.fail);
    if (!org || !v.name || !v.category || sheet.errors.some((e) => e.row === row)) continue;
    const at = household ?? { id: org.place_id, path: org.place_path };
    const columns = { category: v.category as PartyMemberCategory, household_id: household?.id ?? null, place_id: at.id, place_path: at.path,
      unit_id: unit?.id ?? null, central_household: central ? 1 : 0, ...personalColumns(ctx.cipher, phone, idNumber) };
    const changed = !current || columns.category !== current.category || columns.unit_id !== current.unit_id
      || columns.central_household !== current.central_household || phone !== undefined || idNumber !== undefined;
    if (!changed) continue;
    if (current) {
      updates.push({ id: current.id, version: current.version, set: { ...columns, version: current.version + 1, updated_at: now } });
      events.push({ entityType: 'party_member', entityId: current.id, placeId: at.id, action: 'edit', reason: 'roster import',
        from: { state: 'active' }, to: { state: 'active', category: columns.category, unitId: columns.unit_id, phone: columns.phone_masked, idNumber: columns.id_number_masked } });
    } else {
      const r: PartyMemberRow = { id: newId(), name: v.name, org_id: org.id, phone_enc: null, phone_masked: null, phone_index: null, id_number_enc: null,
        id_number_masked: null, ...columns, state: 'active', left_at: null, version: 1, created_at: now, updated_at: now };
      inserts.push(r);
      events.push({ entityType: 'party_member', entityId: r.id, placeId: at.id, action: 'create', reason: 'roster import',
        to: { state: 'active', name: r.name, category: r.category, orgId: r.org_id, unitId: r.unit_id, phone: r.phone_masked, idNumber: r.id_number_masked } });
    }
  }
  if (sheet.errors.length) throw importRejected(sheet.errors);
  events.push({ entityType: 'place', entityId: place.id, placeId: place.id, action: 'import_party_members', to: { rows: sheet.rows.length, created: inserts.length, updated: updates.length } });
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < inserts.length; i += 200) await trx.insertInto('party_members').values(inserts.slice(i, i + 200)).execute();
    for (const u of updates) {
      const res = await trx.updateTable('party_members').set(u.set).where('id', '=', u.id).where('version', '=', u.version).executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw new AppError(409, 'stale_version', partyMsg.changedDuringImport, 'file');
    }
    await appendEvents(trx, actor, events, now);
  });
  return { created: inserts.length, updated: updates.length };
}

/** A full value replaces what is stored; the masked value exported means "unchanged", and so does an empty cell. */
function personal(row: number, field: 'phone' | 'idNumber', value: string | null, currentMasked: string | null | undefined,
  fail: (row: number, field: 'phone' | 'idNumber', message: { zh: string; en: string }) => void): string | undefined {
  if (!value) return undefined;
  if (isMasked(value)) {
    if (value !== currentMasked) fail(row, field, msg(partyMsg.rosterMasked));
    return undefined;
  }
  const parsed = (field === 'phone' ? ZPhone : ZIdNumber).safeParse(value);
  if (!parsed.success) fail(row, field, field === 'phone' ? partyMsg.badPhone : partyMsg.badIdNumber);
  return parsed.success ? parsed.data : undefined;
}
