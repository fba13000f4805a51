import type { Selectable } from 'kysely';
import type { Actor } from '../../core/access/actor.js';
import { allow, can, definePolicy, type Policy } from '../../core/access/policy.js';
import { OFFICE_ROLES, STAFF_ROLES } from '../../core/access/roles.js';
import { bindingsOf } from '../../core/access/scope.js';
import type { DbOrTrx } from '../../core/db.js';
import { lifecyclePolicy } from '../../core/lifecycle/abilities.js';
import { type Caller, isStaffCaller, type LifecycleDef, type LifecycleRecord } from '../../core/lifecycle/types.js';
import { CHAIR_LABELS, CHAIR_STATES, CHAIR_STEPS, ZChairStep, type ChairAction, type ChairState } from '../../../contracts/rotating-chair.js';
import type { ChairMonthTable } from './chair-tables.js';

export type ChairMonthRow = Selectable<ChairMonthTable>;
/** A month with its chair units and the partner units registered on its community (who may read and rate it). */
export interface ChairRecord extends LifecycleRecord { state: ChairState; row: ChairMonthRow; unitIds: string[]; communityUnitIds: string[] }

/** Staff read the roster of their subtree; a partner unit's contact the roster of its community. */
export const chairReadPolicy = definePolicy<ChairRecord>('chair_month', [
  ...allow<ChairRecord>(STAFF_ROLES, 'read'),
  ...allow<ChairRecord>('partner_contact', 'read', (_b, r, a) => !!a.unitId && (r.communityUnitIds.includes(a.unitId) || r.unitIds.includes(a.unitId)), {
    anywhere: true,
    where: (eb, _b, a) => eb.exists(eb.selectFrom('units as cu').select('cu.id').where('cu.id', '=', a.unitId ?? '').whereRef('cu.place_id', '=', 'chair_months.place_id')),
  }),
]);
export const chairPolicy = definePolicy<Record<string, never>>('chair_month', [...allow(OFFICE_ROLES, 'schedule'), ...allow('partner_contact', 'rate')]);

export const chairRecord = (row: ChairMonthRow, unitIds: string[], communityUnitIds: string[]): ChairRecord =>
  ({ id: row.id, version: row.version, placeId: row.place_id, placePath: row.place_path, state: row.state, row, unitIds, communityUnitIds });

export async function loadChairMonth(db: DbOrTrx, id: string): Promise<ChairRecord | undefined> {
  const row = await db.selectFrom('chair_months').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [units, community] = await Promise.all([
    db.selectFrom('chair_month_units').select('unit_id').where('month_id', '=', id).execute(),
    db.selectFrom('units').select('id').where('place_id', '=', row.place_id).where('kind', '=', 'partner_unit').execute(),
  ]);
  return chairRecord(row, units.map((u) => u.unit_id), community.map((u) => u.id));
}

export const chairVisible = (caller: Caller, r: ChairRecord) => isStaffCaller(caller) && can(caller, chairReadPolicy, 'read', r.placePath, r);
const isChair = (c: Caller, r: ChairRecord) => isStaffCaller(c) && !!c.unitId && bindingsOf(c as Actor, ['partner_contact']).length > 0 && r.unitIds.includes(c.unitId);

export const toChairMonth = (r: ChairMonthRow) => ({ id: r.id, placeId: r.place_id, month: r.month, state: r.state, plan: r.plan, report: r.report, version: r.version });

/** The month's state table: the chair (its units' contacts, or an office over it) files the plan, then the report. */
export const chairLifecycle: LifecycleDef<ChairRecord, ChairAction, 'chair', ChairState> = {
  entityType: 'chair_month', table: 'chair_months', states: CHAIR_STATES,
  relations: { chair: { roles: ['partner_contact'], holds: isChair } },
  steps: {
    file_plan: { ...CHAIR_STEPS.file_plan, input: ZChairStep.file_plan, run: async (_s, input: { plan: string }) => ({ set: { plan: input.plan } }) },
    report: { ...CHAIR_STEPS.report, input: ZChairStep.report, run: async (_s, input: { report: string }) => ({ set: { report: input.report } }) },
  },
  load: (ctx, id) => loadChairMonth(ctx.handle.db, id),
  visible: chairVisible,
  view: (_ctx, row: ChairMonthRow) => toChairMonth(row),
  labels: CHAIR_LABELS,
};

export const chairAbilities = (): Policy<any> => definePolicy<any>('chair_month', [...chairReadPolicy.rules, ...chairPolicy.rules, ...lifecyclePolicy(chairLifecycle).rules]);
