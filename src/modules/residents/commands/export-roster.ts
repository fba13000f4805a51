import type { FastifyReply } from 'fastify';
import { sql } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import { authorize } from '../../../core/access/policy.js';
import type { AppContext } from '../../../core/context.js';
import { subtreeUpperBound, type Db } from '../../../core/db.js';
import { invalid, notFound } from '../../../core/errors.js';
import { appendEvent } from '../../../core/events.js';
import { exportLedger, type LedgerRecord } from '../../../core/ledger/index.js';
import { ancestorsOf, findPlace, placePolicy } from '../../places/index.js';
import { ROSTER_LEDGER } from '../roster-layout.js';
import { residentMsg } from '../messages.js';

const BATCH = 1000;
/** The export's order, which is also its keyset: the next batch starts after the last row of this one. */
const KEYSET = ['b.name', 'h.name', 'residents.relation', 'residents.id'] as const;

/**
 * Streams the household roster of a compound or building, personal data masked, one row per resident. The export
 * is logged before the first row leaves, with the number of rows it holds.
 */
export async function exportRoster(ctx: AppContext, actor: Actor, placeId: string, reply: FastifyReply) {
  const { db } = ctx.handle;
  const place = await findPlace(db, placeId);
  if (!place) throw notFound('place');
  authorize(actor, placePolicy, 'exportRoster', place.path, { level: place.level });
  if (place.level !== 'compound' && place.level !== 'building') {
    throw invalid('placeId', residentMsg.exportPerCompound, 'wrong_place_level');
  }
  const hi = subtreeUpperBound(place.path);
  const counted = await db.selectFrom('residents').select((eb) => eb.fn.countAll().as('n'))
    .where('place_path', '>=', place.path).where('place_path', '<', hi).executeTakeFirstOrThrow();
  await appendEvent(db, actor, { entityType: 'place', entityId: place.id, placeId: place.id, action: 'export_roster', to: { rows: Number(counted.n) } });
  const names = (await ancestorsOf(db, place.path)).filter((p) => p.level === 'community' || p.level === 'compound').map((p) => p.name);
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  await exportLedger(reply, ROSTER_LEDGER, rosterRows(db, place.path, hi), { fileName: [...names, place.name, ROSTER_LEDGER.title.zh, today] });
}

/** The residents under a path, a batch at a time by keyset, in building, household and relation order. */
async function* rosterRows(db: Db, path: string, hi: string): AsyncIterable<LedgerRecord<typeof ROSTER_LEDGER>> {
  let after: [string, string, string, string] | null = null;
  for (;;) {
    const batch = await db.selectFrom('residents')
      .innerJoin('places as h', 'h.id', 'residents.place_id')
      .innerJoin('places as b', 'b.id', 'h.parent_id')
      .select(['b.name as building', 'h.name as household', 'residents.name', 'residents.gender', 'residents.relation',
        'residents.phone_masked', 'residents.id_number_masked', 'residents.id'])
      .where('residents.place_path', '>=', path)
      .where('residents.place_path', '<', hi)
      .$if(after !== null, (q) => q.where(sql<boolean>`(${sql.join(KEYSET.map((c) => sql.ref(c)))}) > (${sql.join(after!)})`))
      .orderBy('b.name').orderBy('h.name').orderBy('residents.relation').orderBy('residents.id')
      .limit(BATCH)
      .execute();
    for (const r of batch) {
      yield { building: r.building, household: r.household, name: r.name, gender: r.gender, relation: r.relation, phone: r.phone_masked, idNumber: r.id_number_masked };
    }
    const last = batch.at(-1);
    if (!last || batch.length < BATCH) return;
    after = [last.building, last.household, last.relation, last.id];
  }
}
