import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, multipartFile, placeByName, type Client, type TestApp } from '../../test/harness.js';
import { bilingual } from '../validation.js';
import { writeRows } from './export-ledger.js';
import { bufferSource, type UploadSource } from './upload.js';
import { defineLedger, exportLedger, ledgerFileName, ledgerTemplate, parseLedgerRows, readLedgerRows, type LedgerRecord } from './index.js';

const SAMPLE = defineLedger({
  key: 'sample',
  sheet: '样例台账',
  title: { zh: '样例台账', en: 'Sample ledger' },
  columns: [
    { key: 'name', header: '名称', type: 'text', required: true, maxLength: 20 },
    { key: 'kind', header: '类型', type: 'enum', options: { big: '大', small: '小' } },
    { key: 'count', header: '数量', type: 'number', parse: z.number().int(bilingual('数量应为整数', 'count must be whole')) },
    { key: 'rate', header: '比率', type: 'percent' },
    { key: 'day', header: '日期', type: 'date' },
    { key: 'at', header: '时间', type: 'datetime' },
    { key: 'phone', header: '电话', type: 'text', mask: (v) => `${v.slice(0, 3)}****${v.slice(-4)}` },
  ],
});

/** Two columns, so a 300,000-row sheet is quick to make. */
const LEAN = defineLedger({ key: 'lean', sheet: '简表', title: { zh: '简表', en: 'Lean' }, columns: [
  { key: 'name', header: '名称', type: 'text' }, { key: 'count', header: '数量', type: 'number' },
] });

/** The workbook a writer makes, as one buffer. */
async function workbookOf(write: (out: PassThrough) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  await write(out);
  await ended;
  return Buffer.concat(chunks);
}

const rowsOf = (n: number, from = 0): LedgerRecord<typeof SAMPLE>[] =>
  Array.from({ length: n }, (_, i) => ({ name: `第${from + i + 1}项`, kind: i % 2 ? 'small' : 'big', count: i, rate: 0.5, phone: '13800138000' }));

describe('a ledger layout', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify();
    app.get('/sample.xlsx', async (_req, reply) => {
      await exportLedger(reply, SAMPLE, [{ name: '东区', kind: 'big', count: 3, rate: 0.955, day: '2026-11-24', at: '2026-11-24T01:30:00Z', phone: '13800138000' }], {
        fileName: ['北江社区', '样例台账', '2026-11'], titleRows: ['北江社区 2026-11 样例台账'],
      });
      return reply;
    });
    await app.ready();
  });
  afterAll(() => app.close());

  it('exports what the import reads back: enum labels, masks, percentages, dates on China time, title rows skipped', async () => {
    const res = await app.inject({ url: '/sample.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('样例台账');
    expect(ws.getCell('A1').value).toBe('北江社区 2026-11 样例台账');
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(SAMPLE.columns.map((c) => c.header));
    expect(ws.getCell('D3').numFmt).toBe('0.0%');
    const sheet = await readLedgerRows(res.rawPayload, SAMPLE, { maxRows: 10, maxBytes: 1e6 });
    expect(sheet.rows).toEqual([{ row: 3, values: { name: '东区', kind: '大', count: '3', rate: '0.955', day: '2026-11-24', at: '2026-11-24 09:30:00', phone: '138****8000' } }]);
    expect((await parseLedgerRows(sheet, SAMPLE)).rows[0]!.values).toEqual({ name: '东区', kind: 'big', count: 3, rate: 0.955, day: '2026-11-24', at: '2026-11-24 09:30:00', phone: '138****8000' });
  });

  it('gives a template with the headers, text formats and enum dropdowns, which reads back as no rows', async () => {
    const template = await ledgerTemplate(SAMPLE);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(1);
    expect(ws.getCell('B2').dataValidation).toMatchObject({ type: 'list', formulae: ['"大,小"'] });
    expect(ws.getColumn(7).numFmt).toBe('@');
    expect((await readLedgerRows(template, SAMPLE, { maxRows: 10, maxBytes: 1e6 })).rows).toEqual([]);
  });

  it('reports each bad cell with its row, its column letter in this file and the reason', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('任意');
    ws.addRow(['类型', '名称', '数量', '比率', '日期', '时间', '电话']);
    ws.addRow(['中', '', 2.5, '95%', '2026-02-30', '', '']);
    ws.addRow(['小', '西区', 4, '95%', '2026/3/1', '2026-3-1 8:05', '']);
    const sheet = await readLedgerRows(Buffer.from(await wb.xlsx.writeBuffer()), SAMPLE, { maxRows: 10, maxBytes: 1e6 });
    const parsed = await parseLedgerRows(sheet, SAMPLE);
    expect(parsed.errors.map((e) => `${e.row}${e.column}:${e.field}`)).toEqual(['2A:kind', '2B:name', '2C:count', '2E:day']);
    expect(parsed.errors.map((e) => e.message.zh)).toEqual(['类型应为:大、小', '名称不能为空', '数量应为整数', '日期应为日期,如 2026-11-24']);
    expect(parsed.rows[1]!.values).toMatchObject({ kind: 'small', rate: 0.95, day: '2026-03-01', at: '2026-03-01 08:05:00' });
  });

  it('refuses a cell holding a control character, which a parse function might let through', async () => {
    const sheet = { columns: { name: 'A', kind: 'B', count: 'C', rate: 'D', day: 'E', at: 'F', phone: 'G' },
      rows: [{ row: 2, values: { name: '东\u0000区', kind: '', count: '', rate: '', day: '', at: '', phone: '138\u001b' } }] };
    const parsed = await parseLedgerRows(sheet, SAMPLE);
    expect(parsed.errors).toEqual([
      { row: 2, column: 'A', field: 'name', message: { zh: '名称不能包含控制字符', en: 'name must not contain control characters' } },
      { row: 2, column: 'G', field: 'phone', message: { zh: '电话不能包含控制字符', en: 'phone must not contain control characters' } },
    ]);
  });

  it('names the file in Chinese with an ASCII fallback', () => {
    expect(ledgerFileName(['北江社区', '居民花名册', '2026-11'], 'roster')).toBe(
      `attachment; filename="roster_2026-11.xlsx"; filename*=UTF-8''${encodeURIComponent('北江社区_居民花名册_2026-11.xlsx')}`);
    expect(ledgerFileName(['a/b"c', "d'(e)"], 'x')).toBe(`attachment; filename="x_abc_d'(e).xlsx"; filename*=UTF-8''abc_d%27%28e%29.xlsx`);
  });
});

