import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, multipartFile, placeByName, type Client, type TestApp } from './harness.js';
import { asResident } from '../modules/resident-h5/test-support.js';
import { demandTarget } from '../modules/work-orders/test-support.js';

/** What every route refuses before it reads a request: characters no field takes, broken forms, addresses, headers. */
describe('malformed requests are refused with the API’s error shape, never 500', () => {
  let t: TestApp;
  let admin: Client;
  let worker: Client;
  let target: Awaited<ReturnType<typeof demandTarget>>;
  const count = async (table: 'work_orders' | 'events' | 'users') =>
    Number((await t.ctx.handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const snapshot = () => Promise.all([count('work_orders'), count('events'), count('users')]);
  const demand = (extra: Record<string, unknown> = {}) => ({
    channel: 'wechat_group', demandType: 'help', categoryId: target.category.id, placeId: target.compound.id, title: '路灯不亮', description: '3栋门口路灯坏了', ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp();
    [admin, worker] = await Promise.all([t.as('admin'), t.as('beijiang')]);
    target = await demandTarget(t);
  });
  afterAll(() => t.close());

  it('refuses a NUL byte at sign-in with 400 naming the field (PostgreSQL answered 500)', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ad\u0000min', password: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 'control_character', field: 'username', message: {
      zh: '字段 username 不能包含控制字符(如 U+0000)', en: 'username must not contain control characters (such as U+0000)',
    } });
  });

  it('refuses a NUL byte in the residents’ place search, which needs no sign-in', async () => {
    const res = await t.app.inject({ url: '/api/h5/places?q=%E5%8C%97%00' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'control_character', field: 'q' });
    expect((await t.app.inject({ url: '/api/h5/places?q=%E5%8C%97%E6%B1%9F' })).statusCode).toBe(200);
  });

  it('refuses the other C0 controls and lone surrogates anywhere in a body, and writes nothing', async () => {
    const before = await snapshot();
    for (const [payload, field] of [
      [demand({ title: '路灯\u0000不亮' }), 'title'],
      [demand({ description: 'bell\u0007' }), 'description'],
      [demand({ reporterName: 'a\u001bb' }), 'reporterName'],
      [demand({ address: 'x\ud800y' }), 'address'],
      [{ username: 'nul_in_roles', displayName: '新用户', password: 'OneGrid!2026x', roles: [{ role: 'grid_worker', placeId: 'ab\u0000' }] }, 'roles.0.placeId'],
      [{ ...demand(), 'x\u0000': 1 }, 'x\\u0000'],
    ] as const) {
      const url = 'username' in payload ? '/api/users' : '/api/work-orders';
      const res = await (url === '/api/users' ? admin : worker)({ method: 'POST', url, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'control_character', field, message: { zh: expect.stringContaining(field), en: expect.any(String) } });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('takes tabs, line breaks and carriage returns in multi-line text', async () => {
    const res = await worker({ method: 'POST', url: '/api/work-orders', payload: demand({ description: '第一行\r\n第二行\n\t缩进' }) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().description).toBe('第一行\r\n第二行\n\t缩进');
  });

  it('refuses a NUL byte in a path parameter and in a form field', async () => {
    const path = await admin({ url: '/api/timeline/work%00order/abc' });
    expect(path.statusCode).toBe(400);
    expect(path.json()).toMatchObject({ code: 'control_character', field: 'entityType' });
    // Multipart fields reach no route schema: the form reader checks them (the resident's demand form here).
    const resident = await asResident(t, '13912340000');
    const before = await snapshot();
    const formField = await resident({ method: 'POST', url: '/api/h5/demands', headers: { 'content-type': 'multipart/form-data; boundary=b' },
      payload: `--b\r\nContent-Disposition: form-data; name="categoryId"\r\n\r\n${target.category.id}\r\n--b\r\nContent-Disposition: form-data; name="placeId"\r\n\r\n${target.compound.id}\r\n`
        + '--b\r\nContent-Disposition: form-data; name="title"\r\n\r\n路灯\u0000不亮\r\n--b\r\nContent-Disposition: form-data; name="description"\r\n\r\n坏了\r\n--b--\r\n' });
    expect(formField.statusCode, formField.body).toBe(400);
    expect(formField.json()).toMatchObject({ code: 'control_character', field: 'title' });
    expect(await snapshot()).toEqual(before);
  });

  it('answers a multipart body without a boundary, with a boundary it does not use, or cut short, with 400', async () => {
    const { compound } = target;
    for (const [type, body] of [
      ['multipart/form-data', '--x\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK\r\n--x--\r\n'],
      ['multipart/form-data; boundary=other', '--x\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK\r\n--x--\r\n'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK'],
    ]) {
      for (const url of [`/api/places/${compound.id}/roster`, '/api/hotline/import']) {
        const res = await admin({ method: 'POST', url, payload: body!, headers: { 'content-type': type! } });
        expect(res.statusCode, `${url} ${type}`).toBe(400);
        expect(res.json()).toMatchObject({ code: 'bad_multipart', message: { zh: '上传的表单不完整或格式不正确', en: 'The multipart form is malformed or incomplete' } });
      }
    }
  });

  it('answers a JSON body over the limit with 413 naming the limit, a wrong content type with 415, bad JSON with 400', async () => {
    const big = await worker({ method: 'POST', url: '/api/work-orders', payload: JSON.stringify({ title: 'x'.repeat(1024 * 1024 + 1) }), headers: { 'content-type': 'application/json' } });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toEqual({ code: 'too_large', field: null, message: { zh: '请求不能超过 1 MB', en: 'The request may be at most 1 MB' } });
    // The 12345 import takes a JSON body as large as its file.
    const huge = await admin({ method: 'POST', url: '/api/hotline/import', payload: JSON.stringify([{ title: 'x'.repeat(10 * 1024 * 1024) }]), headers: { 'content-type': 'application/json' } });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().message).toEqual({ zh: '请求不能超过 10 MB', en: 'The request may be at most 10 MB' });
    const xml = await worker({ method: 'POST', url: '/api/work-orders', payload: '<a/>', headers: { 'content-type': 'application/xml' } });
    expect(xml.statusCode).toBe(415);
    expect(xml.json()).toMatchObject({ code: 'unsupported_media_type', message: { zh: '不支持的内容类型:application/xml' } });
    const broken = await worker({ method: 'POST', url: '/api/work-orders', payload: '{"title":', headers: { 'content-type': 'application/json' } });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ code: 'bad_json', message: { zh: '请求体不是有效的 JSON' } });
  });

  it('answers a path it cannot decode, or one longer than the router takes, in the API’s shape', async () => {
    const bad = await admin({ url: '/api/places/%E0%A4%A' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ code: 'bad_url', field: null, message: { zh: '请求地址的编码不正确', en: 'The address is not validly percent-encoded' } });
    const long = await admin({ url: `/api/places/${'x'.repeat(3000)}` });
    expect(long.statusCode).toBe(414);
    expect(long.json()).toMatchObject({ code: 'url_too_long', message: { zh: '请求地址过长' } });
  });
});

