import { randomBytes } from 'node:crypto';
import type { Actor } from '../../core/access/actor.js';
import { allowedWhere, authorize, can } from '../../core/access/policy.js';
import { inSubtrees } from '../../core/access/scope.js';
import type { AppContext } from '../../core/context.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { appendEvent } from '../../core/events.js';
import { msg } from '../../core/i18n.js';
import { newId, nowIso } from '../../core/ids.js';
import { availableActions } from '../../core/lifecycle/engine.js';
import type { MeetingState, TPlanMeeting, TaskState } from '../../../contracts/joint-meetings.js';
import { findPlace, findPlaceInScope, findUnits, isUnitVisibleTo, notify, unmatchedNeeds, userNames, usersOfUnit } from './deps.js';
import {
  loadMeeting, meetingLifecycle, meetingPolicy, meetingReadPolicy, meetingVisible, taskLifecycle, taskReadPolicy, taskRecord, toMeeting, toTask, type MeetingRecord, type MeetingRow,
} from './lifecycle.js';
import { meetingMsg } from './messages.js';

/** The street or community an office convenes for: in its subtree (else 404), a street or community (else 422). */
async function councilPlace(ctx: AppContext, actor: Actor, placeId: string) {
  const place = await findPlace(ctx.handle.db, placeId);
  if (!place) throw notFound('place');
  authorize(actor, meetingPolicy, 'plan', place.path, {}, 'place');
  if (place.level !== 'street' && place.level !== 'community') throw invalid('placeId', meetingMsg.placeLevel, 'place_level');
  return place;
}

const beijingTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * An office plans a meeting of its street's or community's council: the agenda (needs without a match in its subtree, in
 * the order given, then free items) and the partner units invited (registered on the place or inside it), whose contacts
 * get a line in their inbox. One `plan` event.
 */
export async function planMeeting(ctx: AppContext, actor: Actor, input: TPlanMeeting, baseUrl: string) {
  const db = ctx.handle.db;
  const place = await councilPlace(ctx, actor, input.placeId);
  const unitIds = [...new Set(input.unitIds)];
  const units = await findUnits(db, unitIds);
  if (units.length !== unitIds.length || units.some((u) => u.kind !== 'partner_unit' || !isUnitVisibleTo(actor, u) || !u.place_path.startsWith(place.path))) {
    throw invalid('unitIds', meetingMsg.notPartner);
  }
  const needIds = [...new Set(input.needIds)];
  const needs = await unmatchedNeeds(db, place.path, needIds);
  if (needs.length !== needIds.length) throw invalid('needIds', meetingMsg.notAgendaNeed);
  const byId = new Map(needs.map((n) => [n.id, n]));
  const now = nowIso();
  const row: MeetingRow = {
    id: newId(), title: input.title, place_id: place.id, place_path: place.path, planned_at: new Date(input.plannedAt).toISOString(), venue: input.venue,
    convenor_id: actor.userId, sign_in_key: randomBytes(12).toString('base64url'), state: 'planned', held_at: null, minutes: null, cancel_reason: null,
    version: 1, created_at: now, updated_at: now,
  };
  const items = [...needIds.map((id) => ({ title: byId.get(id)!.title, need_id: id })), ...input.items.map((title) => ({ title, need_id: null }))]
    .map((it, position) => ({ id: newId(), meeting_id: row.id, position, ...it }));
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('joint_meetings').values(row).execute();
    await trx.insertInto('joint_meeting_items').values(items).execute();
    await trx.insertInto('joint_meeting_invitations').values(unitIds.map((unit_id) => ({ meeting_id: row.id, unit_id, signed_in_at: null, signed_in_by: null }))).execute();
    await appendEvent(trx, actor, { entityType: 'joint_meeting', entityId: row.id, placeId: place.id, action: 'plan',
      to: { state: 'planned', plannedAt: row.planned_at, units: unitIds.length, items: items.length } }, now);
    const text = msg(meetingMsg.invited, { title: row.title, at: beijingTime(row.planned_at), venue: row.venue });
    for (const id of unitIds) await notify(trx, await usersOfUnit(trx, id), { kind: 'joint_meeting', entityType: 'joint_meeting', entityId: row.id, ...text });
  });
  return meetingDetail(ctx, actor, row.id, baseUrl);
}

/** The needs without a match an office may put on a meeting's agenda for its street or community. */
export async function agendaCandidates(ctx: AppContext, actor: Actor, placeId: string) {
  const place = await councilPlace(ctx, actor, placeId);
  return { items: await unmatchedNeeds(ctx.handle.db, place.path) };
}

