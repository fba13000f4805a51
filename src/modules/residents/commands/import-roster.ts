import type { Readable } from 'node:stream';
import type { Actor } from '../../../core/access/actor.js';
import { authorize } from '../../../core/access/policy.js';
import type { AppContext } from '../../../core/context.js';
import { subtreeUpperBound } from '../../../core/db.js';
import { AppError, invalid, notFound, type Message } from '../../../core/errors.js';
import { yieldIfBusy } from '../../../core/event-loop.js';
import { appendEvents, type NewEvent } from '../../../core/events.js';
import { importRejected, parseLedgerRows, readLedgerRows } from '../../../core/ledger/index.js';
import { newId, nowIso } from '../../../core/ids.js';
import { isMasked } from '../../../core/personal-data.js';
import { ZIdNumber, ZPhone } from '../../../core/validation.js';
import { zh } from '../../../i18n/zh-CN.js';
import { createPlannedPlaces, findPlace, placePolicy, planChildPlace, type PlaceRow } from '../../places/index.js';
import { ROSTER_LEDGER, ROSTER_LIMITS } from '../roster-layout.js';
import type { ResidentRow } from '../queries.js';
import { personalColumns } from './personal-fields.js';
import { residentMsg } from '../messages.js';
import { msg } from '../../../core/i18n.js';

