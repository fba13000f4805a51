import { type Selectable, sql } from 'kysely';
import type { Actor } from '../../core/access/actor.js';
import { allow, can, definePolicy, type Policy } from '../../core/access/policy.js';
import { OFFICE_ROLES, STAFF_ROLES } from '../../core/access/roles.js';
import { bindingsOf } from '../../core/access/scope.js';
import type { DbOrTrx } from '../../core/db.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { msg } from '../../core/i18n.js';
import { lifecyclePolicy } from '../../core/lifecycle/abilities.js';
import { type Caller, isResidentCaller, isStaffCaller, type LifecycleDef, type LifecycleRecord, type Relation } from '../../core/lifecycle/types.js';
import { currentMonth } from '../../../contracts/months.js';
import {
  NEED_LABELS, NEED_STATES, NEED_STEPS, RESOURCE_LABELS, RESOURCE_STATES, RESOURCE_STEPS, ZNeedStep, ZResourceStep,
  type NeedAction, type NeedState, type ResourceAction, type ResourceState,
} from '../../../contracts/three-lists.js';
import { saveAttachments, uploadRoot, type CheckedPhoto, type StagedFile } from '../attachments/index.js';
import { usersOfUnit } from '../accounts/index.js';
import { notify } from '../notifications/index.js';
import { assignableMember } from '../party/index.js';
import { findUnit, isUnitVisibleTo } from '../units/index.js';
import { threeListsMsg } from './messages.js';
import type { NeedTable, ResourceTable } from './tables.js';

export type NeedRow = Selectable<NeedTable>;
export type ResourceRow = Selectable<ResourceTable>;
export interface NeedRecord extends LifecycleRecord { state: NeedState; row: NeedRow }
export interface ResourceRecord extends LifecycleRecord { state: ResourceState; row: ResourceRow }

const contactOf = (c: Caller, unitId: string | null) =>
  isStaffCaller(c) && !!unitId && c.unitId === unitId && bindingsOf(c, ['partner_contact']).length > 0;
/** The party member a need is dispatched to, by the sign-in linked to them when it was dispatched. */
const memberOf = (c: Caller, memberUserId: string | null) =>
  isStaffCaller(c) && !!memberUserId && c.userId === memberUserId && bindingsOf(c, ['party_member']).length > 0;

/**
 * Who sees a need: staff over its place; the contact of the unit it is dispatched to, wherever it lies; the party member
 * it is dispatched to (by their linked sign-in); the building head (or any account) who reported it. Residents see their own on the phone page (the reporter relation).
 */
export const needReadPolicy = definePolicy<NeedRecord>('need', [
  ...allow<NeedRecord>(STAFF_ROLES, 'read'),
  ...allow<NeedRecord>('partner_contact', 'read', (_b, r, a) => !!a.unitId && r.row.unit_id === a.unitId, { anywhere: true, where: (eb, _b, a) => eb('needs.unit_id', '=', a.unitId ?? '') }),
  ...allow<NeedRecord>('party_member', 'read', (_b, r, a) => r.row.member_user_id === a.userId, { anywhere: true, where: (eb, _b, a) => eb('needs.member_user_id', '=', a.userId) }),
  ...allow<NeedRecord>('building_head', 'read', (_b, r, a) => r.row.reporter_user_id === a.userId, { anywhere: true, where: (eb, _b, a) => eb('needs.reporter_user_id', '=', a.userId) }),
]);
/** Subject-free: who reports needs, and who reads the suggestions and exports the ledger (the offices that dispatch). */
export const needPolicy = definePolicy<Record<string, never>>('need', [
  ...allow([...STAFF_ROLES, 'building_head'], 'report'), ...allow(OFFICE_ROLES, ['suggest', 'export']),
]);

/** Who sees a resource: staff over the area it serves; the contact of its unit. */
export const resourceReadPolicy = definePolicy<ResourceRecord>('resource', [
  ...allow<ResourceRecord>(STAFF_ROLES, 'read'),
  ...allow<ResourceRecord>('partner_contact', 'read', (_b, r, a) => !!a.unitId && r.row.unit_id === a.unitId, { anywhere: true, where: (eb, _b, a) => eb('resources.unit_id', '=', a.unitId ?? '') }),
]);
export const resourcePolicy = definePolicy<Record<string, never>>('resource', [...allow([...OFFICE_ROLES, 'partner_contact'], 'create'), ...allow(OFFICE_ROLES, 'export')]);

