import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, multipartFile, placeByName, type Client, type TestApp } from '../../test/harness.js';

const HEADERS = ['楼栋', '房号', '姓名', '性别', '与户主关系', '手机号', '身份证号'];

async function workbook(rows: (string | number)[][], headers = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('居民花名册');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}


describe('the household roster of a compound', () => {
  let t: TestApp;
  let worker: Client;
  let compoundId: string;
  const count = async (table: 'places' | 'residents' | 'events') =>
    Number((await t.ctx.handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await createTestApp();
    worker = await t.as('beijiang');
    const grid = await placeByName(t, '北江社区第1网格');
    const res = await worker({ method: 'POST', url: '/api/places', payload: { parentId: grid.id, level: 'compound', name: '花名册小区', compoundType: 'property_managed' } });
    compoundId = res.json().id;
  });
  afterAll(() => t.close());

  it('reports every bad row with its number, field and reason, and writes nothing', async () => {
    const before = await Promise.all([count('places'), count('residents'), count('events')]);
    const file = await workbook([
      ['1栋', '101', '李杏珊', '女', '户主', '13800138000', '11010519491231002X'],
      ['1栋', '101', '', '男', '配偶', '13800138001', ''],
      ['1栋', '102', '王强', '男', '房东', '138001', ''],
      ['1栋', '102', '王芳', '女', '户主', '', '110105194912310021'],
    ]);
    const res = await worker({ method: 'POST', url: `/api/places/${compoundId}/roster`, ...multipartFile(file) });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body).toMatchObject({ code: 'import_rejected', field: 'file', message: { zh: '有 3 行数据有误,未导入任何数据' } });
    expect(body.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(['3:name', '4:relation', '4:phone', '5:idNumber']);
    expect(body.errors[0].message).toEqual({ zh: '姓名不能为空', en: 'name is required' });
    expect(await Promise.all([count('places'), count('residents'), count('events')])).toEqual(before);
  });

  it('imports a good roster, creating buildings, households and residents, and exports it masked', async () => {
    const file = await workbook([
      ['1栋', '101', '李杏珊', '女', '户主', '13800138000', '11010519491231002X'],
      ['1栋', '101', '李明', '男', '子女', '', ''],
      ['2栋', '201', '王强', '男', '户主', '0757-87654321', ''],
    ]);
    const res = await worker({ method: 'POST', url: `/api/places/${compoundId}/roster`, ...multipartFile(file) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: { buildings: 2, households: 2, residents: 3 }, updated: 0 });
    const detail = (await worker({ url: `/api/places/${compoundId}` })).json();
    expect(detail.counts).toMatchObject({ building: 2, household: 2, residents: 3 });

    const exported = await worker({ url: `/api/places/${compoundId}/roster.xlsx` });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(HEADERS);
    expect(rows).toContainEqual(['1栋', '101', '李杏珊', '女', '户主', '138****8000', '1101**********002X']);
    expect(JSON.stringify(rows)).not.toContain('13800138000');

    // The exported file imports back: masked values keep what is stored, a changed row updates.
    const back = await workbook(rows.slice(1).map((r) => (r as string[]).map((v) => (v === '子女' ? '孙子女' : v ?? ''))));
    const again = await worker({ method: 'POST', url: `/api/places/${compoundId}/roster`, ...multipartFile(back) });
    expect(again.json()).toEqual({ created: { buildings: 0, households: 0, residents: 0 }, updated: 1 });
    const li = await t.ctx.handle.db.selectFrom('residents').selectAll().where('name', '=', '李杏珊').executeTakeFirstOrThrow();
    expect(t.ctx.cipher.decrypt(li.phone_enc!)).toBe('13800138000');
  });

  it('refuses a file that is not a roster', async () => {
    const wrongHeaders = await worker({ method: 'POST', url: `/api/places/${compoundId}/roster`, ...multipartFile(await workbook([['a']], ['名字'])) });
    expect(wrongHeaders.statusCode).toBe(422);
    expect(wrongHeaders.json().message.zh).toContain('缺少表头');
    const notExcel = await worker({ method: 'POST', url: `/api/places/${compoundId}/roster`, ...multipartFile(Buffer.from('hello')) });
    expect(notExcel.json()).toMatchObject({ code: 'bad_file', field: 'file' });
    const noFile = await worker({ method: 'POST', url: `/api/places/${compoundId}/roster`, payload: {} });
    expect(noFile.statusCode).toBe(400);
  });
});
