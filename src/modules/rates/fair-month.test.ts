import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';
import { bj, orderRow } from './test-support.js';

interface Row { officeId: string; name: string; rank: number | null; due: number; resolved: number; resolutionRate: number | null; street: { id: string; name: string } | null }

/**
 * The month figures on 1 December (the case), in a year no demo order reaches: orders due later in the month and
 * still in time are not yet counted, the pages default to the last complete month, and every office keeps its district rank.
 */
describe('month figures that are fair', () => {
  let t: TestApp;
  let admin: Client;
  let beijiang: Client;
  let beijiangId: string;
  const list = async (c: Client, query: string) => {
    const res = await c({ url: `/api/rates?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { month: string; inProgress: boolean; items: Row[] };
  };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.ctx.handle.db;
    const category = await db.selectFrom('categories').select('id').executeTakeFirstOrThrow();
    const [bjPlace, shatou] = await Promise.all(['北江社区', '沙头社区'].map((n) => placeByName(t, n)));
    beijiangId = bjPlace!.id;
    const order = (office: typeof bjPlace, title: string, spec: Omit<Parameters<typeof orderRow>[2], 'title'>) => orderRow(category.id, office!, { ...spec, title });
    await db.insertInto('work_orders').values([
      // November, complete: one resolved in time, one failed.
      order(bjPlace, 'nov-ok', { received: '2031-11-20T09:00', accepted: '2031-11-20T10:00', due: '2031-11-28T18:00', resolved: '2031-11-25T09:00', state: 'resolved' }),
      order(bjPlace, 'nov-late', { received: '2031-11-20T09:00', accepted: '2031-11-20T10:00', due: '2031-11-28T18:00', state: 'taken' }),
      // December: due on the 8th and 9th and still in time, one resolved early, one whose deadline passed this morning.
      order(bjPlace, 'dec-8', { received: '2031-11-28T09:00', accepted: '2031-11-28T10:00', due: '2031-12-08T18:00', state: 'taken' }),
      order(bjPlace, 'dec-9', { received: '2031-11-29T09:00', accepted: '2031-11-29T10:00', due: '2031-12-09T18:00', state: 'taken' }),
      order(bjPlace, 'dec-early', { received: '2031-11-29T09:00', accepted: '2031-11-29T10:00', due: '2031-12-10T18:00', resolved: '2031-11-30T09:00', state: 'resolved' }),
      order(bjPlace, 'dec-1', { received: '2031-11-21T09:00', accepted: '2031-11-21T10:00', due: '2031-12-01T09:00', state: 'taken' }),
      order(shatou, 'shatou-dec', { received: '2031-11-25T09:00', accepted: '2031-11-25T10:00', due: '2031-12-01T08:00', resolved: '2031-11-30T10:00', state: 'resolved' }),
    ]).execute();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(bj('2031-12-01T10:00')));
    [admin, beijiang] = await Promise.all([t.as('admin'), t.as('beijiang')]);
  });
  afterAll(async () => {
    vi.useRealTimers();
    await t.close();
  });

  it('does not count an order due later this month and still in time against this month’s resolution rate', async () => {
    const dec = await list(admin, 'month=2031-12&level=community');
    expect(dec.inProgress).toBe(true);
    // Counted: dec-early (resolved) and dec-1 (its deadline passed unresolved); dec-8 and dec-9 wait for their day.
    expect(dec.items.find((r) => r.officeId === beijiangId)).toMatchObject({ due: 2, resolved: 1, resolutionRate: 0.5 });
    const due = await admin({ url: `/api/rates/orders?month=2031-12&level=community&officeId=${beijiangId}&figure=due` });
    expect(due.json().items.map((o: { title: string }) => o.title).sort()).toEqual(['dec-1', 'dec-early']);
    // On the 10th, after their deadlines, the two still open orders count as failures.
    vi.setSystemTime(new Date(bj('2031-12-10T19:00')));
    const later = await list(await t.as('admin'), 'month=2031-12&level=community');
    expect(later.items.find((r) => r.officeId === beijiangId)).toMatchObject({ due: 4, resolved: 1, resolutionRate: 0.25 });
    vi.setSystemTime(new Date(bj('2031-12-01T10:00')));
  });

  it('shows the last complete month unless another is asked for, and says when a month is in progress', async () => {
    const shown = await list(admin, 'level=community');
    expect(shown).toMatchObject({ month: '2031-11', inProgress: false });
    expect(shown.items.find((r) => r.officeId === beijiangId)).toMatchObject({ due: 2, resolved: 1 });
    const pub = await t.app.inject({ url: '/api/public/ranking' });
    expect(pub.json()).toMatchObject({ month: '2031-11', inProgress: false });
    expect((await t.app.inject({ url: '/api/public/ranking?month=2031-12' })).json().inProgress).toBe(true);
  });

  it('gives a community worker their own row with its rank among all communities, and their street on the street tab', async () => {
    const all = (await list(admin, 'month=2031-12&level=community')).items;
    const mine = (await list(beijiang, 'month=2031-12&level=community')).items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ officeId: beijiangId, rank: all.find((r) => r.officeId === beijiangId)!.rank });
    expect(mine[0]!.rank).toBe(2);
    const streets = (await list(beijiang, 'month=2031-12&level=street')).items;
    expect(streets.map((r) => [r.name, r.rank])).toEqual([['西南街道', 1]]);
  });

  it('filters the district admin’s community view by street, each community naming its street', async () => {
    const xinan = await placeByName(t, '西南街道');
    const rows = (await list(admin, `month=2031-12&level=community&parentId=${xinan.id}`)).items;
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.every((r) => r.street?.id === xinan.id && r.street.name === '西南街道')).toBe(true);
    const all = (await list(admin, 'month=2031-12&level=community')).items;
    expect(new Set(all.map((r) => r.street?.id)).size).toBeGreaterThan(1);
  });

  it('exports what the page shows: title rows with place, month and weights, every column, rates as percentages, a Chinese name', async () => {
    const xinan = await placeByName(t, '西南街道');
    const res = await admin({ url: `/api/rates.xlsx?month=2031-12&level=community&parentId=${xinan.id}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('西南街道_三率排名_2031-12.xlsx')}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('西南街道 2031-12(进行中) 三率排名(按社区)');
    expect(String(ws.getCell('A2').value)).toMatch(/响应率 × 10%.*解决率 × 45%.*满意率 × 45%/);
    expect(ws.getRow(3).values).toEqual([undefined, '排名', '单位', '综合得分', '受理量', '按时响应', '响应率', '应办结', '按时解决', '解决率', '评价数', '满意', '基本满意', '不满意', '满意率']);
    const beijiangRow = ws.getRows(4, ws.rowCount - 3)!.find((r) => r.getCell(2).value === '北江社区')!;
    expect(beijiangRow.getCell(9).value).toBe(0.5);
    expect(beijiangRow.getCell(9).numFmt).toBe('0.0%');
    // Outside the caller's area the place does not exist.
    expect((await beijiang({ url: `/api/rates.xlsx?month=2031-12&parentId=${xinan.id}` })).statusCode).toBe(404);
  });
});