/** Imports a compound's roster: every bad row is reported, and nothing is written if any row is bad. */
export async function importRoster(ctx: AppContext, actor: Actor, compoundId: string, upload: Readable | Buffer) {
  const { db } = ctx.handle;
  const compound = await findPlace(db, compoundId);
  if (!compound) throw notFound('place');
  authorize(actor, placePolicy, 'importRoster', compound.path, { level: compound.level });
  if (compound.level !== 'compound') throw invalid('placeId', residentMsg.importPerCompound, 'wrong_place_level');
  const sheet = await parseLedgerRows(await readLedgerRows(upload, ROSTER_LEDGER, ROSTER_LIMITS), ROSTER_LEDGER);
  if (sheet.rows.length === 0) throw invalid('file', residentMsg.noDataRows, 'empty_file');

  const hi = subtreeUpperBound(compound.path);
  const places = await db.selectFrom('places').selectAll().where('path', '>', compound.path).where('path', '<', hi).execute();
  const existing = await db.selectFrom('residents').selectAll().where('place_path', '>=', compound.path).where('place_path', '<', hi).execute();
  const buildings = new Map(places.filter((p) => p.level === 'building').map((p) => [p.name, p]));
  const households = new Map(places.filter((p) => p.level === 'household').map((p) => [`${p.parent_id}|${p.name}`, p]));
  const residents = new Map(existing.map((r) => [`${r.place_id}|${r.name}`, r]));

  const seen = new Set<string>();
  // Rows one at a time, giving the event loop a turn now and then (yieldIfBusy): 20,000 rows take a while.
  const parsed = [];
  for (const { row, values: v } of sheet.rows) {
    await yieldIfBusy();
    const key = `${v.building}|${v.household}|${v.name}`;
    if (v.name && seen.has(key)) sheet.fail(row, 'name', residentMsg.duplicateName);
    seen.add(key);
    const building = v.building ? buildings.get(v.building) : undefined;
    const household = building && households.get(`${building.id}|${v.household}`);
    const current = household && residents.get(`${household.id}|${v.name}`);
    const phone = personalValue(row, 'phone', v.phone, current?.phone_masked, sheet.fail);
    const idNumber = personalValue(row, 'idNumber', v.idNumber, current?.id_number_masked, sheet.fail);
    parsed.push({ row, v: { building: v.building!, household: v.household!, name: v.name! }, relation: v.relation!, gender: v.gender, phone, idNumber, current });
  }
  if (sheet.errors.length) throw importRejected(sheet.errors);

  const now = nowIso();
  const created = { buildings: 0, households: 0, residents: 0 };
  let updated = 0;
  const events: NewEvent[] = [];
  // Buildings and households are the places module's: planned here (ids first), created by its command in the transaction.
  const newPlace = (parent: PlaceRow, level: 'building' | 'household', name: string): PlaceRow => planChildPlace(parent, { level, name }, now);
  const placeInserts: PlaceRow[] = [];
  const residentInserts: ResidentRow[] = [];
  const residentUpdates: { id: string; version: number; set: Partial<ResidentRow> }[] = [];
  for (const p of parsed) {
    await yieldIfBusy();
    let building = buildings.get(p.v.building);
    if (!building) {
      building = newPlace(compound, 'building', p.v.building);
      buildings.set(p.v.building, building);
      placeInserts.push(building);
      created.buildings++;
    }
    const hKey = `${building.id}|${p.v.household}`;
    let household = households.get(hKey);
    if (!household) {
      household = newPlace(building, 'household', p.v.household);
      households.set(hKey, household);
      placeInserts.push(household);
      created.households++;
    }
    const personal = personalColumns(ctx.cipher, p.phone, p.idNumber);
    if (p.current) {
      const set = { gender: p.gender, relation: p.relation, ...personal };
      const changed = p.gender !== p.current.gender || p.relation !== p.current.relation || p.phone !== undefined || p.idNumber !== undefined;
      if (!changed) continue;
      residentUpdates.push({ id: p.current.id, version: p.current.version, set: { ...set, version: p.current.version + 1, updated_at: now } });
      events.push({ entityType: 'resident', entityId: p.current.id, placeId: household.id, action: 'update', reason: 'roster import',
        from: { gender: p.current.gender, relation: p.current.relation }, to: { gender: p.gender, relation: p.relation, phone: personal.phone_masked, idNumber: personal.id_number_masked } });
      updated++;
    } else {
      const r: ResidentRow = { id: newId(), place_id: household.id, place_path: household.path, name: p.v.name, gender: p.gender, relation: p.relation,
        phone_enc: null, phone_masked: null, phone_index: null, id_number_enc: null, id_number_masked: null, ...personal, version: 1, created_at: now, updated_at: now };
      residentInserts.push(r);
      events.push({ entityType: 'resident', entityId: r.id, placeId: household.id, action: 'create', reason: 'roster import',
        to: { name: r.name, relation: r.relation, phone: r.phone_masked, idNumber: r.id_number_masked } });
      created.residents++;
    }
  }
  events.push({ entityType: 'place', entityId: compound.id, placeId: compound.id, action: 'import_roster', to: { rows: sheet.rows.length, created, updated } });

  await db.transaction().execute(async (trx) => {
    await createPlannedPlaces(trx, actor, placeInserts, 'roster import', now);
    // 200 rows a statement: short statements, between which the event loop turns.
    for (let i = 0; i < residentInserts.length; i += 200) await trx.insertInto('residents').values(residentInserts.slice(i, i + 200)).execute();
    for (const u of residentUpdates) {
      const res = await trx.updateTable('residents').set(u.set).where('id', '=', u.id).where('version', '=', u.version).executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) {
        throw new AppError(409, 'stale_version', residentMsg.changedDuringImport, 'file');
      }
    }
    await appendEvents(trx, actor, events, now);
  });
  return { created, updated };
}

/** A full value replaces what is stored; the masked value we exported means "unchanged"; empty means "unchanged" too. */
function personalValue(
  row: number, field: 'phone' | 'idNumber', value: string | null, currentMasked: string | null | undefined,
  fail: (row: number, field: 'phone' | 'idNumber', message: Message) => void,
): string | undefined {
  if (!value) return undefined;
  if (isMasked(value)) {
    if (value !== currentMasked) fail(row, field, msg(residentMsg.maskedValue, { column: { zh: zh.roster[field], en: field } }));
    return undefined;
  }
  const parsed = (field === 'phone' ? ZPhone : ZIdNumber).safeParse(value);
  if (!parsed.success) {
    fail(row, field, field === 'phone' ? residentMsg.badPhone : residentMsg.badIdNumber);
    return undefined;
  }
  return parsed.data;
}
