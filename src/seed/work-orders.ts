import type { AppContext } from '../core/context.js';
import { appendEvents, SYSTEM_ACTOR, type NewEvent } from '../core/events.js';
import { newId, nowIso } from '../core/ids.js';
import { mask } from '../core/personal-data.js';
import type { PlaceRow } from '../modules/places/queries.js';
import { addWorkingDays, DEFAULT_DAYS, resolveDays, type Calendar } from '../modules/work-orders/deadlines.js';
import { trackingNo } from '../modules/work-orders/commands/file-demand.js';
import type { WorkOrderRow } from '../modules/work-orders/queries.js';
import { CHANNELS, DEMAND_TYPES, type Rating } from '../../contracts/work-orders.js';
import type { CategoryTable } from '../modules/demand-categories/index.js';
import type { UnitTable } from '../modules/units/index.js';
import { mobile, personName } from './names.js';
import type { Random } from './random.js';

/** The default catalogue, as 12345 platforms group it: [code, name, group, complex]. */
export const DEFAULT_CATEGORIES: [string, string, string, boolean][] = [
  ['sanitation', '垃圾清运', '市容环境', false], ['street-vending', '占道经营', '市容环境', false], ['illegal-building', '违章搭建', '市容环境', true],
  ['elevator', '电梯故障', '物业管理', false], ['parking', '小区停车', '物业管理', false], ['property-service', '物业服务', '物业管理', false],
  ['street-light', '路灯损坏', '市政设施', false], ['road-damage', '道路破损', '市政设施', false], ['drainage', '下水道堵塞', '市政设施', false],
  ['noise', '噪音扰民', '环境保护', false], ['social-security', '社保医保', '民生服务', false], ['elderly-care', '养老服务', '民生服务', false],
  ['neighbour-dispute', '邻里纠纷', '矛盾调解', true], ['other', '其他', '其他', false],
];
const DEPARTMENTS = ['城管执法中队', '住建办', '市政维护所', '供电所', '社保所', '综治中心'];
const PARTNER_UNITS = ['三水区人民医院', '西南中学', '三水供电局党支部'];
/** Each category's usual department (index into DEPARTMENTS). */
const DEFAULT_DEPT: Record<string, number> = { sanitation: 0, 'street-vending': 0, 'illegal-building': 0, elevator: 1, parking: 1, 'property-service': 1,
  'street-light': 3, 'road-damage': 2, drainage: 2, noise: 0, 'social-security': 4, 'elderly-care': 4, 'neighbour-dispute': 5, other: 5 };

export async function seedCatalogue(ctx: AppContext, district: PlaceRow, street: PlaceRow, community: PlaceRow) {
  const { db } = ctx.handle;
  const now = nowIso();
  const unit = (name: string, kind: UnitTable['kind'], at: PlaceRow): UnitTable =>
    ({ id: newId(), kind, name, place_id: at.id, place_path: at.path, version: 1, created_at: now, updated_at: now });
  const departments = DEPARTMENTS.map((n) => unit(n, 'department', street));
  const partners = PARTNER_UNITS.map((n) => unit(n, 'partner_unit', community));
  const categories: CategoryTable[] = DEFAULT_CATEGORIES.map(([code, name, group, complex]) => ({
    id: newId(), code, name, group_name: group, description: null, default_unit_id: departments[DEFAULT_DEPT[code] ?? 5]!.id, priority: 'normal',
    complex: complex ? 1 : 0, active: 1, place_id: district.id, place_path: district.path, version: 1, created_at: now, updated_at: now,
  }));
  // Fixed-date public holidays only; the district admin adds the lunar ones and make-up days each year.
  const holidays = [['2026-10-01', '国庆节'], ['2026-10-02', '国庆节'], ['2026-10-03', '国庆节'], ['2026-10-04', '国庆节'], ['2026-10-05', '国庆节'],
    ['2026-10-06', '国庆节'], ['2026-10-07', '国庆节'], ['2027-01-01', '元旦']].map(([day, name]) => ({ day: day!, name: name!, workday: 0 }));
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('units').values([...departments, ...partners]).execute();
    await trx.insertInto('categories').values(categories).execute();
    await trx.insertInto('holidays').values(holidays).execute();
    await appendEvents(trx, SYSTEM_ACTOR, [
      ...[...departments, ...partners].map((u) => ({ entityType: 'unit', entityId: u.id, placeId: u.place_id, action: 'create', to: { name: u.name, kind: u.kind }, reason: 'demo data' })),
      ...categories.map((c) => ({ entityType: 'category', entityId: c.id, placeId: c.place_id, action: 'create', to: { code: c.code, name: c.name }, reason: 'demo data' })),
    ], now);
  });
  return { departments, partners, categories };
}