describe('a large ledger', () => {
  it('stops a 300,000-row sheet at the row limit, having read a small part of it', async () => {
    const file = await workbookOf((out) => writeRows(out, LEAN, Array.from({ length: 300_000 }, (_, i) => ({ name: `第${i + 1}项`, count: i }))));
    const plain = bufferSource(file, file.length);
    let read = 0;
    const counting = async function* (s: number, e: number) {
      for await (const chunk of plain.range(s, e)) {
        read += (chunk as Buffer).length;
        yield chunk as Buffer;
      }
    };
    const counted: UploadSource = { ...plain, range: (s, e) => Readable.from(counting(s, e), { objectMode: false }) };
    const started = Date.now();
    await expect(readLedgerRows(counted, LEAN, { maxRows: 1000, maxBytes: 1e8 })).rejects.toMatchObject({
      statusCode: 413, code: 'too_many_rows', msg: { zh: '一次最多导入 1000 行,请分批导入', en: expect.any(String) },
    });
    expect(read).toBeLessThan(file.length / 20);
    expect(Date.now() - started).toBeLessThan(3000);
    await expect(readLedgerRows(file, LEAN, { maxRows: 300_000, maxBytes: file.length - 1 })).rejects.toMatchObject({ statusCode: 413, code: 'too_large' });
  });

  it('streams 100,000 rows to a client with flat memory: half the file has arrived when half the rows are made', async () => {
    const total = 100_000;
    let produced = 0;
    let received = 0;
    let receivedAtHalf = -1;
    let peakHeap = 0;
    async function* source() {
      for (let i = 0; i < total; i += 1000) {
        produced = i;
        if (i === total / 2) receivedAtHalf = received;
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
        yield* rowsOf(1000, i);
        await Promise.resolve();
      }
      produced = total;
    }
    const app = Fastify();
    app.get('/big.xlsx', async (_req, reply) => {
      await exportLedger(reply, SAMPLE, source(), { fileName: ['大台账'] });
      return reply;
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      global.gc?.();
      const before = process.memoryUsage().heapUsed;
      const { port } = app.server.address() as AddressInfo;
      const file = await new Promise<Buffer>((resolve, reject) => {
        http.get(`http://127.0.0.1:${port}/big.xlsx`, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => {
            received += c.length;
            chunks.push(c);
          });
          res.on('end', () => resolve(Buffer.concat(chunks)));
          res.on('error', reject);
        }).on('error', reject);
      });
      expect(produced).toBe(total);
      // Half the rows made, and the client already holds about half the file.
      expect(receivedAtHalf).toBeGreaterThan(file.length / 4);
      // ExcelJS's in-memory Workbook would hold every cell of the 700,000 until the end.
      expect(peakHeap - before).toBeLessThan(60 * 1024 * 1024);
      const back = await readLedgerRows(file, SAMPLE, { maxRows: total, maxBytes: file.length });
      expect(back.rows).toHaveLength(total);
      // Every Chinese name whole: a character that straddles two unpacked chunks must not break.
      expect(back.rows.filter((r, i) => r.values.name !== `第${i + 1}项`)).toEqual([]);
      expect(back.rows.at(-1)).toMatchObject({ row: total + 1, values: { name: `第${total}项`, phone: '138****8000' } });
    } finally {
      await app.close();
    }
  }, 30_000);
});

