import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, multipartFile, type Client, type TestApp } from '../../test/harness.js';
import { addWorkingDays, loadCalendar } from '../work-calendar/index.js';
import { step } from '../work-orders/test-support.js';

const chinaDay = (daysAgo: number) => new Date(Date.now() + 8 * 3600_000 - daysAgo * 86400_000).toISOString().slice(0, 10);
const RECEIVED = `${chinaDay(2)} 10:15`;

/** The headers of a city platform's export: none is our template's except where noted, and 居民诉求正文 is no synonym at all. */
const HEADERS = ['序号', '工单号', '受理时间', '诉求性质', '一级分类', '二级分类', '三级分类', '居民诉求正文', '联系人', '来电号码', '事发地址', '所属社区', '紧急程度', '是否保密', '承办意见'];
type Row = Partial<Record<(typeof HEADERS)[number], string>>;
const line = (no: string, over: Row = {}): Row => ({
  序号: '1', 工单号: no, 受理时间: RECEIVED, 诉求性质: '投诉', 一级分类: '城乡建设', 二级分类: '环境保护', 三级分类: '噪音扰民',
  居民诉求正文: '楼下酒吧每晚唱歌到凌晨两点', 联系人: '王秀英', 来电号码: '13922223333', 事发地址: '健康路12号', 所属社区: '北江社区', 紧急程度: '一般', 是否保密: '否', 承办意见: '请社区核实', ...over,
});

