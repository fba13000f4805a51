import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../core/db.js';

/**
 * Joint meetings (联席会议) of a street's or community's council of partner units: the meeting (a state table: planned,
 * held, minutes published, or cancelled), its agenda items (a need without a match, or free text), the units invited with
 * their QR sign-in, and the decisions of its minutes as tasks (an owner unit, a due date; open or done). A reminder sent
 * once per place and period (the quarter without a held meeting) is one row, so two processes never send it twice.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pathType = dialectOf(db) === 'postgres' ? sql`text collate "C"` : sql`text`;
  await db.schema.createTable('joint_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('place_path', pathType, (c) => c.notNull())
    .addColumn('planned_at', 'text', (c) => c.notNull())
    .addColumn('venue', 'text', (c) => c.notNull())
    .addColumn('convenor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('sign_in_key', 'text', (c) => c.notNull().unique())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('held_at', 'text')
    .addColumn('minutes', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('joint_meetings_place_path').on('joint_meetings').columns(['place_path', 'planned_at']).execute();

  await db.schema.createTable('joint_meeting_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('joint_meetings.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('need_id', 'text', (c) => c.references('needs.id'))
    .execute();
  await db.schema.createIndex('joint_meeting_items_meeting').on('joint_meeting_items').columns(['meeting_id', 'position']).execute();

  await db.schema.createTable('joint_meeting_invitations')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('joint_meetings.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('signed_in_at', 'text')
    .addColumn('signed_in_by', 'text', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('joint_meeting_invitations_pk', ['meeting_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('joint_meeting_invitations_unit').on('joint_meeting_invitations').columns(['unit_id', 'meeting_id']).execute();

  await db.schema.createTable('joint_meeting_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('joint_meetings.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('place_path', pathType, (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('done_note', 'text')
    .addColumn('done_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('joint_meeting_tasks_meeting').on('joint_meeting_tasks').columns(['meeting_id']).execute();
  await db.schema.createIndex('joint_meeting_tasks_place_path').on('joint_meeting_tasks').columns(['place_path', 'state', 'due_on']).execute();
  await db.schema.createIndex('joint_meeting_tasks_unit').on('joint_meeting_tasks').columns(['unit_id', 'state']).execute();

  await db.schema.createTable('council_reminders')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('council_reminders_pk', ['kind', 'place_id', 'period'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['council_reminders', 'joint_meeting_tasks', 'joint_meeting_invitations', 'joint_meeting_items', 'joint_meetings']) await db.schema.dropTable(t).ifExists().execute();
}
