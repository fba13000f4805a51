import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../core/db.js';

/** 党组织: the party-org tree, each org bound to a place; at most one active org of a kind per place (and partner unit). */
export async function up(db: Kysely<any>): Promise<void> {
  const pathType = dialectOf(db) === 'postgres' ? sql`text collate "C"` : sql`text`;
  await db.schema.createTable('party_orgs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('place_path', pathType, (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('unit_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('committee', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('dissolved_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The tree of a subtree and the gaps (compounds without a branch) read by a path range.
  await db.schema.createIndex('party_orgs_place_path').on('party_orgs').columns(['place_path', 'kind']).execute();
  await sql`create unique index party_orgs_one_active on party_orgs (place_id, kind, unit_key) where state = 'active'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('party_orgs').ifExists().execute();
}
