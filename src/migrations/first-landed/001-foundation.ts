// Frozen test fixture: src/migrations/001-foundation.ts as it first landed in e321690 (only the import path changed); never edit.
import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../../core/db.js';

/** Places, residents, accounts, sessions and the append-only event log. */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  // Paths compare bytewise on both databases so that a subtree is one index range.
  const pathType = pg ? sql`text collate "C"` : sql`text`;

  await db.schema
    .createTable('places')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parent_id', 'text', (c) => c.references('places.id'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('path', pathType, (c) => c.notNull().unique())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('compound_type', 'text')
    .addColumn('three_no', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('address_enc', 'text')
    .addColumn('address_masked', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('places_parent').on('places').columns(['parent_id', 'sort_order', 'name']).execute();
  await db.schema.createIndex('places_level_path').on('places').columns(['level', 'path']).execute();
  await db.schema.createIndex('places_code').on('places').column('code').unique().execute();
  await db.schema.createIndex('places_name').on('places').columns(['name']).execute();

  await db.schema
    .createTable('residents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('place_path', pathType, (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('gender', 'text')
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text')
    .addColumn('phone_masked', 'text')
    .addColumn('phone_index', 'text')
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_masked', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('residents_path').on('residents').column('place_path').execute();
  await db.schema.createIndex('residents_place').on('residents').column('place_id').execute();
  await db.schema.createIndex('residents_phone_index').on('residents').column('phone_index').execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('place_path', pathType, (c) => c.notNull())
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-CN'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_path').on('users').column('place_path').execute();

  await db.schema
    .createTable('role_bindings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('role_bindings_user').on('role_bindings').column('user_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('events')
    .addColumn('id', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text')
    .addColumn('reason', 'text')
    .addColumn('place_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_entity').on('events').columns(['entity_type', 'entity_id', 'id']).execute();
  await db.schema.createIndex('events_actor').on('events').columns(['actor_id', 'at']).execute();
  await db.schema.createIndex('events_at').on('events').column('at').execute();
  await db.schema.createIndex('events_place').on('events').columns(['place_id', 'at']).execute();

  // The log is append-only: the database itself refuses to change or remove history.
  if (pg) {
    await sql`create function onegrid_events_append_only() returns trigger language plpgsql as $$
      begin raise exception 'events are append-only'; end $$`.execute(db);
    await sql`create trigger events_no_update before update or delete on events
      for each row execute function onegrid_events_append_only()`.execute(db);
    await sql`create trigger events_no_truncate before truncate on events
      for each statement execute function onegrid_events_append_only()`.execute(db);
  } else {
    await sql`create trigger events_no_update before update on events
      begin select raise(abort, 'events are append-only'); end`.execute(db);
    await sql`create trigger events_no_delete before delete on events
      begin select raise(abort, 'events are append-only'); end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['events', 'sessions', 'role_bindings', 'users', 'residents', 'places']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  if (dialectOf(db) === 'postgres') await sql`drop function if exists onegrid_events_append_only()`.execute(db);
}
