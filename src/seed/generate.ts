import type { Db } from '../core/db.js';
import { appendEvents, SYSTEM_ACTOR, type NewEvent } from '../core/events.js';
import { newId, nowIso } from '../core/ids.js';
import { mask, type PersonalDataCipher } from '../core/personal-data.js';
import type { PlaceRow } from '../modules/places/queries.js';
import { COMPOUND_TYPES, type PlaceLevel } from '../modules/places/tables.js';
import type { ResidentRow } from '../modules/residents/queries.js';
import { RELATIONS } from '../modules/residents/tables.js';
import { compoundNamer, idNumber, mobile, personName, streetAddress } from './names.js';
import type { Random } from './random.js';

type Range = readonly [number, number];

export interface GenerateOptions {
  gridsPerCommunity: Range;
  compoundsPerGrid: Range;
  buildingsPerCompound: Range;
  householdsPerBuilding: Range;
  residentsPerHousehold: Range;
  /** Write a create event per record (the demo's timelines); the large benchmark leaves it off. */
  events: boolean;
  areaCode: string;
  onProgress?: (counts: GenerateCounts) => void;
}

export type GenerateCounts = Record<'grids' | 'compounds' | 'buildings' | 'households' | 'residents', number>;

/** Generates grids, compounds (all five types, some 三无), buildings, households and residents below the given communities. */
export async function generateBelow(db: Db, cipher: PersonalDataCipher, r: Random, communities: PlaceRow[], o: GenerateOptions): Promise<GenerateCounts> {
  const counts: GenerateCounts = { grids: 0, compounds: 0, buildings: 0, households: 0, residents: 0 };
  const compoundName = compoundNamer();
  const now = nowIso();
  let places: PlaceRow[] = [];
  let residents: ResidentRow[] = [];
  let events: NewEvent[] = [];
  const flush = async (force = false) => {
    if (!force && places.length + residents.length < 20000) return;
    const [p, rs, ev] = [places, residents, events];
    places = [];
    residents = [];
    events = [];
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < p.length; i += 1000) await trx.insertInto('places').values(p.slice(i, i + 1000)).execute();
      for (let i = 0; i < rs.length; i += 1000) await trx.insertInto('residents').values(rs.slice(i, i + 1000)).execute();
      await appendEvents(trx, SYSTEM_ACTOR, ev, now);
    });
    o.onProgress?.(counts);
  };
  const place = (parent: PlaceRow, level: PlaceLevel, name: string, sort: number, extra: Partial<PlaceRow> = {}): PlaceRow => {
    const id = newId();
    const row: PlaceRow = {
      id, parent_id: parent.id, level, name, code: null, path: `${parent.path}${id}/`, depth: parent.depth + 1, compound_type: null,
      three_no: 0, address_enc: null, address_masked: null, sort_order: sort, version: 1, created_at: now, updated_at: now, ...extra,
    };
    places.push(row);
    if (o.events) events.push({ entityType: 'place', entityId: id, placeId: id, action: 'create', to: { name, level }, reason: 'demo data' });
    return row;
  };
  const n = (range: Range) => r.int(range[0], range[1]);

  for (const community of communities) {
    const grids = n(o.gridsPerCommunity);
    for (let g = 1; g <= grids; g++) {
      const grid = place(community, 'grid', `${community.name}第${g}网格`, g);
      counts.grids++;
      const compounds = n(o.compoundsPerGrid);
      for (let c = 0; c < compounds; c++) {
        const type = COMPOUND_TYPES[(counts.compounds + c) % COMPOUND_TYPES.length]!;
        const address = streetAddress(r);
        const compound = place(grid, 'compound', type === 'scattered' ? `${grid.name}散居户` : compoundName(r, counts.compounds, type), c, {
          compound_type: type,
          three_no: type === 'no_property_management' && r.next() < 0.5 ? 1 : 0,
          address_enc: cipher.encrypt(address),
          address_masked: mask('address', address),
        });
        counts.compounds++;
        const buildings = n(o.buildingsPerCompound);
        for (let b = 1; b <= buildings; b++) {
          const building = place(compound, 'building', `${b}栋`, b);
          counts.buildings++;
          const households = n(o.householdsPerBuilding);
          for (let h = 0; h < households; h++) {
            const room = `${Math.floor(h / 4) + 1}0${(h % 4) + 1}`;
            const household = place(building, 'household', room, h);
            counts.households++;
            const people = n(o.residentsPerHousehold);
            for (let p = 0; p < people; p++) {
              residents.push(resident(cipher, r, household, p, o.areaCode, now));
              if (o.events) events.push({ entityType: 'resident', entityId: residents.at(-1)!.id, placeId: household.id, action: 'create', reason: 'demo data' });
              counts.residents++;
            }
          }
          await flush();
        }
      }
    }
  }
  await flush(true);
  return counts;
}

function resident(cipher: PersonalDataCipher, r: Random, household: PlaceRow, index: number, areaCode: string, now: string): ResidentRow {
  const relation = index === 0 ? 'head' : index === 1 ? 'spouse' : r.pick(RELATIONS.slice(2));
  const young = relation === 'child' || relation === 'grandchild';
  const phone = young && r.next() < 0.5 ? null : mobile(r);
  const id = idNumber(r, areaCode, young ? r.int(1995, 2020) : r.int(1945, 1990));
  return {
    id: newId(), place_id: household.id, place_path: household.path, name: personName(r), gender: r.next() < 0.5 ? 'male' : 'female', relation,
    phone_enc: phone && cipher.encrypt(phone), phone_masked: phone && mask('phone', phone), phone_index: phone && cipher.blindIndex(phone),
    id_number_enc: cipher.encrypt(id), id_number_masked: mask('idNumber', id), version: 1, created_at: now, updated_at: now,
  };
}
