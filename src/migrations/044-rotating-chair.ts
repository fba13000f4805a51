import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../core/db.js';

/**
 * The rotating chair (轮值主席): a community's month chaired by one partner unit or several (a state table: scheduled,
 * planned, reported), the units of each month, and the ratings the other units and the residents give it, one per unit
 * or resident phone.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pathType = dialectOf(db) === 'postgres' ? sql`text collate "C"` : sql`text`;
  await db.schema.createTable('chair_months')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('place_path', pathType, (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('plan', 'text')
    .addColumn('report', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('chair_months_place_month', ['place_id', 'month'])
    .execute();
  await db.schema.createIndex('chair_months_place_path').on('chair_months').columns(['place_path', 'month']).execute();
  await db.schema.createTable('chair_month_units')
    .addColumn('month_id', 'text', (c) => c.notNull().references('chair_months.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('chair_month_units_pk', ['month_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('chair_month_units_unit').on('chair_month_units').columns(['unit_id']).execute();
  await db.schema.createTable('chair_ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('month_id', 'text', (c) => c.notNull().references('chair_months.id'))
    .addColumn('rater_kind', 'text', (c) => c.notNull())
    .addColumn('rater_key', 'text', (c) => c.notNull())
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('chair_ratings_once', ['month_id', 'rater_key'])
    .addCheckConstraint('chair_ratings_range', sql`rating between 1 and 5`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['chair_ratings', 'chair_month_units', 'chair_months']) await db.schema.dropTable(t).ifExists().execute();
}
