import type { Kysely } from 'kysely';

/**
 * The three lists' missing pieces. A need may be dispatched to a party member instead of a unit: `member_id` names the
 * member and `member_user_id` the sign-in linked to them when dispatched (who takes, declines and delivers it). A
 * resource gains its schedule (e.g. 每周二、四 9:00-11:00) and its conditions (free text), both optional.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('needs').addColumn('member_id', 'text', (c) => c.references('party_members.id')).execute();
  await db.schema.alterTable('needs').addColumn('member_user_id', 'text', (c) => c.references('users.id')).execute();
  await db.schema.createIndex('needs_member_user').on('needs').columns(['member_user_id', 'state']).execute();
  await db.schema.alterTable('resources').addColumn('schedule', 'text').execute();
  await db.schema.alterTable('resources').addColumn('conditions', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('needs_member_user').execute();
  for (const c of ['member_user_id', 'member_id']) await db.schema.alterTable('needs').dropColumn(c).execute();
  for (const c of ['conditions', 'schedule']) await db.schema.alterTable('resources').dropColumn(c).execute();
}
