import type { Seed } from '../../core/module.js';
import { appendEvents, SYSTEM_ACTOR } from '../../core/events.js';
import { newId, nowIso } from '../../core/ids.js';
import { listUnitsOfKind } from '../units/index.js';
import type { CategoryTable } from './tables.js';

/** The default catalogue, as 12345 platforms group it: [code, name, group, complex, the usual department]. */
export const DEFAULT_CATEGORIES: [string, string, string, boolean, string][] = [
  ['sanitation', '垃圾清运', '市容环境', false, '城管执法中队'], ['street-vending', '占道经营', '市容环境', false, '城管执法中队'],
  ['illegal-building', '违章搭建', '市容环境', true, '城管执法中队'], ['elevator', '电梯故障', '物业管理', false, '住建办'],
  ['parking', '小区停车', '物业管理', false, '住建办'], ['property-service', '物业服务', '物业管理', false, '住建办'],
  ['street-light', '路灯损坏', '市政设施', false, '供电所'], ['road-damage', '道路破损', '市政设施', false, '市政维护所'],
  ['drainage', '下水道堵塞', '市政设施', false, '市政维护所'], ['noise', '噪音扰民', '环境保护', false, '城管执法中队'],
  ['social-security', '社保医保', '民生服务', false, '社保所'], ['elderly-care', '养老服务', '民生服务', false, '社保所'],
  ['neighbour-dispute', '邻里纠纷', '矛盾调解', true, '综治中心'], ['other', '其他', '其他', false, '综治中心'],
];
/** Categories whose urgent demands get fewer days than the default share: [urgent, critical] working days. */
const URGENT_RULES: Record<string, [number, number]> = { elevator: [1, 1], drainage: [2, 1], 'street-light': [2, 1] };
/** A category whose department is missing goes to this one. */
const FALLBACK_DEPARTMENT = '综治中心';

/** The district's catalogue, each category with its usual department of the demo street (the units seed runs first). */
export const categorySeed: Seed = {
  async run(ctx, { places }) {
    const { db } = ctx.handle;
    const now = nowIso();
    const departments = new Map((await listUnitsOfKind(db, 'department')).map((u) => [u.name, u.id]));
    const categories: CategoryTable[] = DEFAULT_CATEGORIES.map(([code, name, group, complex, department]) => ({
      id: newId(), code, name, group_name: group, description: null, default_unit_id: departments.get(department) ?? departments.get(FALLBACK_DEPARTMENT) ?? null,
      priority: 'normal', complex: complex ? 1 : 0,
      urgent_days: URGENT_RULES[code]?.[0] ?? null, critical_days: URGENT_RULES[code]?.[1] ?? null, active: 1, place_id: places.district.id, place_path: places.district.path, version: 1, created_at: now, updated_at: now,
    }));
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('categories').values(categories).execute();
      await appendEvents(trx, SYSTEM_ACTOR, categories.map((c) => ({
        entityType: 'category', entityId: c.id, placeId: c.place_id, action: 'create', to: { code: c.code, name: c.name }, reason: 'demo data',
      })), now);
    });
  },
};
