import type { Selectable } from 'kysely';
import type { Actor } from '../../core/access/actor.js';
import { can } from '../../core/access/policy.js';
import { OFFICE_ROLES } from '../../core/access/roles.js';
import { bindingsOf } from '../../core/access/scope.js';
import type { DbOrTrx } from '../../core/db.js';
import { type Caller, type LifecycleDef, type LifecycleRecord, type Relation, type StepDef } from '../../core/lifecycle/types.js';
import {
  ANNOUNCEMENT_LABELS, ANNOUNCEMENT_STATES, ANNOUNCEMENT_STEPS, ZAnnouncementStep,
  type AnnouncementAction, type AnnouncementRelation, type AnnouncementState,
} from '../../../contracts/announcements.js';
import { announcementReadPolicy } from './policy.js';
import { announcementPlace } from './places.js';
import type { AnnouncementTable } from './tables.js';

export type AnnouncementRow = Selectable<AnnouncementTable>;

/** A notice as the engine sees it: the lifecycle fields, the office that wrote it, and the row. */
export interface AnnouncementRecord extends LifecycleRecord {
  state: AnnouncementState;
  officePath: string;
  row: AnnouncementRow;
}

export async function loadAnnouncement(db: DbOrTrx, id: string): Promise<AnnouncementRecord | undefined> {
  const row = await db.selectFrom('announcements').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

export const toRecord = (row: AnnouncementRow): AnnouncementRecord =>
  ({ id: row.id, version: row.version, placeId: row.place_id, placePath: row.place_path, state: row.state, officePath: row.office_path, row });

export const toAnnouncement = (r: AnnouncementRow) => ({
  id: r.id, title: r.title, body: r.body, placeId: r.place_id, officeId: r.office_id, state: r.state, authorId: r.author_id,
  publishedAt: r.published_at, withdrawnAt: r.withdrawn_at, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
});

/** A signed-in account (not a resident on the phone page, nor the scheduler). */
const isStaff = (c: Caller): c is Actor => 'sessionId' in c;

/** The places of the caller's office bindings (street, community, district); '' matches no path. */
const officePaths = (c: Caller) =>
  !isStaff(c) ? [''] : ['', ...bindingsOf(c, OFFICE_ROLES).map((b) => b.placePath)];
const isOffice = (c: Caller, officePath: string) => officePaths(c).includes(officePath);

const RELATIONS: Record<AnnouncementRelation, Relation<AnnouncementRecord>> = {
  office: {
    roles: OFFICE_ROLES,
    holds: (c, r) => isOffice(c, r.officePath),
    where: (eb, c) => eb('announcements.office_path', 'in', officePaths(c)),
  },
};

type Step = StepDef<AnnouncementRecord, AnnouncementRelation, AnnouncementState>;
const steps: Record<AnnouncementAction, Step> = {
  edit: {
    ...ANNOUNCEMENT_STEPS.edit, input: ZAnnouncementStep.edit,
    // A draft may be re-addressed, but only within its office's subtree.
    run: async ({ ctx, actor, record }, input: { title?: string; body?: string; placeId?: string }) => {
      const place = input.placeId ? await announcementPlace(ctx, actor as Actor, input.placeId, record.officePath) : undefined;
      const set = { title: input.title, body: input.body, ...(place ? { place_id: place.id, place_path: place.path } : {}) };
      return { set: Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined)), data: { title: input.title, placeId: input.placeId } };
    },
  },
  publish: { ...ANNOUNCEMENT_STEPS.publish, input: ZAnnouncementStep.publish, run: async ({ now }) => ({ set: { published_at: now } }) },
  withdraw: {
    ...ANNOUNCEMENT_STEPS.withdraw, input: ZAnnouncementStep.withdraw,
    run: async ({ now }, input: { reason: string }) => ({ set: { withdrawn_at: now }, reason: input.reason }),
  },
};

/** The notice's state table on the lifecycle engine: the public table (contracts) plus each step's work. */
export const announcementLifecycle: LifecycleDef<AnnouncementRecord, AnnouncementAction, AnnouncementRelation, AnnouncementState> = {
  entityType: 'announcement',
  table: 'announcements',
  states: ANNOUNCEMENT_STATES,
  relations: RELATIONS,
  steps,
  load: (ctx, id) => loadAnnouncement(ctx.handle.db, id),
  // Residents read on the H5 page through their compound, never through the staff steps.
  visible: (caller, r) => isStaff(caller) && can(caller, announcementReadPolicy, 'read', r.placePath, r),
  view: (_ctx, row: AnnouncementRow) => toAnnouncement(row),
  labels: ANNOUNCEMENT_LABELS,
};
