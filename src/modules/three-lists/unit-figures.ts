import type { DbOrTrx } from '../../core/db.js';

/**
 * A unit's year in the three lists, for its annual evaluation: resources it has published (still or since withdrawn,
 * submitted before the year ended), and the needs it took, delivered and had rated in the year [from, to), with the
 * average rating.
 */
export async function unitYearFigures(db: DbOrTrx, unitId: string, from: string, to: string) {
  const [resources, needs] = await Promise.all([
    db.selectFrom('resources').select(['id', 'title', 'category', 'capacity', 'state']).where('unit_id', '=', unitId).where('state', 'in', ['published', 'withdrawn'])
      .where('created_at', '<', to).orderBy('title').execute(),
    db.selectFrom('needs').select((eb) => [
      eb.fn.sum<number>(eb.case().when(eb.and([eb('taken_at', '>=', from), eb('taken_at', '<', to)])).then(1).else(0).end()).as('taken'),
      eb.fn.sum<number>(eb.case().when(eb.and([eb('delivered_at', '>=', from), eb('delivered_at', '<', to)])).then(1).else(0).end()).as('delivered'),
      eb.fn.sum<number>(eb.case().when(eb.and([eb('rated_at', '>=', from), eb('rated_at', '<', to)])).then(1).else(0).end()).as('rated'),
      eb.fn.avg<number>(eb.case().when(eb.and([eb('rated_at', '>=', from), eb('rated_at', '<', to)])).then(eb.ref('rating')).else(null).end()).as('rating'),
    ]).where('unit_id', '=', unitId).executeTakeFirstOrThrow(),
  ]);
  return {
    resources: resources.map((r) => ({ id: r.id, title: r.title, category: r.category, capacity: r.capacity, state: r.state })),
    needsTaken: Number(needs.taken ?? 0), needsDelivered: Number(needs.delivered ?? 0), needsRated: Number(needs.rated ?? 0),
    needRating: needs.rating === null || needs.rating === undefined ? null : Math.round(Number(needs.rating) * 10) / 10,
  };
}
