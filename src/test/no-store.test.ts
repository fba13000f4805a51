import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, multipartFile, placeByName, type Client, type TestApp } from './harness.js';
import { demandTarget, fileOne } from '../modules/work-orders/test-support.js';

/**
 * What shows unmasked personal data or hands out a file is never kept by a browser or a proxy: `Cache-Control: no-store`
 * on every reveal, every .xlsx and the roster import. Every such route of the OpenAPI description needs a case here.
 */
describe('reveals and files are never cached', () => {
  let t: TestApp;
  let admin: Client;
  let worker: Client;
  let employer: Client;
  const ids: Record<string, string> = {};
  let roster: Buffer;
  let memberRoster: Buffer;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, worker, employer] = await Promise.all([t.as('admin'), t.as('beijiang'), t.as('gongjian')]);
    const db = t.ctx.handle.db;
    const { compound } = await demandTarget(t);
    const withAddress = await db.selectFrom('places').select('id').where('level', '=', 'compound').where('address_enc', 'is not', null).executeTakeFirstOrThrow();
    const household = await db.selectFrom('places').select('id').where('level', '=', 'household').where('path', 'like', `${compound.path}%`).executeTakeFirstOrThrow();
    const resident = (await worker({ method: 'POST', url: '/api/residents', payload: { householdId: household.id, name: '陈杏珊', relation: 'tenant', phone: '13912345678' } })).json();
    const order = await fileOne(worker, t, { channel: 'wechat_group' });
    const community = await placeByName(t, '北江社区');
    const org = await db.selectFrom('party_orgs').select('id').where('place_id', '=', community.id).where('kind', '=', 'community_party_committee').executeTakeFirstOrThrow();
    const member = (await worker({ method: 'POST', url: '/api/party-members', payload: { name: '何桂英', category: 'retired', orgId: org.id, phone: '13912345679' } })).json();
    const unit = await db.selectFrom('users').select('unit_id').where('username', '=', 'gongjian').executeTakeFirstOrThrow();
    Object.assign(ids, { unit: unit.unit_id!, compound: compound.id, withAddress: withAddress.id, resident: resident.id, order: order.id, community: community.id, member: member.id });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('居民花名册');
    ws.addRow(['楼栋', '房号', '姓名', '性别', '与户主关系', '手机号', '身份证号']);
    ws.addRow(['8栋', '801', '张三', '男', '户主', '13800001111', '']);
    roster = Buffer.from(await wb.xlsx.writeBuffer());
    const members = new ExcelJS.Workbook();
    members.addWorksheet('党员花名册').addRows([
      ['姓名', '党员类别', '所属党组织', '小区', '楼栋', '房号', '工作单位', '手机号', '身份证号', '党员中心户'],
      ['罗志强', '离退休党员', '北江社区大党委', '', '', '', '', '', '', '否'],
    ]);
    memberRoster = Buffer.from(await members.xlsx.writeBuffer());
  });
  afterAll(() => t.close());

  const cases: { route: string; req: () => [Client, Parameters<Client>[0]] }[] = [
    { route: 'POST /api/places/{id}/reveal', req: () => [admin, { method: 'POST', url: `/api/places/${ids.withAddress}/reveal`, payload: { field: 'address', reason: '上门走访' } }] },
    { route: 'POST /api/residents/{id}/reveal', req: () => [worker, { method: 'POST', url: `/api/residents/${ids.resident}/reveal`, payload: { field: 'phone', reason: '回访居民' } }] },
    { route: 'POST /api/work-orders/{id}/reveal', req: () => [worker, { method: 'POST', url: `/api/work-orders/${ids.order}/reveal`, payload: { field: 'phone', reason: '回访居民' } }] },
    { route: 'GET /api/places/{id}/roster.xlsx', req: () => [worker, { url: `/api/places/${ids.compound}/roster.xlsx` }] },
    { route: 'POST /api/places/{id}/roster', req: () => [worker, { method: 'POST', url: `/api/places/${ids.compound}/roster`, ...multipartFile(roster) }] },
    { route: 'GET /api/rates.xlsx', req: () => [admin, { url: '/api/rates.xlsx?month=2026-10&level=community' }] },
    { route: 'GET /api/work-orders.xlsx', req: () => [worker, { url: `/api/work-orders.xlsx?placeId=${ids.community}` }] },
    { route: 'GET /api/party-points/ranking.xlsx', req: () => [worker, { url: `/api/party-points/ranking.xlsx?placeId=${ids.community}&period=year&month=2026-03` }] },
    { route: 'GET /api/announcements.xlsx', req: () => [worker, { url: `/api/announcements.xlsx?placeId=${ids.community}` }] },
    { route: 'POST /api/party-members/{id}/reveal', req: () => [worker, { method: 'POST', url: `/api/party-members/${ids.member}/reveal`, payload: { field: 'phone', reason: '联系党员' } }] },
    { route: 'GET /api/party-members.xlsx', req: () => [worker, { url: `/api/party-members.xlsx?placeId=${ids.community}` }] },
    { route: 'POST /api/party-members/roster', req: () => [worker, { method: 'POST', url: `/api/party-members/roster?placeId=${ids.community}`, ...multipartFile(memberRoster) }] },
    { route: 'GET /api/party-checkins/employer-report.xlsx', req: () => [employer, { url: '/api/party-checkins/employer-report.xlsx' }] },
    { route: 'GET /api/needs.xlsx', req: () => [worker, { url: `/api/needs.xlsx?placeId=${ids.community}` }] },
    { route: 'GET /api/resources.xlsx', req: () => [worker, { url: `/api/resources.xlsx?placeId=${ids.community}` }] },
    { route: 'GET /api/partner-units.xlsx', req: () => [worker, { url: `/api/partner-units.xlsx?placeId=${ids.community}` }] },
    { route: 'GET /api/unit-evaluations/{id}/sheet.xlsx', req: () => [employer, { url: `/api/unit-evaluations/${ids.unit}/sheet.xlsx` }] },
    { route: 'GET /api/hotline/template.xlsx', req: () => [admin, { url: '/api/hotline/template.xlsx' }] },
  ];

  it('has a case for every reveal, export and roster route of the OpenAPI description', async () => {
    const spec = (await t.app.inject({ url: '/openapi.json' })).json();
    const routes = Object.entries<Record<string, unknown>>(spec.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const personal = routes.filter((r) => /\/reveal$|\.xlsx$|\/roster$/.test(r));
    expect(personal.sort()).toEqual(cases.map((c) => c.route).sort());
  });

  for (const c of cases) {
    it(`${c.route} answers with Cache-Control: no-store`, async () => {
      const [client, req] = c.req();
      const res = await client(req);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
    });
  }

  it('leaves other answers alone', async () => {
    const me = await worker({ url: '/api/me' });
    expect(me.statusCode).toBe(200);
    expect(me.headers['cache-control']).toBeUndefined();
  });
});
