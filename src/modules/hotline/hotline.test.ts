import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, multipartFile, type Client, type TestApp } from '../../test/harness.js';
import { demoKey, places } from '../open311/test-support.js';
import { trackingNumbers } from '../work-orders/test-support.js';
import { HOTLINE_COLUMNS } from './layout.js';

/** Three days ago at 09:30 China time, as the platform writes it, and the same instant in UTC. */
const chinaDay = (daysAgo: number) => new Date(Date.now() + 8 * 3600_000 - daysAgo * 86400_000).toISOString().slice(0, 10);
const RECEIVED = `${chinaDay(3)} 09:30:00`;
const RECEIVED_ISO = new Date(`${chinaDay(3)}T09:30:00+08:00`).toISOString();

describe('12345 hotline intake', () => {
  let t: TestApp;
  let key: string;
  let street: Client;
  let community: Client;
  let where: Awaited<ReturnType<typeof places>>;
  const push = (body: Record<string, unknown>, apiKey: string | null = key) =>
    t.app.inject({ method: 'POST', url: '/api/hotline/orders', payload: body, headers: apiKey ? { 'x-api-key': apiKey } : {} });
  const order = (no: string, extra: Record<string, unknown> = {}) => ({
    externalNo: no, receivedAt: RECEIVED, demandType: '投诉', category: 'noise', community: where.community.code, compound: where.compound.name,
    title: '夜间施工噪音', description: '小区旁工地每晚十一点后仍在施工', reporterName: '陈国强', reporterPhone: '13700001111', address: '健康路88号', ...extra,
  });
  const snapshot = async () => {
    const db = t.ctx.handle.db;
    const [orders, events] = await Promise.all([
      db.selectFrom('work_orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      db.selectFrom('events').select((eb) => eb.fn.max('id').as('max')).executeTakeFirstOrThrow(),
    ]);
    return { orders: Number(orders.n), lastEvent: Number(events.max) };
  };
  const sheet = async (rows: (string | number)[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('工单');
    ws.addRow(HOTLINE_COLUMNS.map((c) => c.header));
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const row = (no: string, over: Partial<Record<(typeof HOTLINE_COLUMNS)[number]['key'], string>> = {}) => {
    const o = { ...order(no), community: '北江社区', category: '噪音扰民', ...over } as Record<string, string>;
    return HOTLINE_COLUMNS.map((c) => o[c.key] ?? '');
  };

  beforeAll(async () => {
    t = await createTestApp();
    key = await demoKey(t);
    where = await places(t);
    [street, community] = await Promise.all([t.as('xinan'), t.as('beijiang')]);
  });
  afterAll(() => t.close());

  it('files a pushed order once: the same number again answers the filed order and writes nothing', async () => {
    const first = await push(order('SS12345-0001'));
    expect(first.statusCode, first.body).toBe(201);
    const body = first.json();
    expect(body.duplicate).toBe(false);
    expect(body.order).toMatchObject({ channel: 'hotline_12345', externalNo: 'SS12345-0001', demandType: 'complaint', placeId: where.compound.id, state: 'received', reporterPhoneMasked: '137****1111' });
    expect(body.order.receivedAt).toBe(RECEIVED_ISO);
    const before = await snapshot();
    const again = await push(order('SS12345-0001', { title: '改了标题' }));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ duplicate: true, order: { id: body.order.id, title: '夜间施工噪音' } });
    expect(await snapshot()).toEqual(before);
    const timeline = (await community({ url: `/api/timeline/work_order/${body.order.id}` })).json().items;
    expect(timeline).toEqual([expect.objectContaining({ action: 'file', actorName: 'API key: 演示接口密钥 (12345 / Open311)' })]);
  });

  it('refuses a push without a valid key, and answers 404 outside the key’s area, writing nothing', async () => {
    const before = await snapshot();
    expect((await push(order('SS12345-0002'), null)).statusCode).toBe(401);
    expect((await push(order('SS12345-0002'), 'wrong')).json().code).toBe('invalid_api_key');
    const outside = await push(order('SS12345-0002', { community: where.outside.code, compound: undefined }));
    expect(outside.statusCode).toBe(404);
    expect(outside.json().code).toBe('not_found');
    const badType = await push(order('SS12345-0002', { demandType: '催办' }));
    expect(badType.statusCode).toBe(400);
    expect(badType.json()).toMatchObject({ field: 'demandType', message: { zh: expect.stringContaining('咨询、求助') } });
    expect((await push(order('SS12345-0002', { category: 'no-such' }))).json()).toMatchObject({ code: 'unknown_category', field: 'category' });
    expect(await snapshot()).toEqual(before);
    const onCommunity = await push(order('SS12345-0003', { compound: '不存在的小区', demandType: 'help' }));
    expect(onCommunity.json().order).toMatchObject({ placeId: where.community.id, demandType: 'help' });
  });

  it('imports a sheet only when every row is right, reporting each bad row with its field', async () => {
    const bad = await sheet([row('SS12345-0101'), row('SS12345-0102', { reporterPhone: '12345' }), row('SS12345-0103', { community: '沙头社区', compound: '' }), row('SS12345-0104', { receivedAt: '明天' })]);
    const before = await snapshot();
    const res = await street({ method: 'POST', url: '/api/hotline/import', ...multipartFile(bad, '12345.xlsx') });
    expect(res.statusCode, res.body).toBe(422);
    const body = res.json();
    expect(body).toMatchObject({ code: 'import_rejected', field: 'file', message: { zh: '有 2 行数据有误,未导入任何数据' } });
    expect(body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([[3, 'reporterPhone'], [5, 'receivedAt']]);
    expect(body.errors[1].message).toMatchObject({ zh: expect.stringContaining('来电时间'), en: expect.any(String) });
    expect(await snapshot()).toEqual(before);
    const outside = await sheet([row('SS12345-0105', { community: where.outside.name, compound: '' })]);
    const refused = (await street({ method: 'POST', url: '/api/hotline/import', ...multipartFile(outside, '12345.xlsx') })).json();
    expect(refused.errors).toEqual([{ row: 2, column: 'E', field: 'community', message: expect.objectContaining({ en: 'No such place in the area this caller files for' }) }]);
  });

  it('imports a good sheet in one go, skipping order numbers already filed', async () => {
    const good = await sheet([row('SS12345-0001'), row('SS12345-0201'), row('SS12345-0202', { demandType: '咨询', compound: '' }), row('SS12345-0201')]);
    const res = await street({ method: 'POST', url: '/api/hotline/import', ...multipartFile(good, '12345.xlsx') });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2, duplicates: 2 });
    const rows = await t.ctx.handle.db.selectFrom('work_orders').selectAll().where('external_no', 'in', ['SS12345-0201', 'SS12345-0202']).orderBy('external_no').execute();
    expect(rows.map((r) => [r.channel, r.place_id, r.demand_type])).toEqual([['hotline_12345', where.compound.id, 'complaint'], ['hotline_12345', where.community.id, 'consultation']]);
    const json = await street({ method: 'POST', url: '/api/hotline/import', payload: [order('SS12345-0301'), order('SS12345-0202')] });
    expect(json.json()).toEqual({ created: 1, duplicates: 1 });
  });

  it('refuses a pushed or imported order received more than the configured days back or ahead of the clock, naming the bound', async () => {
    const before = await snapshot();
    const old = await push(order('SS12345-0501', { receivedAt: '2019-06-01 09:30:00' }));
    expect(old.statusCode).toBe(422);
    expect(old.json()).toMatchObject({ code: 'received_too_old', field: 'receivedAt', message: { zh: expect.stringContaining('来电时间最早只能是30天前'), en: expect.stringContaining('30 days') } });
    const ahead = await push(order('SS12345-0502', { receivedAt: '2099-01-01 09:30:00' }));
    expect(ahead.json()).toMatchObject({ code: 'received_in_future', field: 'receivedAt' });
    const soon = new Date(Date.now() + 10 * 60_000).toISOString();
    expect((await push(order('SS12345-0503', { receivedAt: soon }))).statusCode).toBe(422);
    const file = await sheet([row('SS12345-0511'), row('SS12345-0512', { receivedAt: '2019-06-01 09:30' }), row('SS12345-0513', { receivedAt: '2099-12-01' })]);
    const res = await street({ method: 'POST', url: '/api/hotline/import', ...multipartFile(file, '12345.xlsx') });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors.map((e: { row: number; column: string; field: string }) => [e.row, e.column, e.field])).toEqual([[3, 'B', 'receivedAt'], [4, 'B', 'receivedAt']]);
    expect(res.json().errors[0].message.zh).toContain(chinaDay(30));
    expect(await snapshot()).toEqual(before);
    const late = await push(order('SS12345-0504', { receivedAt: `${chinaDay(30)} 00:00:00` }));
    expect(late.statusCode, late.body).toBe(201);
  });

  it('draws another tracking number when one drawn inside an import is taken, by an earlier order or by a row of the same batch', async () => {
    const taken = (await push(order('SS12345-0601'))).json().order.trackingNo as string;
    const draw = trackingNumbers.next;
    const drawn: string[] = [];
    // Draws 1 and 3 hand out the pushed order's number; draws 4 and 5 the same fresh number, so the batch collides with itself.
    const twin = `${taken.slice(0, 9)}0000TWIN`;
    trackingNumbers.next = (at) => {
      const n = drawn.length + 1;
      const no = n === 1 || n === 3 ? taken : n === 4 || n === 5 ? twin : draw(at);
      drawn.push(no);
      return no;
    };
    try {
      const rows = [row('SS12345-0611'), row('SS12345-0612'), row('SS12345-0613')];
      const res = await street({ method: 'POST', url: '/api/hotline/import', ...multipartFile(await sheet(rows), '12345.xlsx') });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ created: 3, duplicates: 0 });
      expect(drawn.length).toBe(6);
    } finally {
      trackingNumbers.next = draw;
    }
    const filed = await t.ctx.handle.db.selectFrom('work_orders').select(['external_no', 'tracking_no']).where('external_no', 'in', ['SS12345-0611', 'SS12345-0612', 'SS12345-0613']).execute();
    const numbers = filed.map((f) => f.tracking_no);
    expect(numbers).toHaveLength(3);
    expect(new Set([...numbers, taken]).size).toBe(4);
    expect(numbers).toContain(twin);
    const files = await t.ctx.handle.db.selectFrom('events').select('entity_id').where('action', '=', 'file').where('to_state', 'like', '%SS12345-061%').execute();
    expect(files).toHaveLength(3);
  });

  it('lets only street and district staff import, and answers 404 for a place outside the caller', async () => {
    const file = await sheet([row('SS12345-0401')]);
    expect((await community({ method: 'POST', url: '/api/hotline/import', ...multipartFile(file, '12345.xlsx') })).statusCode).toBe(403);
    const outside = await community({ method: 'POST', url: `/api/hotline/import?placeId=${where.outside.id}`, ...multipartFile(file, '12345.xlsx') });
    expect(outside.statusCode).toBe(404);
    expect((await street({ method: 'POST', url: '/api/hotline/import', ...multipartFile(Buffer.from('not a workbook'), '12345.xlsx') })).json().code).toBe('bad_file');
  });

  it('answers 409 duplicate to staff entering a 12345 demand whose order number is filed, writing nothing', async () => {
    const first = await push(order('SS12345-0501'));
    expect(first.statusCode).toBe(201);
    const before = await snapshot();
    const { compound } = where;
    const category = await t.ctx.handle.db.selectFrom('categories').select('id').where('code', '=', 'noise').executeTakeFirstOrThrow();
    const res = await street({ method: 'POST', url: '/api/work-orders', payload: {
      channel: 'hotline_12345', externalNo: 'SS12345-0501', demandType: 'complaint', categoryId: category.id, placeId: compound.id, title: '夜间施工噪音', description: '同一张工单又录了一次',
    } });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toEqual({ code: 'duplicate', field: 'externalNo', message: { zh: '该 12345 工单编号已登记过', en: 'A demand with this 12345 order number is already filed' } });
    expect(await snapshot()).toEqual(before);
    // Two people entering the same new order at once: one files it, the other gets 409.
    const entry = { channel: 'hotline_12345', externalNo: 'SS12345-0502', demandType: 'complaint', categoryId: category.id, placeId: compound.id, title: '夜间施工噪音', description: '两人同时录入' };
    const [a, b] = await Promise.all([street({ method: 'POST', url: '/api/work-orders', payload: entry }), street({ method: 'POST', url: '/api/work-orders', payload: entry })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect((a.statusCode === 409 ? a : b).json().code).toBe('duplicate');
    expect((await snapshot()).orders).toBe(before.orders + 1);
  });

  it('refuses control characters in the orders of a JSON file by row and field, writing nothing (PostgreSQL answered 500)', async () => {
    // A sheet cannot carry them: ExcelJS leaves them out when writing, and the XML reader refuses the file (422 bad_file).
    const before = await snapshot();
    const json = Buffer.from(JSON.stringify([order('SS12345-0601'), order('SS12345-06\u000002'), order('SS12345-0603', { title: '噪音\u0007' })]));
    const fromJson = await street({ method: 'POST', url: '/api/hotline/import', ...multipartFile(json, '12345.json') });
    expect(fromJson.statusCode, fromJson.body).toBe(422);
    expect(fromJson.json().errors).toEqual([
      { row: 2, field: 'externalNo', message: { zh: '不能包含控制字符(如 U+0000)', en: 'must not contain control characters (such as U+0000)' } },
      { row: 3, field: 'title', message: { zh: '不能包含控制字符(如 U+0000)', en: 'must not contain control characters (such as U+0000)' } },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('exports the empty template with the import’s headers', async () => {
    const res = await street({ url: '/api/hotline/template.xlsx' });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as string[]).slice(1)).toEqual(HOTLINE_COLUMNS.map((c) => c.header));
    expect(ws.rowCount).toBe(1);
  });
});
