import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../core/db.js';

/** 通知公告: notices addressed to a place's subtree, and who read each (once per reader) with where they live or work. */
export async function up(db: Kysely<any>): Promise<void> {
  const pathType = dialectOf(db) === 'postgres' ? sql`text collate "C"` : sql`text`;
  await db.schema.createTable('announcements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('place_path', pathType, (c) => c.notNull())
    .addColumn('office_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('office_path', pathType, (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('published_at', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The audience reads by its own path and each ancestor's (an IN list of exact paths); offices and moves by a range.
  await db.schema.createIndex('announcements_place_path').on('announcements').columns(['place_path', 'state']).execute();
  await db.schema.createIndex('announcements_office_path').on('announcements').column('office_path').execute();
  await db.schema.createIndex('announcements_published_at').on('announcements').column('published_at').execute();

  await db.schema.createTable('announcement_reads')
    .addColumn('announcement_id', 'text', (c) => c.notNull().references('announcements.id'))
    .addColumn('reader_kind', 'text', (c) => c.notNull())
    .addColumn('reader_key', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('place_path', pathType, (c) => c.notNull())
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('announcement_reads_pk', ['announcement_id', 'reader_kind', 'reader_key'])
    .execute();
  // Receipts per compound: one notice's reads by a path range.
  await db.schema.createIndex('announcement_reads_path').on('announcement_reads').columns(['announcement_id', 'place_path']).execute();
  await db.schema.createIndex('announcement_reads_place_path').on('announcement_reads').column('place_path').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('announcement_reads').ifExists().execute();
  await db.schema.dropTable('announcements').ifExists().execute();
}
