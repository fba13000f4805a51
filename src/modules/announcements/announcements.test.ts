import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConformance, type KnownCaller } from '../../core/lifecycle/conformance.js';
import { newId } from '../../core/ids.js';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';
import { asResident } from '../resident-h5/test-support.js';
import { announcementLifecycle } from './lifecycle.js';
import { announcementsModule } from './manifest.js';

type Place = { id: string; path: string; name: string };

describe('announcements (通知公告)', () => {
  let t: TestApp;
  const as: Record<string, Client> = {};
  const places: Record<'street' | 'beijiang' | 'shatou' | 'grid1' | 'grid2', Place> = {} as never;
  const db = () => t.ctx.handle.db;

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['admin', 'xinan', 'beijiang', 'grid1', 'grid2', 'louzhang', 'jumin']) as[u] = await t.as(u);
    places.street = await placeByName(t, '西南街道');
    places.beijiang = await placeByName(t, '北江社区');
    places.shatou = await placeByName(t, '沙头社区');
    places.grid1 = await placeByName(t, '北江社区第1网格');
    places.grid2 = await placeByName(t, '北江社区第2网格');
    // A second worker of 北江社区's office, to race the first.
    const made = await as.beijiang!({ method: 'POST', url: '/api/users', payload: {
      username: 'beijiang2', displayName: '北江社区社工二', password: 'OneGrid!2026', roles: [{ role: 'community_worker', placeId: places.beijiang.id }] } });
    expect(made.statusCode, made.body).toBe(201);
    as.beijiang2 = await t.as('beijiang2');
  });
  afterAll(() => t.close());

  const write = async (who: string, placeId: string, title = '北江社区停电通知') => {
    const res = await as[who]!({ method: 'POST', url: '/api/announcements', payload: { title, body: '周六上午检修线路,停电半天。', placeId } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; state: string; version: number; actions: string[] };
  };
  const version = async (id: string) => (await db().selectFrom('announcements').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
  const stepAs = async (who: string, id: string, action: string, body: Record<string, unknown> = {}) =>
    as[who]!({ method: 'POST', url: `/api/announcements/${id}/${action}`, payload: { version: await version(id), ...body } });
  const published = async (who: string, placeId: string, title?: string) => {
    const a = await write(who, placeId, title);
    expect((await stepAs(who, a.id, 'publish')).statusCode).toBe(200);
    return a.id;
  };
  const snapshot = async (id: string) => Promise.all([
    db().selectFrom('announcements').selectAll().where('id', '=', id).executeTakeFirst(),
    db().selectFrom('events').select(['id', 'action']).where('entity_id', '=', id).orderBy('id').execute(),
    db().selectFrom('announcement_reads').selectAll().where('announcement_id', '=', id).orderBy('reader_key').execute(),
  ]);

  it('a community worker writes a draft only its office sees, edits, publishes and withdraws it, each step an event', async () => {
    const draft = await write('beijiang', places.beijiang.id);
    expect(draft).toMatchObject({ state: 'draft', version: 1, actions: ['edit', 'publish'] });
    for (const who of ['xinan', 'admin', 'grid1']) expect((await as[who]!({ url: `/api/announcements/${draft.id}` })).statusCode, who).toBe(404);
    expect((await as.beijiang2!({ url: `/api/announcements/${draft.id}` })).statusCode).toBe(200);
    const edited = await stepAs('beijiang', draft.id, 'edit', { title: '北江社区计划停电通知' });
    expect(edited.json()).toMatchObject({ title: '北江社区计划停电通知', state: 'draft', version: 2 });
    const pub = await stepAs('beijiang', draft.id, 'publish');
    expect(pub.json()).toMatchObject({ state: 'published', version: 3, publishedAt: expect.any(String), actions: ['withdraw'] });
    expect((await as.grid1!({ url: `/api/announcements/${draft.id}` })).json()).toMatchObject({ placeName: '北江社区', officeName: '北江社区', actions: [] });
    expect((await as.xinan!({ url: `/api/announcements/${draft.id}` })).json().actions).toEqual(['withdraw']);
    const gone = await stepAs('beijiang', draft.id, 'withdraw', { reason: '时间有变' });
    expect(gone.json()).toMatchObject({ state: 'withdrawn', withdrawnAt: expect.any(String), actions: [] });
    const [, events] = await snapshot(draft.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'edit', 'publish', 'withdraw']);
  });

  it('answers 409 to a step the state does not allow and writes nothing', async () => {
    const id = await published('beijiang', places.beijiang.id);
    for (const [action, body] of [['publish', {}], ['edit', { title: '改一下标题' }]] as const) {
      const before = await snapshot(id);
      const res = await stepAs('beijiang', id, action, body);
      expect(res.statusCode, action).toBe(409);
      expect(res.json()).toMatchObject({ code: 'illegal_transition', message: { zh: expect.any(String), en: expect.any(String) } });
      expect(await snapshot(id)).toEqual(before);
    }
  });

  it('is 404 outside the subtree and 403 inside it without the role, writing nothing', async () => {
    const shatou = await published('xinan', places.shatou.id, '沙头社区通知');
    const before = await snapshot(shatou);
    expect((await as.beijiang!({ url: `/api/announcements/${shatou}` })).statusCode).toBe(404);
    expect((await stepAs('beijiang', shatou, 'withdraw', { reason: '越权撤回' })).statusCode).toBe(404);
    expect((await as.beijiang!({ method: 'POST', url: '/api/announcements', payload: { title: '越权通知', body: 'x', placeId: places.shatou.id } })).statusCode).toBe(404);
    const street = await published('xinan', places.street.id, '街道通知');
    const mine = await published('beijiang', places.beijiang.id);
    // In the audience, but neither its office nor above it: may read, may not withdraw.
    expect((await stepAs('beijiang', street, 'withdraw', { reason: '不该撤回' })).statusCode).toBe(403);
    expect((await stepAs('grid1', mine, 'withdraw', { reason: '不该撤回' })).statusCode).toBe(403);
    expect((await as.grid1!({ method: 'POST', url: '/api/announcements', payload: { title: '网格通知', body: 'x', placeId: places.grid1.id } })).statusCode).toBe(403);
    expect(await snapshot(shatou)).toEqual(before);
    expect((await snapshot(street))[0]!.state).toBe('published');
  });

  it('lets one of two publishers racing on a draft win; the other gets 409', async () => {
    const draft = await write('beijiang', places.beijiang.id);
    const v = await version(draft.id);
    const race = await Promise.all(['beijiang', 'beijiang2'].map((who) => as[who]!({ method: 'POST', url: `/api/announcements/${draft.id}/publish`, payload: { version: v } })));
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await snapshot(draft.id))[1].map((e) => e.action)).toEqual(['create', 'publish']);
  });

  it('conforms to its state table (409 outside it, 403/404 outside who, one winner of four)', async () => {
    const office = await db().selectFrom('users').select('id').where('username', '=', 'beijiang').executeTakeFirstOrThrow();
    const make = async (state: string) => {
      const id = newId();
      const now = new Date().toISOString();
      await db().insertInto('announcements').values({ id, title: '检修通知', body: '检修', place_id: places.beijiang.id, place_path: places.beijiang.path,
        office_id: places.beijiang.id, office_path: places.beijiang.path, state: state as 'draft', author_id: office.id,
        published_at: state === 'draft' ? null : now, withdrawn_at: null, version: 1, created_at: now, updated_at: now }).execute();
      return id;
    };
    const caller = (name: string, holds: string[]): KnownCaller => ({ name, client: as[name]!, holds });
    const failures = await checkConformance({
      def: announcementLifecycle, make,
      callers: [caller('beijiang', ['office', 'community_worker']), caller('xinan', ['street_staff']), caller('admin', ['district_admin']),
        caller('grid1', []), caller('louzhang', []), caller('jumin', [])],
      request: async (id, action, v) => ({ method: 'POST', url: `/api/announcements/${id}/${action}`, payload: { version: v, ...(action === 'withdraw' ? { reason: '撤回' } : {}) } }),
      version,
      snapshot,
    });
    expect(failures).toEqual([]);
  }, 120_000);

  it('shows a notice to its audience: the place and everything under it, published only; the office above sees its subtree', async () => {
    const street = await published('xinan', places.street.id, '全街道通知');
    const community = await published('beijiang', places.beijiang.id, '北江社区通知');
    const draft = await write('beijiang', places.beijiang.id, '北江社区草稿');
    const shatou = await published('xinan', places.shatou.id, '沙头社区专门通知');
    const ids = async (who: string, query = '') => {
      const res = await as[who]!({ url: `/api/announcements?limit=100${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { id: string }[]).map((a) => a.id);
    };
    expect(await ids('grid1')).toEqual(expect.arrayContaining([street, community]));
    expect(await ids('grid1')).not.toContain(shatou);
    expect(await ids('grid1')).not.toContain(draft.id);
    expect(await ids('beijiang')).toEqual(expect.arrayContaining([street, community, draft.id]));
    expect(await ids('beijiang')).not.toContain(shatou);
    expect(await ids('xinan')).toEqual(expect.arrayContaining([street, community, shatou]));
    expect(await ids('xinan')).not.toContain(draft.id);
    expect(await ids('grid1', `&placeId=${places.grid1.id}`)).toEqual([]);
    const page = (await as.grid1!({ url: '/api/announcements?limit=1' })).json();
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe((await ids('grid1')).length);
    expect((await stepAs('beijiang', community, 'withdraw', { reason: '已过期' })).statusCode).toBe(200);
    expect((await as.grid1!({ url: `/api/announcements/${community}` })).statusCode).toBe(404);
    expect((await as.beijiang!({ url: `/api/announcements/${community}` })).statusCode).toBe(200);
  });

  it('counts read receipts per compound: households, households with a read, readers; each reader once', async () => {
    const id = await published('beijiang', places.beijiang.id, '回执测试通知');
    // c1 holds the building head's building; c2 is another compound of the grid.
    const head = (await db().selectFrom('users').select('place_path').where('username', '=', 'louzhang').executeTakeFirstOrThrow()).place_path;
    const compounds = await db().selectFrom('places').selectAll().where('level', '=', 'compound').where('path', 'like', `${places.grid1.path}%`).orderBy('path').execute();
    const c1 = compounds.find((c) => head.startsWith(c.path))!;
    const c2 = compounds.find((c) => c !== c1)!;
    const households = async (c: Place) => db().selectFrom('places').select(['id', 'path']).where('level', '=', 'household').where('path', 'like', `${c.path}%`).orderBy('path').execute();
    const [h1] = await households(c1);
    const [h2] = await households(c2);
    const residents = new Map<string, Client>();
    const read = async (phone: string, placeId: string) => {
      if (!residents.has(phone)) residents.set(phone, await asResident(t, phone));
      const res = await residents.get(phone)!({ method: 'POST', url: `/api/h5/announcements/${id}/read`, payload: { placeId } });
      expect(res.statusCode, res.body).toBe(200);
    };
    await read('13700000001', h1!.id);
    await read('13700000001', h1!.id);
    await read('13700000002', h1!.id);
    await read('13700000003', c1.id);
    await read('13700000004', h2!.id);
    for (const who of ['grid1', 'louzhang']) expect((await as[who]!({ method: 'POST', url: `/api/announcements/${id}/read` })).statusCode, who).toBe(200);
    const receipts = (await as.beijiang!({ url: `/api/announcements/${id}/receipts?limit=500` })).json();
    const row = (c: Place) => receipts.items.find((r: { compoundId: string }) => r.compoundId === c.id);
    expect(row(c1)).toMatchObject({ name: c1.name, community: '北江社区', households: (await households(c1)).length, householdsRead: 1, readers: 4 });
    expect(row(c2)).toMatchObject({ households: (await households(c2)).length, householdsRead: 1, readers: 1 });
    const all = await db().selectFrom('places').select((eb) => eb.fn.countAll<number>().as('n')).where('level', '=', 'compound').where('path', 'like', `${places.beijiang.path}%`).executeTakeFirstOrThrow();
    expect(receipts.total).toBe(Number(all.n));
    expect(receipts.totals).toMatchObject({ householdsRead: 2, readers: 6 });
    // A grid worker of the other grid sees the receipts of their own compounds only.
    const other = (await as.grid2!({ url: `/api/announcements/${id}/receipts?limit=500` })).json();
    expect(other.items.some((r: { compoundId: string }) => r.compoundId === c1.id)).toBe(false);
    expect(other.items.every((r: { readers: number }) => r.readers === 0)).toBe(true);
    const draft = await write('beijiang', places.beijiang.id);
    expect((await as.beijiang!({ url: `/api/announcements/${draft.id}/receipts` })).statusCode).toBe(409);
    expect((await as.beijiang!({ method: 'POST', url: `/api/announcements/${draft.id}/read` })).statusCode).toBe(409);
  });

  it('gives a resident the published notices of the compound they chose, marks them read, and nothing of elsewhere', async () => {
    const street = await published('xinan', places.street.id, '街道致居民的一封信');
    const shatou = await published('xinan', places.shatou.id, '沙头社区居民通知');
    const compound = await db().selectFrom('places').selectAll().where('level', '=', 'compound').where('path', 'like', `${places.grid1.path}%`).executeTakeFirstOrThrow();
    const resident = await asResident(t, '13700000009');
    const list = async () => (await resident({ url: `/api/h5/announcements?placeId=${compound.id}&limit=50` })).json();
    const mine = await list();
    expect(mine.items.map((a: { id: string }) => a.id)).toContain(street);
    expect(mine.items.map((a: { id: string }) => a.id)).not.toContain(shatou);
    expect(mine.items.find((a: { id: string }) => a.id === street)).toMatchObject({ title: '街道致居民的一封信', placeName: '西南街道', readAt: null });
    expect(mine.total).toBe(mine.items.length);
    expect((await resident({ method: 'POST', url: `/api/h5/announcements/${street}/read`, payload: { placeId: compound.id } })).statusCode).toBe(200);
    expect((await list()).items.find((a: { id: string }) => a.id === street).readAt).toEqual(expect.any(String));
    expect((await resident({ method: 'POST', url: `/api/h5/announcements/${shatou}/read`, payload: { placeId: compound.id } })).statusCode).toBe(404);
    expect((await resident({ url: `/api/h5/announcements?placeId=${places.beijiang.id}` })).statusCode).toBe(422);
    expect((await t.app.inject({ url: `/api/h5/announcements?placeId=${compound.id}` })).statusCode).toBe(401);
  });

  it('exports the ledger of a place: Chinese headers and file name, read counts, no drafts', async () => {
    const id = await published('beijiang', places.beijiang.id, '台账测试通知');
    await write('beijiang', places.beijiang.id, '台账里没有的草稿');
    await as.grid1!({ method: 'POST', url: `/api/announcements/${id}/read` });
    const res = await as.beijiang!({ url: `/api/announcements.xlsx?placeId=${places.beijiang.id}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(decodeURIComponent(res.headers['content-disposition'] as string)).toContain("UTF-8''北江社区_通知公告台账.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['标题', '发布范围', '状态', '发布时间', '撤回时间', '覆盖户数', '已读户数', '已读人数']);
    const rows = sheet.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    expect(rows.find((r) => r[0] === '台账测试通知')).toEqual(['台账测试通知', '北江社区', '已发布', expect.any(Date), undefined, expect.any(Number), 0, 1]);
    expect(rows.some((r) => r[0] === '台账里没有的草稿')).toBe(false);
    expect((await as.grid1!({ url: `/api/announcements.xlsx?placeId=${places.grid1.id}` })).statusCode).toBe(403);
    expect((await as.beijiang!({ url: `/api/announcements.xlsx?placeId=${places.shatou.id}` })).statusCode).toBe(404);
  });

  it('lays the ledger out like every ledger of the kit: its declared headers, filtered and frozen, listed on the ledgers page', async () => {
    const { ANNOUNCEMENTS_LEDGER } = await import('./ledger.js');
    const res = await as.beijiang!({ url: `/api/announcements.xlsx?placeId=${places.beijiang.id}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('filename="announcements.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('通知公告');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(ANNOUNCEMENTS_LEDGER.columns.map((c) => c.header));
    expect(sheet.autoFilter).toBe('A1:H1');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const ledgers = (await as.beijiang!({ url: '/api/ledgers' })).json().items as { key: string; title: unknown; href: string }[];
    expect(ledgers.find((l) => l.key === ANNOUNCEMENTS_LEDGER.key)).toMatchObject({ title: ANNOUNCEMENTS_LEDGER.title, href: '/api/announcements.xlsx?placeId={placeId}' });
  });

  it('offers the dashboard the notices published in a place and period', async () => {
    const figure = announcementsModule.figures![0]!;
    const from = new Date(Date.now() - 3600_000).toISOString();
    const to = new Date(Date.now() + 3600_000).toISOString();
    const count = (p: Place) => figure.query(db(), p.path, { from, to });
    const before = await count(places.grid2);
    await published('beijiang', places.grid2.id, '第2网格通知');
    expect(await count(places.grid2)).toBe(before! + 1);
    expect(await count(places.street)).toBeGreaterThan(await count(places.beijiang) as number);
  });
});
