import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../core/db.js';

/**
 * 亮身份 / 码上通: the unguessable public key of each compound's QR page and of each post holder's card (a random 16
 * characters, so the public pages never show a place or member id), and the messages a passer-by leaves through a card's
 * "contact me" (written once; only a moved place rewrites their path copy).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pathType = dialectOf(db) === 'postgres' ? sql`text collate "C"` : sql`text`;
  await db.schema.createTable('party_public_keys')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('place_path', pathType, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('party_public_keys_subject').unique().on('party_public_keys').columns(['subject_type', 'subject_id']).execute();
  await db.schema.createIndex('party_public_keys_place_path').on('party_public_keys').columns(['place_path']).execute();

  await db.schema.createTable('party_contact_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('party_members.id'))
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('place_path', pathType, (c) => c.notNull())
    .addColumn('sender_name', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('party_contact_messages_member').on('party_contact_messages').columns(['member_id', 'created_at']).execute();
  await db.schema.createIndex('party_contact_messages_place_path').on('party_contact_messages').columns(['place_path']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('party_contact_messages').ifExists().execute();
  await db.schema.dropTable('party_public_keys').ifExists().execute();
}