/** A year of work orders below the given compounds, with every step as an event at the time it happened. */
export async function seedOrderHistory(ctx: AppContext, r: Random, opts: {
  compounds: PlaceRow[]; categories: CategoryTable[]; units: UnitTable[]; perCompoundMonth: [number, number]; months: number; calendar: Calendar; now?: Date;
}) {
  const now = opts.now ?? new Date();
  const orders: WorkOrderRow[] = [];
  const events: NewEvent[] = [];
  const hours = (ms: number) => ms * 3600_000;
  for (let m = opts.months - 1; m >= 0; m--) {
    for (const compound of opts.compounds) {
      const n = r.int(opts.perCompoundMonth[0], opts.perCompoundMonth[1]);
      for (let i = 0; i < n; i++) {
        const received = new Date(now.getTime() - m * 30 * 86400_000 - r.int(1, 29 * 24) * 3600_000);
        if (received > now) continue;
        const category = r.pick(opts.categories);
        const type = r.next() < 0.15 ? 'consultation' : r.pick(DEMAND_TYPES.filter((t) => t !== 'consultation'));
        const unit = opts.units.find((u) => u.id === category.default_unit_id) ?? r.pick(opts.units);
        const phone = mobile(r);
        const o: WorkOrderRow = {
          id: newId(), tracking_no: trackingNo(received), external_no: null, channel: r.pick(CHANNELS.filter((c) => c !== 'open311')), demand_type: type,
          category_id: category.id, place_id: compound.id, place_path: compound.path, office_id: compound.path.split('/')[3]!, title: `${category.name}:${compound.name}`,
          description: `居民反映${compound.name}${category.name}问题,请尽快处理。`, address_enc: null, address_masked: null, lat: null, lng: null,
          reporter_name: personName(r), reporter_phone_enc: ctx.cipher.encrypt(phone), reporter_phone_masked: mask('phone', phone), reporter_phone_index: ctx.cipher.blindIndex(phone),
          state: 'received', assignee_kind: null, assignee_id: null, dispatcher_id: null, filed_by: null, reopen_count: 0, supervised: 0, escalation: 0, merged_into: null,
          received_at: received.toISOString(), accept_due: addWorkingDays(received, DEFAULT_DAYS.accept, opts.calendar).toISOString(), contact_due: null,
          resolve_due: addWorkingDays(received, resolveDays(type, Boolean(category.complex)), opts.calendar).toISOString(),
          accepted_at: null, first_contact_at: null, resolved_at: null, closed_at: null, result: null, rating: null, rating_comment: null,
          version: 1, created_at: received.toISOString(), updated_at: received.toISOString(),
        };
        const ev = (action: string, at: Date, from: string, to: string, extra: Record<string, unknown> = {}) =>
          at <= now && events.push({ entityType: 'work_order', entityId: o.id, placeId: o.place_id, action, at: at.toISOString(), from: { state: from }, to: { state: to, ...extra } });
        ev('file', received, 'received', 'received');
        o.state = 'received';
        const accepted = new Date(received.getTime() + hours(r.next() < 0.9 ? r.int(1, 20) : r.int(30, 60)));
        if (accepted > now) { orders.push(o); continue; }
        o.accepted_at = accepted.toISOString();
        ev('accept', accepted, 'received', 'accepted');
        o.state = 'accepted';
        const dispatched = new Date(accepted.getTime() + hours(1));
        o.assignee_kind = 'unit';
        o.assignee_id = unit.id;
        o.contact_due = addWorkingDays(dispatched, DEFAULT_DAYS.contact, opts.calendar).toISOString();
        ev('dispatch', dispatched, 'accepted', 'dispatched', { assignee: { kind: 'unit', id: unit.id } });
        ev('take', new Date(dispatched.getTime() + hours(2)), 'dispatched', 'taken');
        o.state = 'taken';
        const due = new Date(o.resolve_due!).getTime();
        const resolved = new Date(r.next() < 0.85 ? received.getTime() + (due - received.getTime()) * r.next() : due + hours(r.int(2, 72)));
        if (resolved > now) { orders.push(o); continue; }
        o.resolved_at = o.first_contact_at = resolved.toISOString();
        o.result = '已现场处理完毕';
        ev('resolve', resolved, 'taken', 'resolved');
        o.state = 'resolved';
        const rated = new Date(resolved.getTime() + hours(r.int(4, 48)));
        if (rated > now) { orders.push(o); continue; }
        const x = r.next();
        const rating: Rating = x < 0.72 ? 'satisfied' : x < 0.92 ? 'basically_satisfied' : 'not_satisfied';
        o.rating = rating;
        o.state = 'closed';
        o.closed_at = rated.toISOString();
        ev('rate', rated, 'resolved', 'closed', { rating });
        orders.push(o);
      }
    }
  }
  const { db } = ctx.handle;
  for (let i = 0; i < orders.length; i += 500) {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('work_orders').values(orders.slice(i, i + 500)).execute();
      const ids = new Set(orders.slice(i, i + 500).map((o) => o.id));
      await appendEvents(trx, SYSTEM_ACTOR, events.filter((e) => ids.has(e.entityId)));
    });
  }
  return orders.length;
}