/** Whoever the need is dispatched to: the unit's contact, or the party member. */
const assignee: Relation<NeedRecord> = {
  roles: ['partner_contact', 'party_member'],
  holds: (c, r) => (r.row.member_id ? memberOf(c, r.row.member_user_id) : contactOf(c, r.row.unit_id)),
  where: (eb, c) => (isStaffCaller(c)
    ? eb.or([eb.and([eb('needs.member_id', 'is', null), eb('needs.unit_id', '=', c.unitId ?? '')]), eb('needs.member_user_id', '=', c.userId)])
    : eb('needs.unit_id', '=', '')),
};
const reporter: Relation<NeedRecord> = {
  roles: ['building_head', 'grid_worker', 'community_worker', 'street_staff', 'district_admin'],
  holds: (c, r) => (isResidentCaller(c) ? !!r.row.reporter_phone_index && r.row.reporter_phone_index === c.phoneIndex
    : isStaffCaller(c) && !!r.row.reporter_user_id && r.row.reporter_user_id === c.userId),
  where: (eb, c) => (isResidentCaller(c) ? eb('needs.reporter_phone_index', '=', c.phoneIndex) : eb('needs.reporter_user_id', '=', isStaffCaller(c) ? c.userId : '')),
};

export const toNeed = (r: NeedRow) => ({
  id: r.id, title: r.title, description: r.description, category: r.category, urgency: r.urgency, beneficiary: r.beneficiary, placeId: r.place_id,
  channel: r.channel, workOrderId: r.work_order_id, state: r.state, rejectReason: r.reject_reason, mergedInto: r.merged_into, unitId: r.unit_id,
  resourceId: r.resource_id, memberId: r.member_id, declineReason: r.decline_reason, deliveryNote: r.delivery_note, rating: r.rating, ratingComment: r.rating_comment,
  dispatchedAt: r.dispatched_at, takenAt: r.taken_at, deliveredAt: r.delivered_at, ratedAt: r.rated_at, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
});

export const needRecord = (row: NeedRow): NeedRecord => ({ id: row.id, version: row.version, placeId: row.place_id, placePath: row.place_path, state: row.state, row });

export async function loadNeed(db: DbOrTrx, id: string): Promise<NeedRecord | undefined> {
  const row = await db.selectFrom('needs').selectAll().where('id', '=', id).executeTakeFirst();
  return row && needRecord(row);
}

export const needVisible = (caller: Caller, r: NeedRecord) =>
  (isStaffCaller(caller) && can(caller as Actor, needReadPolicy, 'read', r.placePath, r)) || (isResidentCaller(caller) && reporter.holds(caller, r));

/**
 * Takes one of the resource's capacity for this month in one conditional update: a new month starts again from the
 * capacity; none left (or the resource no longer published) is 409 and the take is rolled back.
 */
async function useCapacity(trx: DbOrTrx, resourceId: string) {
  const month = currentMonth();
  const r = await trx.updateTable('resources')
    .set({ remaining: sql`case when period_of = ${month} then remaining - 1 else capacity - 1 end`, period_of: month })
    .where('id', '=', resourceId).where('state', '=', 'published')
    .where((eb) => eb.or([eb('period_of', '<>', month), eb('remaining', '>', 0)]))
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw conflict('resourceId', threeListsMsg.noCapacity, 'no_capacity');
}

