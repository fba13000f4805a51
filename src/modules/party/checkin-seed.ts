import type { AppContext } from '../../core/context.js';
import { appendEvents, SYSTEM_ACTOR, type NewEvent } from '../../core/events.js';
import { newId, nowIso } from '../../core/ids.js';
import type { DemoContext } from '../../core/module.js';
import { mobile, personName } from '../../seed/names.js';
import { createRandom } from '../../seed/random.js';
import { currentDay } from '../../../contracts/months.js';
import type { PartyCheckinKind } from '../../../contracts/party-checkins.js';
import { personalColumns } from '../residents/index.js';
import type { PartyCheckinTable } from './checkin-tables.js';
import type { PartyMemberTable } from './tables.js';

const DECLINES = ['所填居住社区有误,请重新选择', '未在本社区居住,请向居住地社区报到'];

/**
 * A year of 双报到 for the demo street: two more in-service members per community (one a cadre sent down), every in-service
 * member confirmed last year and, this year, in turn confirmed, confirmed as a sent-down cadre, waiting to be confirmed,
 * declined and checked in again, declined, checked in after the deadline, or not at all (the missing list). The demo
 * account `zaizhi` is linked to 北江社区's in-service member employed by 三水区人民医院 (the `gongjian` contact's unit), with
 * last year's check-in only, so that they check in this year on the phone. Its own random numbers, so other seeds' data
 * stay as they were.
 */
export async function seedCheckins(ctx: AppContext, demo: DemoContext, members: PartyMemberTable[]) {
  const { db } = ctx.handle;
  const random = createRandom(20261203);
  const now = nowIso();
  const today = currentDay();
  const year = Number(today.slice(0, 4));
  const inService = members.filter((m) => m.category === 'in_service_member' && m.place_path.startsWith(demo.places.street.path));
  const extra: PartyMemberTable[] = [];
  for (const path of [...new Set(inService.map((m) => m.place_path))]) {
    const first = inService.filter((m) => m.place_path === path);
    for (const m of first.slice(0, 2)) {
      extra.push({ ...m, id: newId(), name: personName(random), ...personalColumns(ctx.cipher, mobile(random), undefined), created_at: now, updated_at: now });
    }
  }
  const hospital = await db.selectFrom('units').select('id').where('name', '=', '三水区人民医院').executeTakeFirst();
  const own = inService.find((m) => m.place_path === demo.places.community.path && m.unit_id === hospital?.id);
  const rows: PartyCheckinTable[] = [];
  const events: NewEvent[] = [];
  const at = (day: string, hour = 9) => `${new Date(Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00.000+08:00`)).toISOString()}`;
  const upToToday = (day: string) => (day > today ? today : day);
  const checkin = (m: PartyMemberTable, y: number, day: string, kind: PartyCheckinKind, outcome: 'confirmed' | 'declined' | 'submitted') => {
    const d = upToToday(day);
    const decided = outcome === 'submitted' ? null : upToToday(`${y}-${day.slice(5, 7)}-${String(Math.min(28, Number(day.slice(8, 10)) + 3)).padStart(2, '0')}`);
    const reason = outcome === 'declined' ? random.pick(DECLINES) : null;
    const row: PartyCheckinTable = { id: newId(), member_id: m.id, place_id: m.place_id, place_path: m.place_path, unit_id: m.unit_id, kind, year: String(y),
      note: null, state: outcome, decline_reason: reason, decided_at: decided && at(decided, 15), version: outcome === 'submitted' ? 1 : 2,
      created_at: at(d), updated_at: at(decided ?? d, decided ? 15 : 9) };
    rows.push(row);
    events.push({ entityType: 'party_checkin', entityId: row.id, placeId: row.place_id, action: 'check_in', at: row.created_at, reason: 'demo data',
      to: { state: 'submitted', memberId: m.id, kind, year: row.year } });
    if (decided) events.push({ entityType: 'party_checkin', entityId: row.id, placeId: row.place_id, action: outcome === 'declined' ? 'decline' : 'confirm',
      at: row.decided_at!, from: { state: 'submitted' }, to: { state: outcome }, reason: reason ?? 'demo data' });
  };
  const day = (y: number, from: number, to: number) => `${y}-${String(random.int(from, to)).padStart(2, '0')}-${String(random.int(1, 25)).padStart(2, '0')}`;
  for (const [i, m] of [...inService, ...extra].entries()) {
    const kind: PartyCheckinKind = i % 7 === 1 ? 'sent_down_cadre' : 'in_service_member';
    checkin(m, year - 1, day(year - 1, 2, 5), kind, 'confirmed');
    if (m === own) continue;
    switch (i % 7) {
      case 0: case 1: checkin(m, year, day(year, 1, 5), kind, 'confirmed'); break;
      case 2: checkin(m, year, day(year, 5, 6), kind, 'submitted'); break;
      case 3: checkin(m, year, day(year, 2, 3), kind, 'declined'); checkin(m, year, day(year, 4, 5), kind, 'confirmed'); break;
      case 4: checkin(m, year, day(year, 2, 5), kind, 'declined'); break;
      case 5: checkin(m, year, day(year, 8, 10), kind, 'confirmed'); break;
      default: break;
    }
  }
  const account = demo.users.zaizhi;
  await db.transaction().execute(async (trx) => {
    if (extra.length) await trx.insertInto('party_members').values(extra).execute();
    for (let i = 0; i < rows.length; i += 200) await trx.insertInto('party_checkins').values(rows.slice(i, i + 200)).execute();
    if (account && own) await trx.insertInto('party_member_accounts').values({ user_id: account.id, member_id: own.id, created_at: now }).execute();
    await appendEvents(trx, SYSTEM_ACTOR, [
      ...extra.map((m) => ({ entityType: 'party_member', entityId: m.id, placeId: m.place_id, action: 'create',
        to: { state: 'active', name: m.name, category: m.category, orgId: m.org_id, unitId: m.unit_id, phone: m.phone_masked }, reason: 'demo data' })),
      ...events,
    ], now);
  });
}
