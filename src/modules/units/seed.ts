import type { Seed } from '../../core/module.js';
import { appendEvents, SYSTEM_ACTOR } from '../../core/events.js';
import { newId, nowIso } from '../../core/ids.js';
import type { UnitTable } from './tables.js';

/** The street's departments that work orders are dispatched to, and the community's partner units. */
export const DEMO_DEPARTMENTS = ['城管执法中队', '住建办', '市政维护所', '供电所', '社保所', '综治中心'];
export const DEMO_PARTNER_UNITS = ['三水区人民医院', '西南中学', '三水供电局党支部'];

/** Runs before the demo accounts: the partner contacts are linked to these units. */
export const unitSeed: Seed = {
  beforeAccounts: true,
  async run(ctx, { places }) {
    const now = nowIso();
    const unit = (name: string, kind: UnitTable['kind'], at: { id: string; path: string }): UnitTable =>
      ({ id: newId(), kind, name, place_id: at.id, place_path: at.path, version: 1, created_at: now, updated_at: now });
    const units = [...DEMO_DEPARTMENTS.map((n) => unit(n, 'department', places.street)), ...DEMO_PARTNER_UNITS.map((n) => unit(n, 'partner_unit', places.community))];
    await ctx.handle.db.transaction().execute(async (trx) => {
      await trx.insertInto('units').values(units).execute();
      await appendEvents(trx, SYSTEM_ACTOR, units.map((u) => ({
        entityType: 'unit', entityId: u.id, placeId: u.place_id, action: 'create', to: { name: u.name, kind: u.kind }, reason: 'demo data',
      })), now);
    });
  },
};
