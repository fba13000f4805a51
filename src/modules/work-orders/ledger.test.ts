import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';
import { fileOne } from './test-support.js';

async function sheetOf(res: { rawPayload: Buffer }) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString() : String(v ?? '')))));
  return { name: sheet.name, rows };
}

/** The work-order ledger (工单台账): the list as filtered, in Excel, personal data masked, for the offices of the area. */
describe('the work-order ledger', () => {
  let t: TestApp;
  let office: Client;
  let grid: Client;
  let trackingNo = '';

  beforeAll(async () => {
    t = await createTestApp();
    [office, grid] = await Promise.all([t.as('beijiang'), t.as('grid1')]);
    const filed = await fileOne(office, t, {
      channel: 'walk_in', title: '邻居装修噪音', description: '对门装修每天早上7点开工,我电话13912345678,身份证440607199001011234',
    });
    trackingNo = filed.trackingNo;
  });
  afterAll(() => t.close());

  it('exports what the list shows for the same filters, one row per order, with the phone and the typed numbers masked', async () => {
    const community = await placeByName(t, '北江社区');
    const filter = `channel=walk_in&communityId=${community.id}`;
    const listed = (await office({ url: `/api/work-orders?${filter}&limit=200` })).json();
    const res = await office({ url: `/api/work-orders.xlsx?${filter}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(decodeURIComponent(res.headers['content-disposition'] as string)).toContain('工单台账');
    const { name, rows } = await sheetOf(res);
    expect(name).toBe('工单台账');
    const header = rows.findIndex((r) => r[0] === '工单号');
    expect(rows[header]).toEqual(expect.arrayContaining(['工单号', '接收时间', '渠道', '社区', '问题描述', '反映人', '联系电话', '状态', '办理结果']));
    const body = rows.slice(header + 1);
    expect(body.map((r) => r[0]).sort()).toEqual(listed.items.map((o: { trackingNo: string }) => o.trackingNo).sort());
    const mine = body.find((r) => r[0] === trackingNo)!;
    const col = (h: string) => mine[rows[header]!.indexOf(h)];
    expect(col('渠道')).toBe('来访');
    expect(col('社区')).toBe('北江社区');
    expect(col('状态')).toBe('待受理');
    expect(col('联系电话')).toBe('138****8000');
    expect(col('问题描述')).toContain('139****5678');
    expect(col('问题描述')).toContain('4406**********1234');
    expect(JSON.stringify(rows)).not.toMatch(/13912345678|440607199001011234|13800138000/);
  });

  it('is listed on the ledgers page for the office, refused to a grid worker, and 404 for a place outside the area', async () => {
    const ledgers = (await office({ url: '/api/ledgers' })).json().items as { key: string }[];
    expect(ledgers.map((l) => l.key)).toContain('work-orders');
    expect(((await grid({ url: '/api/ledgers' })).json().items as { key: string }[]).map((l) => l.key)).not.toContain('work-orders');
    expect((await grid({ url: '/api/work-orders.xlsx' })).statusCode).toBe(403);
    const shatou = await placeByName(t, '沙头社区');
    const outside = await office({ url: `/api/work-orders.xlsx?placeId=${shatou.id}` });
    expect(outside.statusCode).toBe(404);
    expect(outside.json()).toMatchObject({ code: 'not_found' });
  });
});
