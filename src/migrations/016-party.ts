import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../core/db.js';

/**
 * 党组织 and 党员: the party-org tree, each org bound to a place (at most one active org of a kind per place and partner unit),
 * and the members, each on their household (or their org's place), personal data encrypted with a masked copy.
 */
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

  await db.schema.createTable('party_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('party_orgs.id'))
    .addColumn('household_id', 'text', (c) => c.references('places.id'))
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('place_path', pathType, (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('phone_enc', 'text')
    .addColumn('phone_masked', 'text')
    .addColumn('phone_index', 'text')
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_masked', 'text')
    .addColumn('central_household', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('left_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The roster of a subtree by a path range; an org's members; an employer's members; a member found by phone.
  await db.schema.createIndex('party_members_place_path').on('party_members').columns(['place_path', 'state']).execute();
  await db.schema.createIndex('party_members_org').on('party_members').column('org_id').execute();
  await db.schema.createIndex('party_members_unit').on('party_members').column('unit_id').execute();
  await db.schema.createIndex('party_members_phone_index').on('party_members').column('phone_index').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('party_members').ifExists().execute();
  await db.schema.dropTable('party_orgs').ifExists().execute();
}
