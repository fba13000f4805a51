import { sql } from 'kysely';
import { inSubtrees } from '../../core/access/scope.js';
import type { Db } from '../../core/db.js';
import type { AnnouncementReadTable } from './tables.js';

type Reader = Pick<AnnouncementReadTable, 'reader_kind' | 'reader_key' | 'place_id' | 'place_path'>;

/** Records a read once per reader; reading again keeps the first read (and its place). Reads are not events: there are too many. */
export async function markRead(db: Db, announcementId: string, reader: Reader, now: string): Promise<string> {
  await db.insertInto('announcement_reads').values({ announcement_id: announcementId, ...reader, read_at: now })
    .onConflict((oc) => oc.columns(['announcement_id', 'reader_kind', 'reader_key']).doNothing()).execute();
  const row = await db.selectFrom('announcement_reads').select('read_at')
    .where('announcement_id', '=', announcementId).where('reader_kind', '=', reader.reader_kind).where('reader_key', '=', reader.reader_key)
    .executeTakeFirstOrThrow();
  return row.read_at;
}

/** The end of a subtree as SQL over a path column ('/a/b/' → '/a/b0'), for range joins. */
const upper = (column: string) => sql`substr(${sql.ref(column)}, 1, length(${sql.ref(column)}) - 1) || '0'`;

/**
 * Read receipts of a notice per compound under `roots` (the notice's subtree as far as the caller sees it): households,
 * households with at least one read, and readers. One page of compounds, by path (grid by grid), with totals over all.
 */
export async function receiptsPerCompound(db: Db, announcementId: string, roots: string[], page: { limit: number; offset: number }) {
  const compounds = db.selectFrom('places').where('level', '=', 'compound').where((eb) => inSubtrees(eb, 'places.path', roots));
  const [rows, count, totals] = await Promise.all([
    compounds.select(['id', 'name', 'path']).orderBy('path').limit(page.limit).offset(page.offset).execute(),
    compounds.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    receiptTotals(db, announcementId, roots),
  ]);
  const ids = rows.length ? rows.map((r) => r.id) : [''];
  const [households, reads, communities] = await Promise.all([
    sql<{ id: string; n: number }>`select c.id, count(h.id) as n from places c join places h
      on h.level = 'household' and h.path > c.path and h.path < ${upper('c.path')} where c.id in (${sql.join(ids)}) group by c.id`.execute(db),
    sql<{ id: string; readers: number; households: number }>`select c.id, count(*) as readers,
        count(distinct case when p.level = 'household' then r.place_id end) as households
      from places c join announcement_reads r on r.announcement_id = ${announcementId} and r.place_path >= c.path and r.place_path < ${upper('c.path')}
      left join places p on p.id = r.place_id where c.id in (${sql.join(ids)}) group by c.id`.execute(db),
    db.selectFrom('places').select(['id', 'name']).where('id', 'in', [...new Set(rows.map((r) => r.path.split('/')[3] ?? ''))].concat('')).execute(),
  ]);
  const by = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const [h, r, c] = [by(households.rows), by(reads.rows), by(communities)];
  return {
    items: rows.map((row) => ({
      compoundId: row.id, name: row.name, community: c.get(row.path.split('/')[3] ?? '')?.name ?? null,
      households: Number(h.get(row.id)?.n ?? 0), householdsRead: Number(r.get(row.id)?.households ?? 0), readers: Number(r.get(row.id)?.readers ?? 0),
    })),
    total: Number(count.n),
    totals,
  };
}

/** Over all of `roots`: households, households read, and readers (staff above any compound included). */
async function receiptTotals(db: Db, announcementId: string, roots: string[]) {
  const [households, reads] = await Promise.all([
    db.selectFrom('places').select((eb) => eb.fn.countAll<number>().as('n')).where('level', '=', 'household')
      .where((eb) => inSubtrees(eb, 'places.path', roots)).executeTakeFirstOrThrow(),
    db.selectFrom('announcement_reads as r').leftJoin('places as p', 'p.id', 'r.place_id')
      .select((eb) => [
        eb.fn.countAll<number>().as('readers'),
        eb.fn.count<number>(sql`case when p.level = 'household' then r.place_id end`).distinct().as('households'),
      ])
      .where('r.announcement_id', '=', announcementId).where((eb) => inSubtrees(eb, 'r.place_path', roots)).executeTakeFirstOrThrow(),
  ]);
  return { households: Number(households.n), householdsRead: Number(reads.households), readers: Number(reads.readers) };
}

/** Readers and households read per notice, for lists and the ledger. */
export async function readCounts(db: Db, ids: string[]): Promise<Map<string, { readers: number; householdsRead: number }>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('announcement_reads as r').leftJoin('places as p', 'p.id', 'r.place_id')
    .select((eb) => [
      'r.announcement_id as id', eb.fn.countAll<number>().as('readers'),
      eb.fn.count<number>(sql`case when p.level = 'household' then r.place_id end`).distinct().as('households'),
    ])
    .where('r.announcement_id', 'in', ids).groupBy('r.announcement_id').execute();
  return new Map(rows.map((x) => [x.id, { readers: Number(x.readers), householdsRead: Number(x.households) }]));
}