describe('the roster on the ledger kit', () => {
  let t: TestApp;
  let worker: Client;
  let compoundId: string;
  const count = async (table: 'places' | 'residents' | 'events') =>
    Number((await t.ctx.handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const upload = (file: Buffer) => worker({ method: 'POST', url: `/api/places/${compoundId}/roster`, ...multipartFile(file) });
  const roster = async (headers: string[], rows: (string | number)[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('居民花名册');
    ws.addRow(headers);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };

  beforeAll(async () => {
    t = await createTestApp();
    worker = await t.as('beijiang');
    const grid = await placeByName(t, '北江社区第1网格');
    compoundId = (await worker({ method: 'POST', url: '/api/places', payload: { parentId: grid.id, level: 'compound', name: '台账小区', compoundType: 'property_managed' } })).json().id;
  });
  afterAll(() => t.close());

  it('reports a bad row with its row, column and reason, and writes nothing', async () => {
    const before = await Promise.all([count('places'), count('residents'), count('events')]);
    // Columns in another order than the export's: the letters are where this file has them.
    const file = await roster(['姓名', '楼栋', '房号', '与户主关系', '性别', '手机号', '身份证号'], [
      ['李杏珊', '1栋', '101', '户主', '女', '13800138000', ''],
      ['王强', '1栋', '102', '户主', '不详', '138001', ''],
    ]);
    const res = await upload(file);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'import_rejected', field: 'file', message: { zh: '有 1 行数据有误,未导入任何数据', en: '1 row(s) are wrong; nothing was imported' } });
    expect(res.json().errors).toEqual([
      { row: 3, column: 'E', field: 'gender', message: { zh: '性别应为:男、女', en: 'gender: one of 男, 女' } },
      { row: 3, column: 'F', field: 'phone', message: { zh: '手机号格式不正确', en: 'Not a valid phone number' } },
    ]);
    expect(await Promise.all([count('places'), count('residents'), count('events')])).toEqual(before);
  });

  it('answers 413 above the row limit and the size limit, writing nothing', async () => {
    const before = await Promise.all([count('places'), count('residents')]);
    const rows = Array.from({ length: 20_001 }, (_, i) => [`${Math.floor(i / 100) + 1}栋`, `${i % 100}`, `居民${i}`, '男', '户主', '', '']);
    const many = await upload(await roster(['楼栋', '房号', '姓名', '性别', '与户主关系', '手机号', '身份证号'], rows));
    expect(many.statusCode).toBe(413);
    expect(many.json()).toMatchObject({ code: 'too_many_rows', field: 'file', message: { zh: expect.stringContaining('20000') } });
    const huge = await upload(Buffer.alloc(10 * 1024 * 1024 + 10, 1));
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ code: 'too_large', field: 'file', message: { zh: '文件不能超过 10 MB', en: 'The file may be at most 10 MB' } });
    expect(await Promise.all([count('places'), count('residents')])).toEqual(before);
  });

  it('names the export after the community, the compound and the day', async () => {
    const res = await worker({ url: `/api/places/${compoundId}/roster.xlsx` });
    expect(res.statusCode).toBe(200);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="roster_${today}.xlsx"; filename*=UTF-8''${encodeURIComponent(`北江社区_台账小区_居民花名册_${today}.xlsx`)}`);
  });

  it('exports a roster of more than one batch whole, each resident once, in building and household order', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => [`${Math.floor(i / 300) + 1}栋`, `${100 + Math.floor((i % 300) / 3)}`, `大户${i}`, '男', ['户主', '配偶', '子女'][i % 3]!, '', '']);
    const imported = await upload(await roster(['楼栋', '房号', '姓名', '性别', '与户主关系', '手机号', '身份证号'], rows));
    expect(imported.statusCode, imported.body).toBe(200);
    const res = await worker({ url: `/api/places/${compoundId}/roster.xlsx` });
    // Core knows no module: the roster's headers are read by a ledger of their own.
    const where = defineLedger({ key: 'where', sheet: '居民花名册', title: { zh: '', en: '' }, columns: [
      { key: 'building', header: '楼栋', type: 'text' }, { key: 'household', header: '房号', type: 'text' }, { key: 'name', header: '姓名', type: 'text' },
    ] });
    const sheet = await readLedgerRows(res.rawPayload, where, { maxRows: 5000, maxBytes: 1e7 });
    expect(sheet.rows).toHaveLength(1500);
    expect(new Set(sheet.rows.map((r) => r.values.name)).size).toBe(1500);
    const keys = sheet.rows.map((r) => `${r.values.building}|${r.values.household}`);
    const sorted = [...keys].sort();
    const bad = keys.findIndex((k, i) => k !== sorted[i]);
    expect(bad, `${bad} ${keys.slice(bad - 2, bad + 3)} / ${sorted.slice(bad - 2, bad + 3)}`).toBe(-1);
  });

  it('exports the rates with the place, month and weights above the header, and rates as percentages', async () => {
    const admin = await t.as('admin');
    const res = await admin({ url: '/api/rates.xlsx?month=2026-10&level=community' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('三水区_三率排名_2026-10.xlsx')}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('三水区 2026-10 三率排名(按社区)');
    expect(String(ws.getCell('A2').value)).toContain('响应率 × 10%');
    expect(ws.getCell('F3').value).toBe('响应率');
    expect(ws.getCell('F4').numFmt).toBe('0.0%');
    expect(ws.getCell('M3').value).toBe('不满意');
  });
});
