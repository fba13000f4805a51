import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../core/db.js';

/**
 * 积分: each community's points rules (one row, its items as JSON, changed by a versioned step that is an event), the
 * points ledger (append-only: an entry stores the points it earned, so a rule change never rewrites it; a correction is a
 * counter-entry), and the link between a party member's sign-in and their member record (their own ledger on a phone).
 *
 * The ledger refuses UPDATE, DELETE, TRUNCATE and (SQLite) an insert over a key already there, like the history tables of
 * 011; the one change allowed is its place and place path (a move re-paths them). The function onegrid_history_refused
 * of 011 serves PostgreSQL.
 */
const REFUSAL = "'party points are history: only their place and place path may change'";
const FIXED = ['id', 'member_id', 'item_id', 'item_kind', 'item_name', 'quantity', 'points', 'capped', 'period', 'earned_on', 'reason',
  'source_key', 'counters_id', 'created_by', 'created_by_name', 'created_at'];

export async function up(db: Kysely<any>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  const pathType = pg ? sql`text collate "C"` : sql`text`;
  await db.schema.createTable('party_points_rules')
    .addColumn('place_id', 'text', (c) => c.primaryKey().references('places.id'))
    .addColumn('place_path', pathType, (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createTable('party_points')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('party_members.id'))
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('place_path', pathType, (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('item_kind', 'text', (c) => c.notNull())
    .addColumn('item_name', 'text', (c) => c.notNull())
    .addColumn('quantity', 'real', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('capped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('earned_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('source_key', 'text')
    .addColumn('counters_id', 'text', (c) => c.references('party_points.id'))
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // A ranking of a subtree for a range of months reads only this index (bench/points.ts); a member's ledger and the
  // cap's sum seek the member; a credit (post month, meeting) is written once; an entry is countered at most once.
  await db.schema.createIndex('party_points_rank').on('party_points').columns(['place_path', 'period', 'member_id', 'points']).execute();
  await db.schema.createIndex('party_points_member').on('party_points').columns(['member_id', 'item_id', 'period']).execute();
  await db.schema.createIndex('party_points_source').on('party_points').column('source_key').unique().execute();
  await db.schema.createIndex('party_points_counters').on('party_points').column('counters_id').unique().execute();

  await db.schema.createTable('party_member_accounts')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().unique().references('party_members.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  if (pg) {
    const same = FIXED.map((c) => `new.${c} is not distinct from old.${c}`).join(' and ');
    await sql.raw(`create trigger party_points_history before update on party_points
      for each row when (not (${same})) execute function onegrid_history_refused(${REFUSAL})`).execute(db);
    await sql.raw(`create trigger party_points_no_delete before delete on party_points
      for each row execute function onegrid_history_refused(${REFUSAL})`).execute(db);
    await sql.raw(`create trigger party_points_no_truncate before truncate on party_points
      for each statement execute function onegrid_history_refused(${REFUSAL})`).execute(db);
    return;
  }
  const same = FIXED.map((c) => `new.${c} is old.${c}`).join(' and ');
  await sql.raw(`create trigger party_points_history before update on party_points when not (${same})
    begin select raise(abort, ${REFUSAL}); end`).execute(db);
  await sql.raw(`create trigger party_points_no_delete before delete on party_points
    begin select raise(abort, ${REFUSAL}); end`).execute(db);
  await sql.raw(`create trigger party_points_no_replace before insert on party_points when exists (select 1 from party_points where id = new.id)
    begin select raise(abort, ${REFUSAL}); end`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('party_member_accounts').ifExists().execute();
  await db.schema.dropTable('party_points').ifExists().execute();
  await db.schema.dropTable('party_points_rules').ifExists().execute();
}