const meetingQuery = (ctx: AppContext) => ctx.handle.db.selectFrom('joint_meetings').innerJoin('places as p', 'p.id', 'joint_meetings.place_id')
  .leftJoin(userNames(ctx.handle.db).as('c'), 'c.id', 'joint_meetings.convenor_id')
  .selectAll('joint_meetings').select(['p.name as place_name', 'c.name as convenor_name']);

/** The meetings the caller sees (staff: their subtree; a contact: those their unit is invited to), the latest first. */
export async function listMeetings(ctx: AppContext, actor: Actor, q: { placeId?: string; state?: MeetingState; limit: number; offset: number }) {
  let query = meetingQuery(ctx).where((eb) => allowedWhere(eb, actor, meetingReadPolicy, 'read', 'joint_meetings.place_path'));
  if (q.placeId) {
    const place = await findPlaceInScope(ctx.handle.db, actor, q.placeId);
    query = query.where((eb) => inSubtrees(eb, 'joint_meetings.place_path', [place.path]));
  }
  if (q.state) query = query.where('joint_meetings.state', '=', q.state);
  const [rows, total] = await Promise.all([
    query.orderBy('joint_meetings.planned_at', 'desc').orderBy('joint_meetings.id', 'desc').limit(q.limit).offset(q.offset).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => ({ ...toMeeting(r), placeName: r.place_name, convenorName: r.convenor_name })), total: Number(total.n) };
}

async function visibleMeeting(ctx: AppContext, actor: Actor, id: string): Promise<MeetingRecord> {
  const record = await loadMeeting(ctx.handle.db, id);
  if (!record || !meetingVisible(actor, record)) throw notFound('joint_meeting');
  return record;
}

/** An office over the meeting: who sees its sign-in code and prints its minutes (a contact: 403; outside: 404). */
export async function convenedMeeting(ctx: AppContext, actor: Actor, id: string): Promise<MeetingRecord> {
  const record = await visibleMeeting(ctx, actor, id);
  authorize(actor, meetingPolicy, 'convene', record.placePath, {}, 'joint_meeting');
  return record;
}

export const signInUrl = (baseUrl: string, key: string) => `${baseUrl}/joint-meetings/sign-in/${key}`;

/**
 * A meeting with its agenda, the units invited and when each signed in, its tasks (a contact sees their own unit's only),
 * the caller's next steps and, for an office over it, the sign-in URL.
 */
export async function meetingDetail(ctx: AppContext, actor: Actor, id: string, baseUrl: string) {
  const record = await visibleMeeting(ctx, actor, id);
  const db = ctx.handle.db;
  const staff = can(actor, meetingReadPolicy, 'read', record.placePath, { ...record, unitIds: [] });
  const [row, items, invitations, tasks] = await Promise.all([
    meetingQuery(ctx).where('joint_meetings.id', '=', id).executeTakeFirstOrThrow(),
    db.selectFrom('joint_meeting_items as i').leftJoin('needs as n', 'n.id', 'i.need_id').select(['i.id', 'i.title', 'i.need_id', 'n.state as need_state'])
      .where('i.meeting_id', '=', id).orderBy('i.position').execute(),
    db.selectFrom('joint_meeting_invitations as i').innerJoin('units as u', 'u.id', 'i.unit_id').leftJoin(userNames(db).as('s'), 's.id', 'i.signed_in_by')
      .select(['i.unit_id', 'u.name as unit_name', 'u.partner_kind', 'i.signed_in_at', 's.name as signed_in_name']).where('i.meeting_id', '=', id).orderBy('u.name').execute(),
    db.selectFrom('joint_meeting_tasks as t').innerJoin('units as u', 'u.id', 't.unit_id').selectAll('t').select('u.name as unit_name')
      .where('t.meeting_id', '=', id).$if(!staff, (q) => q.where('t.unit_id', '=', actor.unitId ?? '')).orderBy('t.due_on').orderBy('t.id').execute(),
  ]);
  const convener = can(actor, meetingPolicy, 'convene', record.placePath, {});
  return {
    ...toMeeting(row), placeName: row.place_name, convenorName: row.convenor_name, actions: availableActions(meetingLifecycle, actor, record),
    items: items.map((i) => ({ id: i.id, title: i.title, needId: i.need_id, needState: i.need_state })),
    invitations: invitations.map((i) => ({ unitId: i.unit_id, unitName: i.unit_name, partnerKind: i.partner_kind, signedInAt: i.signed_in_at, signedInBy: i.signed_in_name })),
    tasks: tasks.map((t) => ({ ...toTask(t), unitName: t.unit_name, actions: availableActions(taskLifecycle, actor, taskRecord(t)) })),
    signInUrl: convener && baseUrl ? signInUrl(baseUrl, row.sign_in_key) : null,
    mayConvene: convener,
  };
}

