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

  await db.schema.createTable('party_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('duties', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('place_path', pathType, (c) => c.notNull())
    .addColumn('places_total', 'integer', (c) => c.notNull())
    .addColumn('places_taken', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('party_posts_places', sql`places_taken >= 0 and places_taken <= places_total`)
    .execute();
  await db.schema.createIndex('party_posts_place_path').on('party_posts').columns(['place_path', 'kind']).execute();

  await db.schema.createTable('party_claims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('party_posts.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('party_members.id'))
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('place_path', pathType, (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('recommender_index', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('party_claims_post').on('party_claims').columns(['post_id', 'state']).execute();
  await db.schema.createIndex('party_claims_place_path').on('party_claims').column('place_path').execute();
  // A member has one live claim on a post at a time.
  await sql`create unique index party_claims_one_live on party_claims (post_id, member_id) where state in ('nominated', 'approved', 'holding')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('party_claims').ifExists().execute();
  await db.schema.dropTable('party_posts').ifExists().execute();
  await db.schema.dropTable('party_members').ifExists().execute();
  await db.schema.dropTable('party_orgs').ifExists().execute();
}
