import type { Selectable } from 'kysely';
import type { Actor } from '../../core/access/actor.js';
import { allow, can, definePolicy, type Policy } from '../../core/access/policy.js';
import { OFFICE_ROLES, STAFF_ROLES } from '../../core/access/roles.js';
import { bindingsOf } from '../../core/access/scope.js';
import type { DbOrTrx } from '../../core/db.js';
import { invalid } from '../../core/errors.js';
import { appendEvents } from '../../core/events.js';
import { msg } from '../../core/i18n.js';
import { newId } from '../../core/ids.js';
import { lifecyclePolicy } from '../../core/lifecycle/abilities.js';
import { type Caller, isStaffCaller, type LifecycleDef, type LifecycleRecord } from '../../core/lifecycle/types.js';
import { currentDay } from '../../../contracts/months.js';
import {
  MEETING_LABELS, MEETING_STATES, MEETING_STEPS, TASK_LABELS, TASK_STATES, TASK_STEPS, ZMeetingStep, ZTaskStep,
  type MeetingAction, type MeetingState, type TaskAction, type TaskState, type TDecision,
} from '../../../contracts/joint-meetings.js';
import { notify, usersOfUnit } from './deps.js';
import { meetingMsg } from './messages.js';
import type { JointMeetingTable, JointMeetingTaskTable } from './tables.js';

export type MeetingRow = Selectable<JointMeetingTable>;
export type TaskRow = Selectable<JointMeetingTaskTable>;
/** A meeting with the units invited to it (who may read it and own its decisions). */
export interface MeetingRecord extends LifecycleRecord { state: MeetingState; row: MeetingRow; unitIds: string[] }
export interface TaskRecord extends LifecycleRecord { state: TaskState; row: TaskRow }

const isContact = (a: Actor) => !!a.unitId && bindingsOf(a, ['partner_contact']).length > 0;

/** Staff read the meetings of their subtree; a unit's contact those their unit is invited to, wherever they are held. */
export const meetingReadPolicy = definePolicy<MeetingRecord>('joint_meeting', [
  ...allow<MeetingRecord>(STAFF_ROLES, 'read'),
  ...allow<MeetingRecord>('partner_contact', 'read', (_b, r, a) => !!a.unitId && r.unitIds.includes(a.unitId), {
    anywhere: true,
    where: (eb, _b, a) => eb.exists(eb.selectFrom('joint_meeting_invitations as i').select('i.unit_id')
      .whereRef('i.meeting_id', '=', 'joint_meetings.id').where('i.unit_id', '=', a.unitId ?? '')),
  }),
]);
/** Subject-free: offices plan meetings (and see the agenda candidates, the sign-in code and the minutes sheet). */
export const meetingPolicy = definePolicy<Record<string, never>>('joint_meeting', [...allow(OFFICE_ROLES, ['plan', 'convene'])]);

/** Staff read the tasks of their subtree; a unit's contact their unit's tasks. */
export const taskReadPolicy = definePolicy<TaskRecord>('joint_meeting_task', [
  ...allow<TaskRecord>(STAFF_ROLES, 'read'),
  ...allow<TaskRecord>('partner_contact', 'read', (_b, r, a) => !!a.unitId && r.row.unit_id === a.unitId,
    { anywhere: true, where: (eb, _b, a) => eb('joint_meeting_tasks.unit_id', '=', a.unitId ?? '') }),
]);

export const toMeeting = (r: MeetingRow) => ({
  id: r.id, title: r.title, placeId: r.place_id, plannedAt: r.planned_at, venue: r.venue, convenorId: r.convenor_id, state: r.state, heldAt: r.held_at,
  minutes: r.minutes, cancelReason: r.cancel_reason, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
});

