import type { Actor } from '../../../core/access/actor.js';
import { authorize } from '../../../core/access/policy.js';
import type { AppContext } from '../../../core/context.js';
import { subtreeUpperBound } from '../../../core/db.js';
import { invalid, notFound } from '../../../core/errors.js';
import { appendEvent } from '../../../core/events.js';
import { writeSheet } from '../../../core/excel.js';
import { zh } from '../../../i18n/zh-CN.js';
import { placePolicy } from '../../places/policy.js';
import { findPlace } from '../../places/queries.js';
import { ROSTER_COLUMNS } from '../roster-layout.js';

/** The household roster of a compound or building, personal data masked, one row per resident. */
export async function exportRoster(ctx: AppContext, actor: Actor, placeId: string) {
  const { db } = ctx.handle;
  const place = await findPlace(db, placeId);
  if (!place) throw notFound('place');
  authorize(actor, placePolicy, 'exportRoster', place.path, { level: place.level });
  if (place.level !== 'compound' && place.level !== 'building') {
    throw invalid('placeId', '花名册按小区或楼栋导出', 'Rosters are exported per compound or building', 'wrong_place_level');
  }
  const hi = subtreeUpperBound(place.path);
  const rows = await db
    .selectFrom('residents')
    .innerJoin('places as h', 'h.id', 'residents.place_id')
    .innerJoin('places as b', 'b.id', 'h.parent_id')
    .select(['b.name as building', 'h.name as household', 'residents.name', 'residents.gender', 'residents.relation',
      'residents.phone_masked', 'residents.id_number_masked'])
    .where('residents.place_path', '>=', place.path)
    .where('residents.place_path', '<', hi)
    .orderBy('b.name').orderBy('h.name').orderBy('residents.relation')
    .execute();
  const file = await writeSheet(zh.roster.sheet, ROSTER_COLUMNS, rows.map((r) => ({
    building: r.building,
    household: r.household,
    name: r.name,
    gender: r.gender ? zh.gender[r.gender] : '',
    relation: zh.relation[r.relation],
    phone: r.phone_masked ?? '',
    idNumber: r.id_number_masked ?? '',
  })));
  await appendEvent(db, actor, { entityType: 'place', entityId: place.id, placeId: place.id, action: 'export_roster', to: { rows: rows.length } });
  return { file, filename: `${place.name}-${zh.roster.sheet}.xlsx` };
}