/** The need's state table (contracts/three-lists.ts). */
export const needLifecycle: LifecycleDef<NeedRecord, NeedAction, 'assignee' | 'reporter', NeedState> = {
  entityType: 'need', table: 'needs', states: NEED_STATES, relations: { assignee, reporter },
  steps: {
    publish: { ...NEED_STEPS.publish, input: ZNeedStep.publish },
    reject: { ...NEED_STEPS.reject, input: ZNeedStep.reject, run: async (_s, input: { reason: string }) => ({ set: { reject_reason: input.reason }, reason: input.reason }) },
    merge: {
      ...NEED_STEPS.merge, input: ZNeedStep.merge,
      run: async ({ ctx, caller, record }, input: { intoId: string }) => {
        const into = await loadNeed(ctx.handle.db, input.intoId);
        if (!into || !needVisible(caller, into)) throw notFound('need');
        if (into.id === record.id || ['rejected', 'merged'].includes(into.state)) throw conflict('intoId', threeListsMsg.mergeSelf, 'bad_merge');
        return { set: { merged_into: into.id }, data: { intoId: into.id } };
      },
    },
    dispatch: {
      ...NEED_STEPS.dispatch, input: ZNeedStep.dispatch,
      run: async ({ ctx, actor, now, record }, input: { unitId?: string; memberId?: string; resourceId?: string }) => {
        // A line in the bell (and the member's landing) of whoever it goes to: they take or decline it.
        const tell = (users: string[]) => async (trx: DbOrTrx) =>
          notify(trx, users, { kind: 'need_dispatched', entityType: 'need', entityId: record.id, ...msg(threeListsMsg.dispatchedToYou, { title: record.row.title }) });
        if (input.memberId) {
          // A member of the need's community (or above it) with their own sign-in: they take, decline and deliver it.
          const member = await assignableMember(ctx.handle.db, actor, input.memberId);
          if (!member) throw invalid('memberId', threeListsMsg.memberNotLinked, 'member_unavailable');
          return { set: { unit_id: null, resource_id: null, member_id: member.id, member_user_id: member.userId, dispatched_at: now, decline_reason: null },
            data: { memberId: member.id, member: member.name }, after: tell([member.userId]) };
        }
        const unit = await findUnit(ctx.handle.db, input.unitId ?? '');
        if (!unit || unit.kind !== 'partner_unit' || !isUnitVisibleTo(actor, unit)) throw invalid('unitId', threeListsMsg.notPartner);
        if (input.resourceId) {
          const res = await ctx.handle.db.selectFrom('resources').select(['unit_id', 'state']).where('id', '=', input.resourceId).executeTakeFirst();
          if (!res || res.unit_id !== unit.id || res.state !== 'published') throw invalid('resourceId', threeListsMsg.resourceNotOfUnit, 'resource_unavailable');
        }
        return { set: { unit_id: unit.id, resource_id: input.resourceId ?? null, member_id: null, member_user_id: null, dispatched_at: now, decline_reason: null },
          data: { unitId: unit.id, resourceId: input.resourceId ?? null }, after: async (trx) => tell(await usersOfUnit(trx, unit.id))(trx) };
      },
    },
    take: {
      ...NEED_STEPS.take, input: ZNeedStep.take,
      run: async ({ record, now }) => ({ set: { taken_at: now }, after: async (trx) => { if (record.row.resource_id) await useCapacity(trx, record.row.resource_id); } }),
    },
    decline: {
      ...NEED_STEPS.decline, input: ZNeedStep.decline,
      run: async ({ record }, input: { reason: string }) => ({
        // The unit (or member) stays named (it still sees the need it declined, with no step left) until the need is dispatched again.
        set: { resource_id: null, decline_reason: input.reason }, from: { unitId: record.row.unit_id, memberId: record.row.member_id }, reason: input.reason,
      }),
    },
    deliver: {
      ...NEED_STEPS.deliver, input: ZNeedStep.deliver,
      run: async ({ ctx, caller, record, now }, input: { note: string; photos?: CheckedPhoto[]; staged?: StagedFile[] }) => ({
        set: { delivery_note: input.note, delivered_at: now },
        after: async (trx) => {
          if (input.photos?.length) {
            await saveAttachments(trx, uploadRoot(ctx.config), { entityType: 'need', entityId: record.id, placeId: record.placeId, placePath: record.placePath },
              'deliver', input.photos, caller, input.staged ?? []);
          }
        },
      }),
    },
    rate: {
      ...NEED_STEPS.rate, input: ZNeedStep.rate,
      run: async ({ now }, input: { rating: number; comment?: string }) => ({ set: { rating: input.rating, rating_comment: input.comment || null, rated_at: now }, data: { rating: input.rating } }),
    },
  },
  load: (ctx, id) => loadNeed(ctx.handle.db, id),
  visible: needVisible,
  view: (_ctx, row: NeedRow) => toNeed(row),
  labels: NEED_LABELS,
};

export const toResource = (r: ResourceRow, month = currentMonth()) => ({
  id: r.id, unitId: r.unit_id, title: r.title, description: r.description, category: r.category, capacity: r.capacity,
  // A month not yet used starts from the capacity.
  remaining: r.period_of === month ? r.remaining : r.capacity, placeId: r.place_id, schedule: r.schedule, conditions: r.conditions, state: r.state, rejectReason: r.reject_reason,
  version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
});

export async function loadResource(db: DbOrTrx, id: string): Promise<ResourceRecord | undefined> {
  const row = await db.selectFrom('resources').selectAll().where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, version: row.version, placeId: row.place_id, placePath: row.place_path, state: row.state, row };
}

/** The resource's state table: an office over its area publishes or rejects it; an office or its unit's contact withdraws it. */
export const resourceLifecycle: LifecycleDef<ResourceRecord, ResourceAction, 'owner', ResourceState> = {
  entityType: 'resource', table: 'resources', states: RESOURCE_STATES,
  relations: { owner: { roles: ['partner_contact'], holds: (c, r) => contactOf(c, r.row.unit_id), where: (eb, c) => eb('resources.unit_id', '=', isStaffCaller(c) ? (c.unitId ?? '') : '') } },
  steps: {
    publish: { ...RESOURCE_STEPS.publish, input: ZResourceStep.publish },
    reject: { ...RESOURCE_STEPS.reject, input: ZResourceStep.reject, run: async (_s, input: { reason: string }) => ({ set: { reject_reason: input.reason }, reason: input.reason }) },
    withdraw: { ...RESOURCE_STEPS.withdraw, input: ZResourceStep.withdraw, run: async (_s, input: { reason: string }) => ({ reason: input.reason }) },
  },
  load: (ctx, id) => loadResource(ctx.handle.db, id),
  visible: (caller, r) => isStaffCaller(caller) && can(caller as Actor, resourceReadPolicy, 'read', r.placePath, r),
  view: (_ctx, row: ResourceRow) => toResource(row),
  labels: RESOURCE_LABELS,
};

export const needAbilities = (): Policy<any> => definePolicy<any>('need', [...needReadPolicy.rules, ...needPolicy.rules, ...lifecyclePolicy(needLifecycle).rules]);
export const resourceAbilities = (): Policy<any> => definePolicy<any>('resource', [...resourceReadPolicy.rules, ...resourcePolicy.rules, ...lifecyclePolicy(resourceLifecycle).rules]);
