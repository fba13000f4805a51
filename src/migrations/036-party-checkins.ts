import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../core/db.js';

/**
 * 双报到: each in-service member's (or sent-down cadre's) check-in to a community, a state table (submitted → confirmed |
 * declined with a reason; after a decline the member checks in again, a new row), at most one live check-in per member and
 * year; and each community's period rule (check in by a month-day, report service every half year or year). The service
 * itself is the points ledger's service entries (028), so no table of its own. Both tables take the app role's default
 * privileges (privileges.ts): rows change by steps, which the event log records.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pathType = dialectOf(db) === 'postgres' ? sql`text collate "C"` : sql`text`;
  await db.schema.createTable('party_checkins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('party_members.id'))
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('place_path', pathType, (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('decline_reason', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // A community's list by a path range and state; an employer's members; a member's own.
  await db.schema.createIndex('party_checkins_place_path').on('party_checkins').columns(['place_path', 'state', 'year']).execute();
  await db.schema.createIndex('party_checkins_unit').on('party_checkins').columns(['unit_id', 'year']).execute();
  await db.schema.createIndex('party_checkins_member').on('party_checkins').columns(['member_id', 'year']).execute();
  await sql`create unique index party_checkins_one_live on party_checkins (member_id, year) where state in ('submitted', 'confirmed')`.execute(db);

  await db.schema.createTable('party_checkin_rules')
    .addColumn('place_id', 'text', (c) => c.primaryKey().references('places.id'))
    .addColumn('place_path', pathType, (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull().defaultTo('06-30'))
    .addColumn('report_period', 'text', (c) => c.notNull().defaultTo('half'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('party_checkin_rules').ifExists().execute();
  await db.schema.dropTable('party_checkins').ifExists().execute();
}