export async function loadMeeting(db: DbOrTrx, id: string): Promise<MeetingRecord | undefined> {
  const row = await db.selectFrom('joint_meetings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const units = await db.selectFrom('joint_meeting_invitations').select('unit_id').where('meeting_id', '=', id).execute();
  return { id: row.id, version: row.version, placeId: row.place_id, placePath: row.place_path, state: row.state, row, unitIds: units.map((u) => u.unit_id) };
}

export const meetingVisible = (caller: Caller, r: MeetingRecord) => isStaffCaller(caller) && can(caller, meetingReadPolicy, 'read', r.placePath, r);

/** The decisions as tasks of the meeting's place, each assigned by an event and told to its unit's contacts. */
async function writeTasks(trx: DbOrTrx, caller: Caller, meeting: MeetingRow, decisions: TDecision[], now: string) {
  if (!decisions.length) return;
  const rows = decisions.map((d): TaskRow => ({
    id: newId(), meeting_id: meeting.id, title: d.title, unit_id: d.unitId, due_on: d.dueOn, place_id: meeting.place_id, place_path: meeting.place_path,
    state: 'open', done_note: null, done_at: null, version: 1, created_at: now, updated_at: now,
  }));
  await trx.insertInto('joint_meeting_tasks').values(rows).execute();
  await appendEvents(trx, caller, rows.map((t) => ({ entityType: 'joint_meeting_task', entityId: t.id, placeId: t.place_id, action: 'assign',
    to: { state: 'open', unitId: t.unit_id, dueOn: t.due_on, meetingId: meeting.id } })), now);
  for (const t of rows) await notify(trx, await usersOfUnit(trx, t.unit_id), { kind: 'joint_meeting_task', entityType: 'joint_meeting', entityId: meeting.id, ...msg(meetingMsg.assigned, { title: t.title, due: t.due_on }) });
}

/** The meeting's state table (contracts/joint-meetings.ts). */
export const meetingLifecycle: LifecycleDef<MeetingRecord, MeetingAction, never, MeetingState> = {
  entityType: 'joint_meeting', table: 'joint_meetings', states: MEETING_STATES, relations: {},
  steps: {
    hold: { ...MEETING_STEPS.hold, input: ZMeetingStep.hold, run: async ({ now }) => ({ set: { held_at: now } }) },
    publish_minutes: {
      ...MEETING_STEPS.publish_minutes, input: ZMeetingStep.publish_minutes,
      run: async ({ caller, record, now }, input: { minutes: string; decisions: TDecision[] }) => {
        if (input.decisions.some((d) => !record.unitIds.includes(d.unitId))) throw invalid('decisions', meetingMsg.notInvitedUnit);
        return { set: { minutes: input.minutes }, data: { decisions: input.decisions.length }, after: (trx, row) => writeTasks(trx, caller, row as MeetingRow, input.decisions, now) };
      },
    },
    cancel: { ...MEETING_STEPS.cancel, input: ZMeetingStep.cancel, run: async (_s, input: { reason: string }) => ({ set: { cancel_reason: input.reason }, reason: input.reason }) },
  },
  load: (ctx, id) => loadMeeting(ctx.handle.db, id),
  visible: meetingVisible,
  view: (_ctx, row: MeetingRow) => toMeeting(row),
  labels: MEETING_LABELS,
};

export const toTask = (r: TaskRow, day = currentDay()) => ({
  id: r.id, meetingId: r.meeting_id, title: r.title, unitId: r.unit_id, dueOn: r.due_on, state: r.state, doneNote: r.done_note, doneAt: r.done_at,
  overdue: r.state === 'open' && r.due_on < day, version: r.version,
});

export const taskRecord = (row: TaskRow): TaskRecord => ({ id: row.id, version: row.version, placeId: row.place_id, placePath: row.place_path, state: row.state, row });

export async function loadTask(db: DbOrTrx, id: string): Promise<TaskRecord | undefined> {
  const row = await db.selectFrom('joint_meeting_tasks').selectAll().where('id', '=', id).executeTakeFirst();
  return row && taskRecord(row);
}

/** A task's state table: its unit's contact (or an office over it) completes it with a note. */
export const taskLifecycle: LifecycleDef<TaskRecord, TaskAction, 'owner', TaskState> = {
  entityType: 'joint_meeting_task', table: 'joint_meeting_tasks', states: TASK_STATES,
  relations: {
    owner: {
      roles: ['partner_contact'], holds: (c, r) => isStaffCaller(c) && isContact(c) && c.unitId === r.row.unit_id,
      where: (eb, c) => eb('joint_meeting_tasks.unit_id', '=', isStaffCaller(c) ? (c.unitId ?? '') : ''),
    },
  },
  steps: {
    complete: { ...TASK_STEPS.complete, input: ZTaskStep.complete, run: async ({ now }, input: { note: string }) => ({ set: { done_note: input.note, done_at: now }, reason: input.note }) },
  },
  load: (ctx, id) => loadTask(ctx.handle.db, id),
  visible: (caller, r) => isStaffCaller(caller) && can(caller, taskReadPolicy, 'read', r.placePath, r),
  view: (_ctx, row: TaskRow) => toTask(row),
  labels: TASK_LABELS,
};

export const meetingAbilities = (): Policy<any> => definePolicy<any>('joint_meeting', [...meetingReadPolicy.rules, ...meetingPolicy.rules, ...lifecyclePolicy(meetingLifecycle).rules]);
export const taskAbilities = (): Policy<any> => definePolicy<any>('joint_meeting_task', [...taskReadPolicy.rules, ...lifecyclePolicy(taskLifecycle).rules]);
