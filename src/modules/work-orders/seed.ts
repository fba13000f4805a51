import type { AppContext } from '../../core/context.js';
import { appendEvents, SYSTEM_ACTOR, type EventActor, type NewEvent } from '../../core/events.js';
import { newId } from '../../core/ids.js';
import type { DemoContext, Seed } from '../../core/module.js';
import { mask } from '../../core/personal-data.js';
import { CHANNELS, DEMAND_TYPES, type DemandType, type Rating } from '../../../contracts/work-orders.js';
import { listActiveCategories, type CategoryTable } from '../demand-categories/index.js';
import { listPlacesAtLevel, type PlaceRow } from '../places/index.js';
import { listUnitsOfKind, type UnitTable } from '../units/index.js';
import { loadCalendar } from '../work-calendar/index.js';
import { DEMO_RESIDENT_PHONE } from '../../seed/demo-resident.js';
import { mobile, personName } from '../../seed/names.js';
import { trackingNo } from './commands/file-demand.js';
import { addWorkingDays, DEFAULT_DAYS, resolveDays, type Calendar } from './deadlines.js';
import { officeOf, type WorkOrderRow } from './queries.js';

type Random = DemoContext['random'];
const HOUR = 3600_000;

/** A year of work orders below the given compounds, with every step as an event at the time it happened. */
export async function seedOrderHistory(ctx: AppContext, r: Random, opts: {
  compounds: PlaceRow[]; categories: CategoryTable[]; units: UnitTable[]; perCompoundMonth: [number, number]; months: number; calendar: Calendar; now?: Date;
}) {
  const now = opts.now ?? new Date();
  const orders: WorkOrderRow[] = [];
  const events: NewEvent[] = [];
  const hours = (ms: number) => ms * HOUR;
  for (let m = opts.months - 1; m >= 0; m--) {
    for (const compound of opts.compounds) {
      const n = r.int(opts.perCompoundMonth[0], opts.perCompoundMonth[1]);
      for (let i = 0; i < n; i++) {
        const received = new Date(now.getTime() - m * 30 * 86400_000 - r.int(1, 29 * 24) * HOUR);
        if (received > now) continue;
        const category = r.pick(opts.categories);
        const type = r.next() < 0.15 ? 'consultation' : r.pick(DEMAND_TYPES.filter((t) => t !== 'consultation'));
        const unit = opts.units.find((u) => u.id === category.default_unit_id) ?? r.pick(opts.units);
        const phone = mobile(r);
        const o: WorkOrderRow = {
          id: newId(), tracking_no: trackingNo(received), external_no: null, channel: r.pick(CHANNELS.filter((c) => c !== 'open311')), demand_type: type,
          category_id: category.id, place_id: compound.id, place_path: compound.path, office_id: compound.path.split('/')[3]!, title: `${category.name}:${compound.name}`,
          description: `居民反映${compound.name}${category.name}问题,请尽快处理。`, address_enc: null, address_masked: null, lat: null, lng: null,
          reporter_name: personName(r), reporter_name_enc: null, confidential: 0, urgency: 0, reporter_phone_enc: ctx.cipher.encrypt(phone), reporter_phone_masked: mask('phone', phone), reporter_phone_index: ctx.cipher.blindIndex(phone),
          state: 'received', assignee_kind: null, assignee_id: null, dispatcher_id: null, filed_by: null, reopen_count: 0, supervised: 0, escalation: 0, merged_into: null,
          received_at: received.toISOString(), accept_due: addWorkingDays(received, DEFAULT_DAYS.accept, opts.calendar).toISOString(), contact_due: null,
          resolve_due: addWorkingDays(received, resolveDays(type, category), opts.calendar).toISOString(),
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

/**
 * What the building head (楼长) found in his building's mailbox and filed: one waiting for the community to accept it,
 * one the grid worker has resolved (waiting for the follow-up call), one closed and rated. None of them is in handling
 * (accepted, dispatched, taken), so the overdue scan never picks one up.
 */
const MAILBOX_DEMANDS: {
  title: string; description: string; category: string; type: DemandType; reporter: string; phone?: string; hoursAgo: number; upTo: 'received' | 'resolved' | 'closed'; result?: string;
}[] = [
  { title: '单元门禁损坏', description: '楼长信箱:单元门禁坏了三天,外来人员随意进出,住户担心安全。', category: 'property-service', type: 'help',
    reporter: '陈秀兰', hoursAgo: 2, upTo: 'received' },
  { title: '楼道灯不亮', description: '楼长信箱:五楼到七楼楼道灯不亮,老人晚上上下楼不方便。', category: 'street-light', type: 'help',
    reporter: '黄志强', phone: DEMO_RESIDENT_PHONE, hoursAgo: 30, upTo: 'resolved', result: '已更换楼道灯管三支,现已正常照明。' },
  { title: '楼道堆放杂物堵塞通道', description: '楼长信箱:一楼楼道长期堆放旧家具和纸箱,堵塞消防通道。', category: 'property-service', type: 'complaint',
    reporter: '刘芳', hoursAgo: 12 * 24, upTo: 'closed', result: '已联系物业清理杂物,并在楼道张贴消防提示。' },
];

/** The mailbox demands of the demo building head, with the history the state table would have written, each step by its taker. */
async function seedMailboxDemands(ctx: AppContext, demo: DemoContext, calendar: Calendar) {
  const head = demo.users.louzhang;
  const office = demo.users.beijiang;
  const worker = demo.users.grid1;
  if (!head || !office || !worker) return 0;
  const building = demo.places.building;
  const categories = new Map((await listActiveCategories(ctx.handle.db)).map((c) => [c.code, c]));
  const now = Date.now();
  const orders: WorkOrderRow[] = [];
  const steps: { by: EventActor; event: NewEvent }[] = [];
  for (const d of MAILBOX_DEMANDS) {
    const category = categories.get(d.category);
    if (!category) continue;
    const received = new Date(now - d.hoursAgo * HOUR);
    const at = (h: number) => new Date(received.getTime() + h * HOUR).toISOString();
    const o: WorkOrderRow = {
      id: newId(), tracking_no: trackingNo(received), external_no: null, channel: 'mailbox', demand_type: d.type, category_id: category.id,
      place_id: building.id, place_path: building.path, office_id: officeOf(building.path)!, title: d.title, description: d.description,
      address_enc: null, address_masked: null, lat: null, lng: null, reporter_name: d.reporter, reporter_name_enc: null, confidential: 0, urgency: 0,
      reporter_phone_enc: d.phone ? ctx.cipher.encrypt(d.phone) : null, reporter_phone_masked: d.phone ? mask('phone', d.phone) : null, reporter_phone_index: d.phone ? ctx.cipher.blindIndex(d.phone) : null,
      state: d.upTo, assignee_kind: null, assignee_id: null, dispatcher_id: null, filed_by: head.id, reopen_count: 0, supervised: 0, escalation: 0, merged_into: null,
      received_at: received.toISOString(), accept_due: addWorkingDays(received, DEFAULT_DAYS.accept, calendar).toISOString(), contact_due: null,
      resolve_due: addWorkingDays(received, resolveDays(d.type, category), calendar).toISOString(),
      accepted_at: null, first_contact_at: null, resolved_at: null, closed_at: null, result: null, rating: null, rating_comment: null,
      version: 1, created_at: received.toISOString(), updated_at: received.toISOString(),
    };
    const step = (by: { id: string; displayName: string }, action: string, h: number, from: Record<string, unknown>, to: Record<string, unknown>) => {
      steps.push({ by: { userId: by.id, displayName: by.displayName }, event: { entityType: 'work_order', entityId: o.id, placeId: o.place_id, action, at: at(h), from, to } });
      o.version += action === 'file' ? 0 : 1;
      o.updated_at = at(h);
    };
    step(head, 'file', 0, {}, { state: 'received', channel: o.channel, demandType: o.demand_type, categoryId: category.id, trackingNo: o.tracking_no, externalNo: null });
    if (d.upTo !== 'received') {
      const assignee = { kind: 'user' as const, id: worker.id };
      step(office, 'accept', 1, { state: 'received' }, { state: 'accepted' });
      step(office, 'dispatch', 1.5, { state: 'accepted', assignee: null }, { state: 'dispatched', assignee });
      step(worker, 'take', 3, { state: 'dispatched' }, { state: 'taken' });
      step(worker, 'resolve', 26, { state: 'taken' }, { state: 'resolved', result: d.result });
      Object.assign(o, {
        accepted_at: at(1), assignee_kind: assignee.kind, assignee_id: assignee.id, dispatcher_id: office.id,
        contact_due: addWorkingDays(new Date(at(1.5)), DEFAULT_DAYS.contact, calendar).toISOString(), first_contact_at: at(26), resolved_at: at(26), result: d.result,
      });
      if (d.upTo === 'closed') {
        step(office, 'follow_up', 30, { state: 'resolved' }, { state: 'followed_up', note: '电话回访,居民认可处理结果。' });
        step(office, 'rate', 30.5, { state: 'followed_up', assignee }, { state: 'closed', rating: 'satisfied' });
        Object.assign(o, { rating: 'satisfied', closed_at: at(30.5) });
      }
    }
    orders.push(o);
  }
  if (!orders.length) return 0;
  await ctx.handle.db.transaction().execute(async (trx) => {
    await trx.insertInto('work_orders').values(orders).execute();
    // Each step in the order it happened, under the account that took it.
    for (const s of steps.sort((a, b) => a.event.at!.localeCompare(b.event.at!))) await appendEvents(trx, s.by, [s.event]);
  });
  return orders.length;
}

/** The demo's work orders: months of history over the demo street's compounds (not in tests), and the building head's mailbox demands. */
export const workOrderSeed: Seed = {
  async run(ctx, demo) {
    const { db } = ctx.handle;
    const calendar = await loadCalendar(db);
    if (demo.historyMonths > 0) {
      const [compounds, categories, units] = await Promise.all([
        listPlacesAtLevel(db, 'compound', demo.places.street.path), listActiveCategories(db), listUnitsOfKind(db, 'department'),
      ]);
      const orders = await seedOrderHistory(ctx, demo.random, { compounds, categories, units, perCompoundMonth: [0, 1], months: demo.historyMonths, calendar });
      demo.log(`seeded ${orders} work orders over ${demo.historyMonths} months`);
    }
    demo.log(`seeded ${await seedMailboxDemands(ctx, demo, calendar)} mailbox demands of the building head`);
  },
};