/** The meeting a code opens, for a caller who sees it (a contact of an invited unit, staff over it); else 404. */
async function meetingByKey(ctx: AppContext, actor: Actor, key: string) {
  const row = await ctx.handle.db.selectFrom('joint_meetings').select('id').where('sign_in_key', '=', key).executeTakeFirst();
  const record = row && (await loadMeeting(ctx.handle.db, row.id));
  if (!record || !meetingVisible(actor, record)) throw notFound('joint_meeting');
  return record;
}

/** What the sign-in page shows a unit's contact who opened the code: the meeting, and whether their unit signed in. */
export async function signInInfo(ctx: AppContext, actor: Actor, key: string) {
  const record = await meetingByKey(ctx, actor, key);
  const invitation = await ctx.handle.db.selectFrom('joint_meeting_invitations as i').innerJoin('units as u', 'u.id', 'i.unit_id').select(['i.signed_in_at', 'u.name'])
    .where('i.meeting_id', '=', record.id).where('i.unit_id', '=', actor.unitId ?? '').executeTakeFirst();
  const place = await findPlace(ctx.handle.db, record.placeId);
  return {
    meetingId: record.id, title: record.row.title, plannedAt: record.row.planned_at, venue: record.row.venue, placeName: place?.name ?? '', state: record.state,
    invited: !!invitation, unitName: invitation?.name ?? null, signedInAt: invitation?.signed_in_at ?? null, open: record.state === 'planned' || record.state === 'held',
  };
}

/**
 * A unit's contact signs their unit in by the meeting's code (the key is the secret; the account is the who), while the
 * meeting is planned or held: once per unit (a second sign-in answers the first's time), one `sign_in` event.
 */
export async function signIn(ctx: AppContext, actor: Actor, key: string) {
  const record = await meetingByKey(ctx, actor, key);
  // Staff over the meeting see the page, but only an invited unit's contact signs in.
  if (!actor.unitId || !record.unitIds.includes(actor.unitId)) throw conflict(null, meetingMsg.notInvited, 'not_invited');
  if (record.state !== 'planned' && record.state !== 'held') throw conflict(null, meetingMsg.closed, 'meeting_closed');
  const now = nowIso();
  await ctx.handle.db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('joint_meeting_invitations').set({ signed_in_at: now, signed_in_by: actor.userId })
      .where('meeting_id', '=', record.id).where('unit_id', '=', actor.unitId!).where('signed_in_at', 'is', null).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) {
      await appendEvent(trx, actor, { entityType: 'joint_meeting', entityId: record.id, placeId: record.placeId, action: 'sign_in', to: { unitId: actor.unitId } }, now);
    }
  });
  return signInInfo(ctx, actor, key);
}

/** The tasks the caller sees (staff: their subtree; a contact: their unit's), open ones by due date first. */
export async function listTasks(ctx: AppContext, actor: Actor, q: { placeId?: string; state?: TaskState; overdue?: boolean }) {
  const db = ctx.handle.db;
  let query = db.selectFrom('joint_meeting_tasks').innerJoin('units as u', 'u.id', 'joint_meeting_tasks.unit_id')
    .innerJoin('joint_meetings as m', 'm.id', 'joint_meeting_tasks.meeting_id')
    .selectAll('joint_meeting_tasks').select(['u.name as unit_name', 'm.title as meeting_title'])
    .where((eb) => allowedWhere(eb, actor, taskReadPolicy, 'read', 'joint_meeting_tasks.place_path'));
  if (q.placeId) {
    const place = await findPlaceInScope(db, actor, q.placeId);
    query = query.where((eb) => inSubtrees(eb, 'joint_meeting_tasks.place_path', [place.path]));
  }
  if (q.state) query = query.where('joint_meeting_tasks.state', '=', q.state);
  const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  if (q.overdue !== undefined) {
    query = q.overdue ? query.where('joint_meeting_tasks.state', '=', 'open').where('joint_meeting_tasks.due_on', '<', day)
      : query.where((eb) => eb.or([eb('joint_meeting_tasks.state', '=', 'done'), eb('joint_meeting_tasks.due_on', '>=', day)]));
  }
  const rows = await query.orderBy('joint_meeting_tasks.state', 'desc').orderBy('joint_meeting_tasks.due_on').orderBy('joint_meeting_tasks.id').limit(200).execute();
  return {
    items: rows.map((t) => ({ ...toTask(t, day), unitName: t.unit_name, meetingTitle: t.meeting_title,
      actions: availableActions(taskLifecycle, actor, taskRecord(t)) })),
  };
}
