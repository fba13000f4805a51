import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentMonth } from '../../../contracts/months.js';
import { repath } from '../../core/place-paths.js';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';
import { creditPostMonths, creditSatisfiedRatings } from './points-job.js';
import { fileOne, step } from '../work-orders/test-support.js';

type Place = { id: string; path: string; name: string };
type Entry = { id: string; points: number; capped: boolean; quantity: number; itemKind: string; countersId: string | null };

describe(`points ledger (积分) on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`, () => {
  let t: TestApp;
  const as: Record<string, Client> = {};
  let beijiang: Place, shatou: Place;
  let org: string;
  let members: { id: string; name: string; place_path: string }[];
  const db = () => t.ctx.handle.db;

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['admin', 'xinan', 'beijiang', 'grid1', 'dangyuan']) as[u] = await t.as(u);
    beijiang = await placeByName(t, '北江社区');
    shatou = await placeByName(t, '沙头社区');
    org = (await db().selectFrom('party_orgs').select('id').where('place_id', '=', beijiang.id).where('kind', '=', 'community_party_committee').executeTakeFirstOrThrow()).id;
    for (const name of ['积分甲', '积分乙', '积分丙']) {
      const res = await as.beijiang!({ method: 'POST', url: '/api/party-members', payload: { name, category: 'retired', orgId: org } });
      expect(res.statusCode, res.body).toBe(201);
    }
    members = await db().selectFrom('party_members').select(['id', 'name', 'place_path']).where('name', 'like', '积分%').orderBy('name').execute();
  });
  afterAll(() => t.close());

  const rules = async (placeId = beijiang.id) => (await as.beijiang!({ url: `/api/party-points/rules?placeId=${placeId}` })).json();
  const setRules = async (items: unknown[], who = 'beijiang', placeId = beijiang.id) =>
    as[who]!({ method: 'PUT', url: '/api/party-points/rules', payload: { placeId, version: (await rules(placeId)).version, items } });
  const itemOf = async (kind: string) => (await rules()).items.find((i: { kind: string }) => i.kind === kind) as { id: string; kind: string; points: number };
  const service = (memberId: string, hours: number, date: string, who = 'beijiang') =>
    as[who]!({ method: 'POST', url: `/api/party-members/${memberId}/service`, payload: { hours, what: '楼道清理', date } });
  const ledger = async (memberId: string, year: string) => (await as.beijiang!({ url: `/api/party-members/${memberId}/points?year=${year}` })).json();
  const count = async (table: 'party_points' | 'events') => Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('a community sets its rules: offices at or above it may, a grid worker gets 404, a stale version is 409, bad items 400/422', async () => {
    const before = await rules();
    expect(before.items.map((i: { kind: string }) => i.kind)).toContain('service_hour');
    const items = [
      { kind: 'service_hour', points: 2, cap: 10, capPeriod: 'month' }, { kind: 'meeting', points: 3 }, { kind: 'post_month', points: 10 },
      { kind: 'other', name: '带头垃圾分类', points: 5, cap: 5, capPeriod: 'year' },
    ];
    // A grid worker sits below the community: its rules do not exist for them.
    expect((await setRules(items, 'grid1')).statusCode).toBe(404);
    const saved = await setRules(items);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: before.version + 1, items: [{ kind: 'service_hour', points: 2, cap: 10, capPeriod: 'month' }, { kind: 'meeting' }, { kind: 'post_month' }, { kind: 'other', name: '带头垃圾分类' }] });
    const stale = await as.beijiang!({ method: 'PUT', url: '/api/party-points/rules', payload: { placeId: beijiang.id, version: before.version, items } });
    expect(stale.statusCode).toBe(409);
    expect((await setRules([{ kind: 'other', points: 2 }])).statusCode).toBe(400);
    expect((await setRules([{ kind: 'meeting', points: 2 }, { kind: 'meeting', points: 3 }])).statusCode).toBe(400);
    const grid = await as.beijiang!({ method: 'PUT', url: '/api/party-points/rules', payload: { placeId: (await placeByName(t, '北江社区第1网格')).id, version: 0, items } });
    expect(grid.statusCode).toBe(422);
    // The street sets a community's rules too; the change is an event with the items before and after.
    const street = await setRules([...items.slice(0, 3), { ...items[3], id: (await itemOf('other')).id }], 'xinan');
    expect(street.statusCode, street.body).toBe(200);
    const events = await db().selectFrom('events').select(['action', 'actor_name']).where('entity_id', '=', beijiang.id).where('action', '=', 'set_points_rules').orderBy('id').execute();
    expect(events.slice(-2).map((e) => e.actor_name)).toEqual(['北江社区社工', '西南街道工作人员']);
  });

  it('service earns hours × points in the step’s transaction, with an event on the member; past the month’s cap it is written capped', async () => {
    const m = members[0]!;
    const first = await service(m.id, 2.5, '2025-03-05');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ itemKind: 'service_hour', quantity: 2.5, points: 5, capped: false, period: '2025-03', reason: '楼道清理', createdByName: '北江社区社工' });
    expect((await service(m.id, 3, '2025-03-20')).json()).toMatchObject({ points: 5, capped: true });
    expect((await service(m.id, 1, '2025-03-21')).json()).toMatchObject({ points: 0, capped: true });
    // Another month has its own cap.
    expect((await service(m.id, 1, '2025-04-01')).json()).toMatchObject({ points: 2, capped: false });
    expect((await service(m.id, 0.25, '2025-04-01')).statusCode).toBe(400);
    expect((await service(m.id, 1, '2025-04-01', 'grid1')).statusCode).toBe(404);
    // A grid worker sees the members of their grid but records no points: 403.
    const inGrid = await db().selectFrom('party_members').select('id').where('place_path', 'like', `${(await placeByName(t, '北江社区第1网格')).path}%`).executeTakeFirstOrThrow();
    expect((await service(inGrid.id, 1, '2025-04-01', 'grid1')).statusCode).toBe(403);
    const l = await ledger(m.id, '2025');
    expect(l).toMatchObject({ total: 12, yearTotal: 12 });
    expect(l.entries.map((e: Entry) => e.points)).toEqual([2, 0, 5, 5]);
    const events = await db().selectFrom('events').select(['action', 'to_state']).where('entity_id', '=', m.id).where('action', '=', 'record_service').execute();
    expect(events.map((e) => JSON.parse(e.to_state!).points)).toEqual([5, 5, 0, 2]);
  });

  it('a rule change never rewrites past entries', async () => {
    const m = members[1]!;
    expect((await service(m.id, 1, '2025-05-02')).json()).toMatchObject({ points: 2 });
    const r = await rules();
    const changed = await setRules(r.items.map((i: { kind: string; points: number }) => (i.kind === 'service_hour' ? { ...i, points: 4 } : i)));
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await service(m.id, 1, '2025-05-03')).json()).toMatchObject({ points: 4 });
    expect((await ledger(m.id, '2025')).entries.map((e: Entry) => e.points)).toEqual([4, 2]);
    await setRules(r.items);
  });

  it('a meeting gives each attendee the meeting item; a member outside the community is 404 and nothing is written', async () => {
    const other = await db().selectFrom('party_members').select('id').where('place_path', 'like', `${shatou.path}%`).executeTakeFirstOrThrow();
    const [entries, events] = [await count('party_points'), await count('events')];
    const refused = await as.xinan!({ method: 'POST', url: '/api/party-points/meetings', payload: { placeId: beijiang.id, title: '主题党日', date: '2025-06-10', memberIds: [members[0]!.id, other.id] } });
    expect(refused.statusCode).toBe(404);
    expect([await count('party_points'), await count('events')]).toEqual([entries, events]);
    const res = await as.beijiang!({ method: 'POST', url: '/api/party-points/meetings', payload: { placeId: beijiang.id, title: '主题党日', date: '2025-06-10', memberIds: members.map((m) => m.id) } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().entries.map((e: Entry) => [e.itemKind, e.points])).toEqual([['meeting', 3], ['meeting', 3], ['meeting', 3]]);
    expect(await count('party_points')).toBe(entries + 3);
  });

  it('a correction is a counter-entry with its reason and who made it; once per entry; never of a counter', async () => {
    const m = members[2]!;
    const entry = (await service(m.id, 2, '2025-07-01')).json() as Entry;
    expect((await as.grid1!({ method: 'POST', url: `/api/party-points/${entry.id}/counter`, payload: { reason: '登记错误' } })).statusCode).toBe(404);
    const counter = await as.beijiang!({ method: 'POST', url: `/api/party-points/${entry.id}/counter`, payload: { reason: '时长登记错误' } });
    expect(counter.statusCode, counter.body).toBe(201);
    expect(counter.json()).toMatchObject({ points: -4, quantity: -2, countersId: entry.id, reason: '时长登记错误', createdByName: '北江社区社工', period: '2025-07' });
    expect((await as.beijiang!({ method: 'POST', url: `/api/party-points/${entry.id}/counter`, payload: { reason: '再冲一次' } })).statusCode).toBe(409);
    expect((await as.beijiang!({ method: 'POST', url: `/api/party-points/${counter.json().id}/counter`, payload: { reason: '冲正的冲正' } })).statusCode).toBe(422);
    expect((await as.beijiang!({ method: 'POST', url: `/api/party-points/${entry.id}/counter`, payload: { reason: '' } })).statusCode).toBe(400);
    const l = await ledger(m.id, '2025');
    expect(l.entries.find((e: Entry & { countered: boolean }) => e.id === entry.id).countered).toBe(true);
    expect(l.total).toBe(3);
    const event = await db().selectFrom('events').select(['reason', 'actor_name']).where('entity_id', '=', m.id).where('action', '=', 'counter_points').executeTakeFirstOrThrow();
    expect(event).toEqual({ reason: '时长登记错误', actor_name: '北江社区社工' });
  });

  it('the database refuses to update or delete an entry, as the app and as the owner; a move re-paths entries', async () => {
    const entry = await db().selectFrom('party_points').select(['id', 'place_path', 'points']).where('member_id', '=', members[0]!.id).orderBy('id').executeTakeFirstOrThrow();
    for (const conn of [db(), t.owner]) {
      await expect(sql`update party_points set points = 999 where id = ${entry.id}`.execute(conn)).rejects.toThrow(/history|permission denied/);
      await expect(sql`update party_points set reason = 'forged'`.execute(conn)).rejects.toThrow(/history|permission denied/);
      await expect(sql`delete from party_points where id = ${entry.id}`.execute(conn)).rejects.toThrow(/history|permission denied/);
      if (t.ctx.handle.dialect === 'postgres') await expect(sql`truncate party_points`.execute(conn)).rejects.toThrow(/history|permission denied/);
      else await expect(sql`insert or replace into party_points select * from party_points where id = ${entry.id}`.execute(conn)).rejects.toThrow(/history/);
    }
    expect((await db().selectFrom('party_points').select('points').where('id', '=', entry.id).executeTakeFirstOrThrow()).points).toBe(entry.points);
    // The move's re-path is the one change allowed (and undone here, also by a re-path).
    await db().transaction().execute((trx) => repath(trx, beijiang.path, `${beijiang.path}x/`));
    expect((await db().selectFrom('party_points').select('place_path').where('id', '=', entry.id).executeTakeFirstOrThrow()).place_path).toBe(entry.place_path.replace(beijiang.path, `${beijiang.path}x/`));
    await db().transaction().execute((trx) => repath(trx, `${beijiang.path}x/`, beijiang.path));
  });

  it('the ranking of a community for a year, a half and a month, with an org filter; another community’s staff get 404', async () => {
    const [a, b, c] = members as [typeof members[0], typeof members[0], typeof members[0]];
    // So far in 2025: a 12 + 3 = 15, b 2 + 4 + 3 = 9, c 4 - 4 + 3 = 3.
    const rank = async (period: string, of: string, extra = '') =>
      (await as.beijiang!({ url: `/api/party-points/ranking?placeId=${beijiang.id}&period=${period}&of=${of}${extra}` })).json();
    const year = await rank('year', '2025');
    expect(year.items.map((i: { name: string; points: number; rank: number }) => [i.rank, i.name, i.points])).toEqual([[1, a.name, 15], [2, b.name, 9], [3, c.name, 3]]);
    expect(year).toMatchObject({ from: '2025-01', to: '2025-12', total: 3 });
    expect((await rank('half', '2025-H1')).items.map((i: { points: number }) => i.points)).toEqual([15, 9, 3]);
    expect((await rank('half', '2025-H2')).items.map((i: { name: string; points: number }) => [i.name, i.points])).toEqual([[c.name, 0]]);
    expect((await rank('month', '2025-03')).items.map((i: { name: string; points: number }) => [i.name, i.points])).toEqual([[a.name, 10]]);
    expect((await rank('year', '2025', `&orgId=${org}`)).items).toHaveLength(3);
    const branch = await db().selectFrom('party_orgs').select('id').where('kind', '=', 'compound_branch').where('place_path', 'like', `${beijiang.path}%`).executeTakeFirstOrThrow();
    expect((await rank('year', '2025', `&orgId=${branch.id}`)).items).toEqual([]);
    expect((await as.beijiang!({ url: `/api/party-points/ranking?placeId=${beijiang.id}&period=month&of=2025` })).statusCode).toBe(422);
    expect((await as.beijiang!({ url: `/api/party-points/ranking?placeId=${shatou.id}&period=year&of=2025` })).statusCode).toBe(404);
    // A grid worker reads the ranking of what lies in their grid only: these members hang on the community itself.
    expect((await (await t.as('grid1'))({ url: `/api/party-points/ranking?placeId=${beijiang.id}&period=year&of=2025` })).statusCode).toBe(404);
  });

  it('the ranking exports as a ledger with the phone masked, and the export is logged', async () => {
    await db().updateTable('party_members').set({ phone_masked: '138****0001' }).where('id', '=', members[0]!.id).execute();
    const res = await as.beijiang!({ url: `/api/party-points/ranking.xlsx?placeId=${beijiang.id}&period=year&month=2025-03` });
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows.some((r) => r.includes(members[0]!.name) && r.includes('138****0001') && r.includes(15))).toBe(true);
    const ledgers = (await as.beijiang!({ url: '/api/ledgers' })).json();
    expect(JSON.stringify(ledgers)).toContain('party-points-ranking');
  });

  it('totals always equal the sum of the ledger, and replaying the events gives the same figures', async () => {
    // A mix of writes on top of the above: awards, more service past the cap, a meeting, a correction.
    const other = await itemOf('other');
    for (const m of members) {
      expect((await as.beijiang!({ method: 'POST', url: `/api/party-members/${m.id}/award`, payload: { itemId: other.id, reason: '带头垃圾分类', date: '2025-08-01' } })).statusCode).toBe(201);
      await service(m.id, 4, '2025-08-03');
      await service(m.id, 4, '2025-08-04');
    }
    const meeting = (await as.beijiang!({ method: 'POST', url: '/api/party-points/meetings', payload: { placeId: beijiang.id, title: '党员大会', date: '2025-08-09', memberIds: [members[0]!.id] } })).json();
    await as.beijiang!({ method: 'POST', url: `/api/party-points/${meeting.entries[0].id}/counter`, payload: { reason: '未到会' } });
    for (const m of members) {
      const sum = Number((await db().selectFrom('party_points').select((eb) => eb.fn.sum<number>('points').as('n')).where('member_id', '=', m.id).executeTakeFirstOrThrow()).n);
      const events = await db().selectFrom('events').select('to_state').where('entity_type', '=', 'party_member').where('entity_id', '=', m.id)
        .where('action', 'in', ['record_service', 'attend_meeting', 'hold_post', 'award_points', 'counter_points']).execute();
      const replayed = events.reduce((s, e) => s + (JSON.parse(e.to_state!).points as number), 0);
      const l = await ledger(m.id, '2025');
      expect([l.total, l.yearTotal, replayed]).toEqual([sum, sum, sum]);
      expect(l.entries.reduce((s: number, e: Entry) => s + e.points, 0)).toBe(sum);
      const ranked = (await as.beijiang!({ url: `/api/party-points/ranking?placeId=${beijiang.id}&period=year&of=2025` })).json().items.find((i: { memberId: string }) => i.memberId === m.id);
      expect(ranked.points).toBe(sum);
    }
    // The other item's yearly cap of 5 holds.
    expect((await as.beijiang!({ method: 'POST', url: `/api/party-members/${members[0]!.id}/award`, payload: { itemId: other.id, reason: '再次', date: '2025-09-01' } })).json()).toMatchObject({ points: 0, capped: true });
  });

  it('the monthly job credits each post holder once: a second run writes nothing', async () => {
    const month = currentMonth();
    const holders = await db().selectFrom('party_claims').innerJoin('party_members as m', 'm.id', 'party_claims.member_id').select('m.id')
      .where('party_claims.state', '=', 'holding').where('m.place_path', 'like', `${beijiang.path}%`).execute();
    expect(holders.length).toBeGreaterThan(0);
    const events = await count('events');
    const written = await creditPostMonths(t.ctx, month);
    expect(written).toBeGreaterThanOrEqual(holders.length);
    const credits = await db().selectFrom('party_points').select(['member_id', 'points', 'item_kind', 'source_key']).where('source_key', 'like', `post_month:%:${month}`).execute();
    expect(credits).toHaveLength(written);
    expect(credits.filter((c) => holders.some((h) => h.id === c.member_id)).every((c) => c.points === 10 && c.item_kind === 'post_month')).toBe(true);
    expect(await count('events')).toBe(events + written);
    expect(await creditPostMonths(t.ctx, month)).toBe(0);
    expect(await db().selectFrom('party_points').select('id').where('source_key', 'like', `post_month:%:${month}`).execute()).toHaveLength(written);
  });

  it('a member who handled a work order the resident rated satisfied gets the rating item once; other ratings give nothing', async () => {
    // grid1 is also a party member here: their account is linked to 积分乙's record, and the community's rules rate it.
    const grid1Id = (await db().selectFrom('users').select('id').where('username', '=', 'grid1').executeTakeFirstOrThrow()).id;
    await db().insertInto('party_member_accounts').values({ user_id: grid1Id, member_id: members[1]!.id, created_at: new Date().toISOString() }).execute();
    const current = (await rules()).items;
    expect((await setRules([...current, { kind: 'rating', points: 3, cap: 30, capPeriod: 'year' }])).statusCode).toBe(200);
    const handled = async (rating: string) => {
      const order = await fileOne(as.grid1!, t);
      await step(as.beijiang!, order.id, 'accept');
      await step(as.beijiang!, order.id, 'dispatch', { assignee: { kind: 'user', id: grid1Id } });
      await step(as.grid1!, order.id, 'take');
      await step(as.grid1!, order.id, 'resolve', { result: '已更换灯泡' });
      const rated = await step(as.beijiang!, order.id, 'rate', { rating });
      expect(rated.statusCode, rated.body).toBe(200);
      return rated.json() as { id: string; trackingNo: string };
    };
    const good = await handled('satisfied');
    const meh = await handled('basically_satisfied');
    const written = await creditSatisfiedRatings(t.ctx);
    expect(written).toBeGreaterThanOrEqual(1);
    const entries = await db().selectFrom('party_points').select(['member_id', 'points', 'item_kind', 'reason']).where('source_key', 'in', [`rating:${good.id}`, `rating:${meh.id}`]).execute();
    expect(entries).toEqual([{ member_id: members[1]!.id, points: 3, item_kind: 'rating', reason: good.trackingNo }]);
    // (The demo's own satisfied orders grid1 held since last month are credited too, each once.)
    const event = await db().selectFrom('events').select(['action', 'reason']).where('entity_id', '=', members[1]!.id).where('action', '=', 'rated_satisfied')
      .where('reason', 'in', [good.trackingNo, meh.trackingNo]).execute();
    expect(event).toEqual([{ action: 'rated_satisfied', reason: good.trackingNo }]);
    expect(await creditSatisfiedRatings(t.ctx)).toBe(0);
    await db().deleteFrom('party_member_accounts').where('user_id', '=', grid1Id).execute();
  });

  it('a party member signed in reads their own ledger; without a linked record it is 404', async () => {
    const mine = await as.dangyuan!({ url: `/api/party-points/mine?year=${currentMonth().slice(0, 4)}` });
    expect(mine.statusCode, mine.body).toBe(200);
    const link = await db().selectFrom('party_member_accounts').innerJoin('users', 'users.id', 'party_member_accounts.user_id')
      .select('party_member_accounts.member_id as member_id').where('users.username', '=', 'dangyuan').executeTakeFirstOrThrow();
    expect(mine.json().member.id).toBe(link.member_id);
    expect(mine.json().total).toBe(Number((await db().selectFrom('party_points').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('points'), eb.lit(0)).as('n'))
      .where('member_id', '=', link.member_id).executeTakeFirstOrThrow()).n));
    expect((await as.beijiang!({ url: '/api/party-points/mine' })).statusCode).toBe(404);
    // Staff-only reads stay closed to the member.
    expect((await as.dangyuan!({ url: `/api/party-points/ranking?placeId=${beijiang.id}&period=year&of=2025` })).statusCode).toBe(404);
  });
});