/** An export as the platform writes it: a title row, then the header row, then the orders. */
async function platformExport(rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工单明细');
  ws.addRow(['市12345政务服务便民热线工单明细表(导出时间 2026-12-01)']);
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(HEADERS.map((h) => r[h] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The import dialog's form: the source and mapping fields before the file. */
const form = (file: Buffer, fields: Record<string, string> = {}) => multipartFile(file, 'export.xlsx', fields);

type Column = { column: string; header: string; field: string | null; matched: string | null };

describe('12345 exports as the platform emits them', () => {
  let t: TestApp;
  let street: Client;
  let community: Client;
  const snapshot = async () => {
    const db = t.ctx.handle.db;
    const [orders, events, sources] = await Promise.all([
      db.selectFrom('work_orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      db.selectFrom('events').select((eb) => eb.fn.max('id').as('max')).executeTakeFirstOrThrow(),
      db.selectFrom('hotline_sources').selectAll().execute(),
    ]);
    return { orders: Number(orders.n), lastEvent: Number(events.max), sources };
  };
  const orderOf = (externalNo: string) => t.ctx.handle.db.selectFrom('work_orders').selectAll().where('external_no', '=', externalNo).executeTakeFirstOrThrow();
  const corrected = (columns: Column[]) => JSON.stringify(columns.map((c) => ({ header: c.header, field: c.header === '居民诉求正文' ? 'description' : c.field })));

  beforeAll(async () => {
    t = await createTestApp();
    [street, community] = await Promise.all([t.as('xinan'), t.as('beijiang')]);
  });
  afterAll(() => t.close());

  it('proposes a mapping by header synonyms, refuses an incomplete one, imports with the corrected one and remembers it for the source', async () => {
    const file = await platformExport([line('BJ-0001', { 紧急程度: '特急' }),
      line('BJ-0002', { 紧急程度: '紧急', 是否保密: '是', 居民诉求正文: '楼下酒吧每晚唱歌到凌晨两点,回电13800001111' }), line('BJ-0003')]);
    expect((await street({ url: '/api/hotline/sources' })).json()).toEqual({ items: [] });
    const preview = await street({ method: 'POST', url: '/api/hotline/import/preview', ...form(file, { source: '市12345平台' }) });
    expect(preview.statusCode, preview.body).toBe(200);
    const proposed = preview.json();
    const fieldOf = Object.fromEntries((proposed.columns as Column[]).map((c) => [c.header, [c.column, c.field, c.matched]]));
    expect(fieldOf).toMatchObject({
      序号: ['A', null, null], 工单号: ['B', 'externalNo', 'synonym'], 受理时间: ['C', 'receivedAt', 'synonym'], 诉求性质: ['D', 'demandType', 'synonym'],
      一级分类: ['E', 'category', 'synonym'], 三级分类: ['G', 'category', 'synonym'], 居民诉求正文: ['H', null, null], 联系人: ['I', 'reporterName', 'synonym'],
      来电号码: ['J', 'reporterPhone', 'synonym'], 事发地址: ['K', 'address', 'synonym'], 紧急程度: ['M', 'urgency', 'synonym'], 是否保密: ['N', 'confidential', 'synonym'],
    });
    expect(proposed).toMatchObject({ remembered: null, missing: ['description'], total: 3 });
    expect(proposed.preview[0]).toEqual({ row: 3, values: expect.objectContaining({ externalNo: 'BJ-0001', reporterPhone: '139****3333', category: '城乡建设 / 环境保护 / 噪音扰民' }) });
    // Cell by cell too, for the dialog to show what each column holds; a number inside a text is masked as well.
    expect(proposed.samples).toHaveLength(3);
    expect(proposed.samples[0]).toEqual({ row: 3, cells: expect.objectContaining({ B: 'BJ-0001', H: '楼下酒吧每晚唱歌到凌晨两点', J: '139****3333', M: '特急' }) });
    expect(proposed.samples[1].cells.H).toBe('楼下酒吧每晚唱歌到凌晨两点,回电138****1111');
    expect(JSON.stringify(proposed)).not.toMatch(/13800001111|13922223333/);

    const before = await snapshot();
    const incomplete = await street({ method: 'POST', url: '/api/hotline/import', ...form(file, { source: '市12345平台' }) });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json()).toMatchObject({ code: 'mapping_incomplete', field: 'mapping', message: { zh: '以下字段尚未对应到表格的列:诉求内容' } });
    expect(await snapshot()).toEqual(before);

    const res = await street({ method: 'POST', url: '/api/hotline/import', ...form(file, { source: '市12345平台', mapping: corrected(proposed.columns) }) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 3, duplicates: 0 });
    const first = await orderOf('BJ-0001');
    expect(first).toMatchObject({ title: '楼下酒吧每晚唱歌到凌晨两点', description: '楼下酒吧每晚唱歌到凌晨两点', demand_type: 'complaint', urgency: 2, confidential: 0, reporter_name: '王秀英' });
    const noise = await t.ctx.handle.db.selectFrom('categories').select('id').where('code', '=', 'noise').executeTakeFirstOrThrow();
    expect(first.category_id).toBe(noise.id);
    const sources = (await snapshot()).sources;
    expect(sources).toEqual([expect.objectContaining({ name: '市12345平台', headers: JSON.stringify(HEADERS) })]);
    const events = await t.ctx.handle.db.selectFrom('events').select(['action', 'to_state']).where('entity_type', '=', 'hotline_source').execute();
    expect(events).toEqual([{ action: 'map', to_state: expect.stringContaining('"mapped":13') }]);
    // The dialog offers the remembered sources by name; a community worker is outside the street's import scope.
    expect((await street({ url: '/api/hotline/sources' })).json()).toEqual({ items: [{ id: sources[0]!.id, name: '市12345平台', columns: 15, mapped: 13, updatedAt: expect.any(String) }] });
    expect((await community({ url: '/api/hotline/sources' })).statusCode).toBe(403);
  });

  it('applies the remembered mapping to the next file with the same headers without asking, and still refuses a bad row by its own column', async () => {
    const good = await platformExport([line('BJ-0101'), line('BJ-0102', { 三级分类: '', 二级分类: '噪音扰民' })]);
    const preview = (await street({ method: 'POST', url: '/api/hotline/import/preview', ...form(good, { source: '市12345平台' }) })).json();
    expect(preview).toMatchObject({ remembered: '市12345平台', missing: [] });
    expect((preview.columns as Column[]).find((c) => c.header === '居民诉求正文')).toEqual({ column: 'H', header: '居民诉求正文', field: 'description', matched: 'remembered' });

    const bad = await platformExport([line('BJ-0201'), line('BJ-0202', { 来电号码: '12345', 紧急程度: '十万火急' }), line('BJ-0203', { 是否保密: '也许' })]);
    const before = await snapshot();
    const refused = await street({ method: 'POST', url: '/api/hotline/import', ...form(bad, { source: '市12345平台' }) });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().errors.map((e: { row: number; column: string; field: string }) => [e.row, e.column, e.field])).toEqual([
      [4, 'J', 'reporterPhone'], [4, 'M', 'urgency'], [5, 'N', 'confidential'],
    ]);
    expect(refused.json().errors[1].message.zh).toBe('紧急程度应为:一般、紧急、特急');
    expect(await snapshot()).toEqual(before);

    const res = await street({ method: 'POST', url: '/api/hotline/import', ...form(good, { source: '市12345平台' }) });
    expect(res.json()).toEqual({ created: 2, duplicates: 0 });
    // The mapping was the remembered one: nothing new to remember.
    expect((await snapshot()).sources).toEqual(before.sources);
  });

  it('gives urgent orders shorter deadlines (half the working days, a quarter when 特急) and puts them first in the inbox only', async () => {
    const calendar = await loadCalendar(t.ctx.handle.db);
    const received = new Date(`${chinaDay(2)}T10:15:00+08:00`);
    const due = async (no: string) => (await orderOf(no)).resolve_due;
    expect(await due('BJ-0003')).toBe(addWorkingDays(received, 7, calendar).toISOString());
    expect(await due('BJ-0002')).toBe(addWorkingDays(received, 4, calendar).toISOString());
    expect(await due('BJ-0001')).toBe(addWorkingDays(received, 2, calendar).toISOString());

    const inbox = (await community({ url: '/api/work-orders?mine=true&limit=200' })).json();
    const numbers = (inbox.items as { externalNo: string | null; urgency: string }[]).map((o) => o.externalNo);
    expect(numbers.slice(0, 2)).toEqual(['BJ-0001', 'BJ-0002']);
    expect(inbox.items[0].urgency).toBe('critical');
    const table = (await community({ url: '/api/work-orders?limit=200' })).json().items as { externalNo: string | null; receivedAt: string }[];
    const times = table.map((o) => o.receivedAt);
    expect(times).toEqual([...times].sort().reverse());

    // Graded urgent at acceptance, an ordinary order's deadline shortens too, and the event says so.
    const plain = await orderOf('BJ-0003');
    const accepted = await step(community, plain.id, 'accept', { urgency: 'urgent' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(await due('BJ-0003')).toBe(addWorkingDays(received, 4, calendar).toISOString());
    expect((await community({ url: `/api/work-orders/${plain.id}` })).json().order).toMatchObject({ urgency: 'urgent' });
  });

  it('hides a confidential reporter from the units and workers it goes to; only the office reveals, with a reason, audited', async () => {
    const order = await orderOf('BJ-0002');
    // The name is not stored in clear, so no list, export or search can carry it.
    expect(order).toMatchObject({ confidential: 1, reporter_name: null });
    expect(order.reporter_name_enc).toBeTruthy();
    const [grid1, chengguan] = await Promise.all([t.as('grid1'), t.as('chengguan')]);
    const unit = (await t.ctx.handle.db.selectFrom('users').select('unit_id').where('username', '=', 'chengguan').executeTakeFirstOrThrow()).unit_id!;
    expect((await step(community, order.id, 'accept')).statusCode).toBe(200);
    expect((await step(community, order.id, 'dispatch', { assignee: { kind: 'unit', id: unit } })).statusCode).toBe(200);
    const taken = await step(chengguan, order.id, 'take');
    expect(taken.statusCode, taken.body).toBe(200);

    for (const who of [chengguan, community, street]) {
      const detail = (await who({ url: `/api/work-orders/${order.id}` })).json();
      expect(detail.order).toMatchObject({ confidential: true, reporterName: null, reporterPhoneMasked: null });
      const listed = (await who({ url: '/api/work-orders?limit=200' })).json().items.find((o: { id: string }) => o.id === order.id);
      expect(listed).toMatchObject({ confidential: true, reporterName: null, reporterPhoneMasked: null });
      const timeline = (await who({ url: `/api/timeline/work_order/${order.id}` })).body;
      expect(timeline).not.toContain('王秀英');
      expect(timeline).not.toContain('3333');
    }
    const before = await snapshot();
    for (const field of ['name', 'phone']) {
      const refused = await chengguan({ method: 'POST', url: `/api/work-orders/${order.id}/reveal`, payload: { field, reason: '联系居民核实' } });
      expect(refused.statusCode).toBe(403);
    }
    expect(await snapshot()).toEqual(before);

    const name = await community({ method: 'POST', url: `/api/work-orders/${order.id}/reveal`, payload: { field: 'name', reason: '回访核实诉求' } });
    expect(name.statusCode, name.body).toBe(200);
    expect(name.json()).toEqual({ field: 'name', value: '王秀英' });
    expect((await community({ method: 'POST', url: `/api/work-orders/${order.id}/reveal`, payload: { field: 'phone', reason: '回访核实诉求' } })).json().value).toBe('13922223333');
    const reveals = await t.ctx.handle.db.selectFrom('events').select(['to_state', 'reason']).where('entity_id', '=', order.id).where('action', '=', 'reveal').orderBy('id').execute();
    expect(reveals).toEqual([{ to_state: JSON.stringify({ field: 'name' }), reason: '回访核实诉求' }, { to_state: JSON.stringify({ field: 'phone' }), reason: '回访核实诉求' }]);

    // Marked confidential at acceptance: a grid worker it is dispatched to sees 保密 and cannot reveal, though the taker of an ordinary order may.
    const filed = (await grid1({ method: 'POST', url: '/api/work-orders', payload: {
      channel: 'grid_patrol', demandType: 'help', categoryId: order.category_id, placeId: (await t.ctx.handle.db.selectFrom('places').select('id').where('name', '=', '北江社区第1网格').executeTakeFirstOrThrow()).id,
      title: '楼道堆物', description: '3楼楼道堆满杂物', reporterName: '赵敏', reporterPhone: '13800001234',
    } })).json();
    expect((await step(community, filed.id, 'accept', { confidential: true })).statusCode).toBe(200);
    const stored = await t.ctx.handle.db.selectFrom('work_orders').selectAll().where('id', '=', filed.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ confidential: 1, reporter_name: null });
    const grid1Id = (await t.ctx.handle.db.selectFrom('users').select('id').where('username', '=', 'grid1').executeTakeFirstOrThrow()).id;
    expect((await step(community, filed.id, 'dispatch', { assignee: { kind: 'user', id: grid1Id } })).statusCode).toBe(200);
    expect((await grid1({ url: `/api/work-orders/${filed.id}` })).json().order).toMatchObject({ confidential: true, reporterName: null, reporterPhoneMasked: null });
    expect((await grid1({ method: 'POST', url: `/api/work-orders/${filed.id}/reveal`, payload: { field: 'phone', reason: '上门核实' } })).statusCode).toBe(403);
    expect((await community({ method: 'POST', url: `/api/work-orders/${filed.id}/reveal`, payload: { field: 'name', reason: '回访' } })).json().value).toBe('赵敏');
  });
});