describe('over a real connection', () => {
  let t: TestApp;
  let port: number;
  let cookie: string;
  let compoundId: string;

  /** One raw HTTP exchange, as Node's parser sees it (inject skips the parser). */
  const exchange = (options: http.RequestOptions, body?: Buffer) => new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    // A connection of its own each time, so one refusal (431 closes it) cannot spoil the next exchange.
    const req = http.request({ host: '127.0.0.1', port, agent: false, ...options }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'beijiang', password: 'OneGrid!2026' } });
    cookie = `onegrid_session=${login.cookies.find((c) => c.name === 'onegrid_session')!.value}`;
    compoundId = (await demandTarget(t)).compound.id;
  });
  afterAll(() => t.close());

  it('answers headers over 16 KB with 431 in the API’s shape, not Node’s or Fastify’s', async () => {
    const res = await exchange({ path: '/api/health', headers: { 'x-padding': 'x'.repeat(20 * 1024) } });
    expect(res.status).toBe(431);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(res.body)).toEqual({ code: 'headers_too_large', field: null, message: { zh: '请求头过大', en: 'The request headers are too large' } });
  });

  it('answers a roster above 10 MB with 413 and the limit, and writes nothing', async () => {
    const before = Number((await t.ctx.handle.db.selectFrom('residents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const { payload, headers } = multipartFile(Buffer.alloc(12 * 1024 * 1024, 7));
    const res = await exchange({ method: 'POST', path: `/api/places/${compoundId}/roster`, headers: { ...headers, cookie, 'content-length': payload.length } }, payload);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual({ code: 'too_large', field: 'file', message: { zh: '文件不能超过 10 MB', en: 'The file may be at most 10 MB' } });
    // The same bytes sent as another body type: refused by its type, or by the body limit, still in the API's shape.
    for (const type of ['application/json', 'application/octet-stream']) {
      const raw = await exchange({ method: 'POST', path: `/api/places/${compoundId}/roster`, headers: { cookie, 'content-type': type, 'content-length': payload.length } }, payload);
      expect([413, 415], `${type}: ${raw.status} ${raw.body}`).toContain(raw.status);
      expect(JSON.parse(raw.body)).toMatchObject({ code: raw.status === 413 ? 'too_large' : 'unsupported_media_type', message: { zh: expect.any(String), en: expect.any(String) } });
    }
    expect(Number((await t.ctx.handle.db.selectFrom('residents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(before);
  });
});
