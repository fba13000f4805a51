import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, placeByName, type TestApp } from './harness.js';
import { lastCodeFor } from '../modules/resident-h5/test-support.js';
import { demandTarget, fileOne } from '../modules/work-orders/test-support.js';
import { DEMO_API_KEY } from '../modules/api-keys/test-support.js';
import ExcelJS from 'exceljs';
import { tinyPng } from '../modules/attachments/test-support.js';
import { HOTLINE_COLUMNS } from '../modules/hotline/layout.js';

async function workbook(headers: string[], row: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  ws.addRow(headers);
  ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Every route of /openapi.json gets malformed input in its path parameters, query and body: NUL and other control
 * characters, lone surrogates, over-long strings, wrong types, arrays for scalars, deep objects, bad JSON, wrong
 * content types, broken multipart and cookies. Nothing may answer 5xx, and every 4xx is the API's error shape:
 * `{ code, message: { zh, en } }`, or GeoReport's `[{ code, description }]` on /open311 (its specification fixes it).
 * Signed in as the district admin (the widest scope), anonymously, and as a resident on the /api/h5 routes. The
 * junk strings come from a PRNG with a fixed seed, so a failure reproduces; each failure names its request.
 */

const SEED = 20261124;

/** mulberry32: a small PRNG with a fixed seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(SEED);
/** A short string of code units from the ranges that break things: controls, surrogates, markup, Han, emoji. */
function junk(): string {
  const ranges: [number, number][] = [[0, 0x1f], [0x7f, 0x9f], [0xd800, 0xdfff], [0x20, 0x7e], [0x4e00, 0x4e80], [0xfffe, 0xffff]];
  let s = '';
  for (let i = 0, n = 1 + Math.floor(random() * 12); i < n; i++) {
    const [lo, hi] = ranges[Math.floor(random() * ranges.length)]!;
    s += String.fromCharCode(lo + Math.floor(random() * (hi - lo + 1)));
  }
  return s + (random() < 0.3 ? '\u{1F600}' : '');
}

const LONG = 'x'.repeat(100_000);
const deepObject = (n: number): unknown => {
  let v: unknown = 'leaf';
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
};
/** What each body field (and each array item) is replaced by, one at a time. */
const BAD_VALUES: [string, unknown][] = [
  ['NUL', 'a\u0000b'], ['only NUL', '\u0000'], ['C0 controls', 'a\u0001\u0007\u001b\u000bb'], ['lone surrogate', 'a\ud800b'],
  ['over-long', LONG], ['number', 12345], ['negative', -1], ['huge number', 1e308], ['boolean', true], ['null', null],
  ['array', ['a\u0000', 'b']], ['empty array', []], ['object', { a: 'b' }], ['deep object', deepObject(200)], ['empty string', ''],
];
const BAD_QUERY: [string, string][] = [
  ['NUL', '%00'], ['NUL inside', 'a%00b'], ['C0', '%01%1B'], ['over-long', 'x'.repeat(6000)], ['bad percent', '%E0%A4%A'],
  ['lone surrogate', '%ED%A0%80'], ['percent', '%'], ['negative', '-1'], ['not a number', 'NaN'], ['huge', '1e400'],
  ['bad date', '2026-13-45'], ['empty', ''],
];
const BAD_PATH: [string, string][] = [
  ['NUL', '%00'], ['NUL inside', 'a%00b'], ['C0', 'a%01%1Bb'], ['over-long', 'x'.repeat(3000)], ['bad percent', '%E0%A4%A'],
  ['lone surrogate', '%ED%A0%80'], ['percent', '%25'], ['dots', '..%2F..%2Fetc'], ['space', 'a%20b'], ['Han', '%E5%8C%97'],
];

type Caller = 'admin' | 'anonymous' | 'resident';
interface Route { method: string; path: string; query: Record<string, Schema>; pathParams: string[]; bodySchema?: Schema; public: boolean }
interface Schema { type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; enum?: unknown[];
  pattern?: string; minLength?: number; maxLength?: number; minimum?: number; format?: string; anyOf?: Schema[]; oneOf?: Schema[]; $ref?: string;
  nullable?: boolean; default?: unknown; minItems?: number }

describe('fuzz: no input answers 5xx', () => {
  let t: TestApp;
  const sessions: Partial<Record<Caller, Record<string, string>>> = {};
  const ids: Record<string, string> = {};
  const files: Record<string, Buffer> = {};
  const failures: string[] = [];
  let sent = 0;
  /** How each route answered the well-formed request the cases are made from (FUZZ_VERBOSE=1 prints it). */
  const baseline: string[] = [];
  let ip = 0;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.ctx.handle.db;
    const login = async (username: string) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'OneGrid!2026' } });
      return { onegrid_session: res.cookies.find((c) => c.name === 'onegrid_session')!.value };
    };
    sessions.admin = await login('admin');
    sessions.anonymous = {};
    const phone = '13912345679';
    expect((await t.app.inject({ method: 'POST', url: '/api/h5/code', payload: { phone } })).statusCode).toBe(200);
    const signedIn = await t.app.inject({ method: 'POST', url: '/api/h5/login', payload: { phone, code: lastCodeFor(phone) } });
    sessions.resident = { onegrid_resident: signedIn.cookies.find((c) => c.name === 'onegrid_resident')!.value };

    const { compound, category, grid } = await demandTarget(t);
    const building = await db.selectFrom('places').selectAll().where('parent_id', '=', compound.id).executeTakeFirstOrThrow();
    const household = await db.selectFrom('places').selectAll().where('parent_id', '=', building.id).executeTakeFirstOrThrow();
    const residentRow = await db.selectFrom('residents').selectAll().where('place_id', '=', household.id).executeTakeFirstOrThrow();
    const community = await placeByName(t, '北江社区');
    const grid2 = await db.selectFrom('users').select('id').where('username', '=', 'grid2').executeTakeFirstOrThrow();
    const unit = await db.selectFrom('units').select('id').executeTakeFirstOrThrow();
    const admin = (o: InjectOptions) => t.app.inject({ ...o, cookies: sessions.admin });
    const order = await fileOne(admin, t, { channel: 'hotline_12345', externalNo: 'FUZZ-0001' });
    const announcement = (await admin({ method: 'POST', url: '/api/announcements', payload: { title: '停水通知', body: '明日停水', placeId: community.id } })).json();
    const key = (await admin({ method: 'POST', url: '/api/api-keys', payload: { name: '模糊测试密钥' } })).json();
    // The fuzz edits (and may deactivate) a category of its own; the others keep filing on street-light.
    const ownCategory = (await admin({ method: 'POST', url: '/api/categories', payload: { code: 'fuzz-only', name: '模糊测试分类', groupName: '测试' } })).json();
    const street = await placeByName(t, '西南街道');
    const district = await db.selectFrom('places').select('id').where('level', '=', 'district').executeTakeFirstOrThrow();
    const otherGrid = await placeByName(t, '北江社区第2网格');
    files.roster = await workbook(['楼栋', '房号', '姓名', '性别', '与户主关系', '手机号', '身份证号'], ['9栋', '901', '模糊', '男', '户主', '13800001111', '']);
    files.hotline = await workbook(HOTLINE_COLUMNS.map((c) => c.header), HOTLINE_COLUMNS.map((c) => ({
      externalNo: 'FUZZ-XLSX-1', receivedAt: '2026-11-20 09:30:00', demandType: '投诉', category: 'street-light', community: String(community.code), title: '路灯不亮', description: '路灯坏了',
    } as Record<string, string>)[c.key] ?? ''));
    Object.assign(ids, {
      street: street.id, district: district.id, otherGrid: otherGrid.id, ownCategory: ownCategory.id,
      compound: compound.id, building: building.id, household: household.id, resident: residentRow.id, grid: grid.id, community: community.id,
      category: category.id, categoryCode: category.code, user: grid2.id, unit: unit.id, order: order.id, trackingNo: order.trackingNo,
      announcement: announcement.id, apiKey: key.id ?? key.key?.id ?? 'nokey',
    });
  });
  afterAll(() => t?.close());

  /** A real record for each path, so the malformed body reaches the command behind the route. */
  function pathValue(path: string, param: string): string {
    if (param === 'file') {
      if (path.includes('/services/')) return `${ids.categoryCode}.json`;
      if (path.includes('/requests/')) return `${ids.trackingNo}.json`;
      return `${ids.order}.json`;
    }
    if (param === 'day') return '2026-12-25';
    if (param === 'entityType') return 'work_order';
    if (param === 'entityId' || param === 'photoId') return ids.order!;
    if (path.startsWith('/api/residents/')) return ids.resident!;
    if (path.startsWith('/api/households/')) return ids.household!;
    if (path.startsWith('/api/users/')) return ids.user!;
    if (path.startsWith('/api/categories/')) return ids.ownCategory!;
    if (path.startsWith('/api/work-orders/') || path.startsWith('/api/h5/demands/')) return ids.order!;
    if (path.includes('/announcements/')) return ids.announcement!;
    if (path.startsWith('/api/api-keys/')) return ids.apiKey!;
    return ids.compound!;
  }

  /** A value the schema takes, with real ids for the id fields. */
  function sample(s: Schema | undefined, name: string, spec: { components?: { schemas?: Record<string, Schema> } }, path = ''): unknown {
    if (!s) return 'x';
    if (s.$ref) return sample(spec.components?.schemas?.[s.$ref.split('/').pop()!], name, spec, path);
    if (s.anyOf ?? s.oneOf) return sample((s.anyOf ?? s.oneOf)![0], name, spec, path);
    if (s.enum) return s.enum[0];
    const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
    if (type === 'object' || s.properties) {
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, sample(v, k, spec, path)]));
    }
    if (type === 'array') return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sample(s.items, name, spec, path));
    if (type === 'integer' || type === 'number') return Math.max(1, s.minimum ?? 1);
    if (type === 'boolean') return false;
    // Where a place is asked for, the level the route takes: a user's first role is district_admin, a key goes to a street.
    const placeFor = path.startsWith('/api/users') ? ids.district : path.startsWith('/api/api-keys') || path.startsWith('/api/hotline') ? ids.street
      : path.startsWith('/api/announcements') || path.startsWith('/api/rates') ? ids.community : ids.compound;
    const byName: Record<string, string | undefined> = {
      placeId: placeFor, parentId: path.startsWith('/api/rates') ? ids.street : ids.community, newParentId: ids.otherGrid, officeId: ids.community,
      householdId: ids.household, categoryId: ids.category, unitId: ids.unit, defaultUnitId: ids.unit, id: ids.user, intoId: ids.order,
      requestId: ids.order, unitIds: ids.unit, idNumber: '11010519491231002X', phone: '13800138000', month: '2026-10', until: '2026-10', q: '北江',
    };
    if (byName[name]) return byName[name];
    if (s.format === 'date-time') return new Date().toISOString();
    const candidates = ['13800138000', '123456', '2026-10', '2026-11-24', 'abc_1', 'zh-CN', '11010519491231002X', '夜间施工噪音扰民'];
    const fits = (c: string) => (!s.pattern || new RegExp(s.pattern).test(c)) && c.length >= (s.minLength ?? 0) && c.length <= (s.maxLength ?? Infinity);
    return candidates.find(fits) ?? 'x'.repeat(Math.max(2, s.minLength ?? 2));
  }

  /** The version of the record a path names now (a route without one: 1). */
  async function versionOf(path: string, id: string | undefined): Promise<number> {
    const table = ([['/api/work-orders/', 'work_orders'], ['/api/announcements/', 'announcements'], ['/api/places/', 'places'], ['/api/residents/', 'residents'],
      ['/api/users/', 'users'], ['/api/categories/', 'categories']] as const).find(([prefix]) => path.startsWith(prefix))?.[1];
    if (!table || !id) return 1;
    const row = await t.ctx.handle.db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirst();
    return row?.version ?? 1;
  }

  /** Paths to every leaf of a sample body: `['roles', 0, 'placeId']`. */
  function leaves(v: unknown, at: (string | number)[] = []): (string | number)[][] {
    if (Array.isArray(v)) return [at, ...v.flatMap((x, i) => leaves(x, [...at, i]))];
    if (v && typeof v === 'object') return [...(at.length ? [at] : []), ...Object.entries(v).flatMap(([k, x]) => leaves(x, [...at, k]))];
    return [at];
  }
  function replaced(body: unknown, path: (string | number)[], value: unknown): unknown {
    if (!path.length) return value;
    const copy: any = Array.isArray(body) ? [...body] : { ...(body as object) };
    copy[path[0]!] = replaced(copy[path[0]!], path.slice(1), value);
    return copy;
  }

  const isOpen311 = (url: string) => url.startsWith('/open311/');

  function check(route: Route, caller: Caller, what: string, opts: InjectOptions, res: LightMyRequestResponse) {
    const name = `${caller} ${route.method} ${route.path} — ${what} → ${res.statusCode}`;
    if (res.statusCode >= 500) return void failures.push(`${name}: ${res.body.slice(0, 300)}`);
    if (res.statusCode < 400) return;
    // A path the router cannot decode (or too long for it) is refused before any route, Open311's included, in the API's shape.
    const beforeRouting = (res.statusCode === 400 || res.statusCode === 414) && /^\{"code":"(bad_url|url_too_long)"/.test(res.body);
    if (isOpen311(String(opts.url)) && !beforeRouting) {
      const shaped = /\.json(\?|$)/.test(String(opts.url).split('?')[0]!)
        ? (() => { try { const b = JSON.parse(res.body); return Array.isArray(b) && typeof b[0]?.code === 'number' && typeof b[0]?.description === 'string'; } catch { return false; } })()
        : /<errors>\s*<error>\s*<code>\d{3}<\/code>\s*<description>[^<]*<\/description>/.test(res.body);
      if (!shaped) failures.push(`${name}: not a GeoReport error: ${res.body.slice(0, 200)}`);
      return;
    }
    let body: any;
    try {
      body = JSON.parse(res.body);
    } catch {
      return void failures.push(`${name}: not JSON: ${res.body.slice(0, 200)}`);
    }
    if (typeof body?.code !== 'string' || typeof body?.message?.zh !== 'string' || typeof body?.message?.en !== 'string' || !body.message.zh || !body.message.en) {
      failures.push(`${name}: not { code, message: { zh, en } }: ${res.body.slice(0, 200)}`);
    }
  }

  async function send(route: Route, caller: Caller, what: string, opts: InjectOptions) {
    const n = ++ip;
    const full: InjectOptions = {
      ...opts, method: route.method as InjectOptions['method'],
      // Each request from its own address, so the sign-in and code limits do not turn every case into 429.
      remoteAddress: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      cookies: { ...sessions[caller], ...(opts.cookies ?? {}) },
    };
    sent++;
    let res: LightMyRequestResponse;
    try {
      res = await t.app.inject(full);
    } catch (error) {
      failures.push(`${caller} ${route.method} ${route.path} — ${what}: inject threw ${(error as Error).message}`);
      return;
    }
    if (what === 'as given' || what === 'form as given' || what === 'multipart as given') baseline.push(`${res.statusCode} ${caller} ${route.method} ${route.path} (${what}) ${res.statusCode >= 300 ? res.body.slice(0, 160) : ''}`);
    check(route, caller, what, full, res);
  }

  const form = (fields: Record<string, unknown>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, typeof x === 'string' ? x : JSON.stringify(x));
    return p.toString();
  };
  const multipart = (fields: Record<string, unknown>, file?: { name: string; filename: string; data: Buffer }) => {
    const b = 'fuzzboundary';
    const parts: Buffer[] = Object.entries(fields).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) =>
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${typeof x === 'string' ? x : JSON.stringify(x)}\r\n`)));
    const type = file?.filename.endsWith('.png') ? 'image/png' : 'application/octet-stream';
    if (file) parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${type}\r\n\r\n`), file.data, Buffer.from('\r\n'));
    parts.push(Buffer.from(`--${b}--\r\n`));
    return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
  };

  /** Open311 and the multipart routes take fields the OpenAPI description does not list. */
  function formFields(route: Route): Record<string, unknown> | null {
    if (isOpen311(route.path)) {
      const base = { jurisdiction_id: '440607', service_request_id: ids.trackingNo, status: 'open', start_date: '2026-01-01T00:00:00Z' };
      if (route.method !== 'POST') return base;
      return route.path.includes('servicerequestupdates')
        ? { ...base, api_key: DEMO_API_KEY, service_request_id: ids.trackingNo, description: '还没修好', first_name: '李', email: 'a@b.cn' }
        : { ...base, api_key: DEMO_API_KEY, service_code: ids.categoryCode, description: '路灯不亮', 'attribute[community]': '北江社区', address_string: '健康路', phone: '13800138000', media_url: 'https://example.org/a.jpg', lat: '23.1', long: '112.9' };
    }
    if (route.path === '/api/h5/demands') return { categoryId: ids.category, placeId: ids.compound, title: '路灯不亮', description: '3栋门口路灯坏了' };
    if (route.path.endsWith('/photos') && route.method === 'POST') return { version: '1', stage: 'resolve' };
    if (route.path === '/api/places/{id}/roster' || route.path === '/api/hotline/import') return {};
    return null;
  }

  async function fuzzRoute(route: Route, caller: Caller, spec: any, full: boolean) {
    const params = Object.fromEntries(route.pathParams.map((p) => [p, pathValue(route.path, p)]));
    const hasBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
    const fields = formFields(route);
    // The query the route takes, every parameter filled; each case changes one of them (given already encoded).
    const query: Record<string, string> = {
      ...Object.fromEntries(Object.entries(route.query).map(([q, schema]) => [q, String(sample(schema, q, spec, route.path))])),
      ...(fields && !hasBody ? (fields as Record<string, string>) : {}),
    };
    const queryWith = (name?: string, raw?: string) => Object.entries(query)
      .map(([k, v]) => `${encodeURIComponent(k)}=${k === name ? raw : encodeURIComponent(v)}`).join('&');
    const urlOf = (over: Record<string, string> = {}, q = queryWith()) =>
      route.path.replace(/\{(\w+)\}/g, (_, p: string) => over[p] ?? encodeURIComponent(params[p]!)) + (q ? `?${q}` : '');
    const body = route.bodySchema ? sample(route.bodySchema, '', spec, route.path) : undefined;
    // The record's current version, so a step's body gets past the version check to its own work.
    if (body && typeof body === 'object' && 'version' in body) (body as { version: number }).version = await versionOf(route.path, params.id);
    const json = (payload: unknown) => ({ payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } });

    await send(route, caller, 'as given', { url: urlOf(), ...(hasBody && body !== undefined ? json(body) : {}) });
    // A session cookie that is no token; then the body must not be reached.
    await send(route, caller, 'NUL in the session cookies', { url: urlOf(), cookies: { onegrid_session: 'a\u0000b', onegrid_resident: '%00' } });
    for (const p of route.pathParams) {
      for (const [what, v] of full ? BAD_PATH : BAD_PATH.slice(0, 2)) {
        const value = p === 'file' ? `${v}.json` : v;
        await send(route, caller, `path ${p} ${what}`, { url: urlOf({ [p]: value }), ...(hasBody && body !== undefined ? json(body) : {}) });
      }
    }
    for (const q of Object.keys(query)) {
      for (const [what, v] of full ? BAD_QUERY : BAD_QUERY.slice(0, 2)) await send(route, caller, `query ${q} ${what}`, { url: urlOf({}, queryWith(q, v)) });
      await send(route, caller, `query ${q} twice`, { url: urlOf({}, `${queryWith()}&${encodeURIComponent(q)}=b%00`) });
      await send(route, caller, `query ${q}[] brackets`, { url: urlOf({}, `${queryWith()}&${encodeURIComponent(q)}[a]=b&${encodeURIComponent(q)}[]=%00`) });
    }
    // A parameter no route declares, and a query string that is only noise.
    await send(route, caller, 'unknown query with NUL', { url: urlOf({}, 'zz=%00&%00=1&&=&q') });
    if (!hasBody) return;

    if (body !== undefined) {
      for (const leaf of leaves(body)) {
        for (const [what, v] of full ? BAD_VALUES : BAD_VALUES.slice(0, 3)) {
          await send(route, caller, `body ${leaf.join('.') || '(whole)'} ${what}`, { url: urlOf(), ...json(replaced(body, leaf, v)) });
        }
      }
      await send(route, caller, 'body NUL in a key', { url: urlOf(), ...json({ ...(body as object), 'a\u0000': 'b' }) });
      await send(route, caller, 'body junk strings', { url: urlOf(), ...json(Object.fromEntries(Object.keys(body as object).map((k) => [k, junk()]))) });
    }
    if (fields) {
      const file = route.path.endsWith('/photos') || route.path === '/api/h5/demands'
        ? { name: 'photos', filename: 'a.png', data: tinyPng() }
        : route.path.startsWith('/open311') ? undefined : { name: 'file', filename: 'upload.xlsx', data: route.path.includes('hotline') ? files.hotline! : files.roster! };
      await send(route, caller, 'form as given', { url: urlOf(), payload: form(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      await send(route, caller, 'multipart as given', { url: urlOf(), ...multipart(fields, file) });
      for (const k of Object.keys(fields)) {
        for (const [what, v] of full ? BAD_VALUES.filter(([, x]) => typeof x === 'string' || Array.isArray(x)) : BAD_VALUES.slice(0, 3)) {
          const over = { ...fields, [k]: v };
          await send(route, caller, `form ${k} ${what}`, { url: urlOf(), payload: form(over), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
          await send(route, caller, `multipart ${k} ${what}`, { url: urlOf(), ...multipart(over, file) });
        }
      }
      if (file) {
        await send(route, caller, 'multipart file name with NUL', { url: urlOf(), ...multipart(fields, { ...file, filename: 'a\u0000.xlsx' }) });
        await send(route, caller, 'multipart empty file', { url: urlOf(), ...multipart(fields, { ...file, data: Buffer.alloc(0) }) });
        await send(route, caller, 'multipart JSON file with NUL', { url: urlOf(), ...multipart(fields, { ...file, filename: 'a.json', data: Buffer.from('[{"externalNo":"a\\u0000"}]') }) });
      }
    }
    const raw = (what: string, contentType: string | undefined, payload: string | Buffer) =>
      send(route, caller, what, { url: urlOf(), payload, headers: contentType ? { 'content-type': contentType } : {} });
    await raw('bad JSON', 'application/json', '{"a":');
    await raw('JSON NUL byte', 'application/json', '\u0000');
    await raw('empty JSON', 'application/json', '');
    await raw('JSON array', 'application/json', '[1,"\\u0000",null]');
    await raw('JSON string', 'application/json', '"\\u0000"');
    await raw('JSON null', 'application/json', 'null');
    await raw('prototype poisoning', 'application/json', '{"__proto__":{"x":1},"constructor":{"prototype":{"y":1}}}');
    if (full) {
      await raw('deeply nested JSON', 'application/json', '['.repeat(50_000) + ']'.repeat(50_000));
      await raw('JSON above the body limit', 'application/json', JSON.stringify({ a: 'x'.repeat(1024 * 1024 + 10) }));
      await raw('JSON in latin1', 'application/json; charset=latin1', '{"a":"\u00e9"}');
      await raw('text/plain', 'text/plain', 'hello\u0000');
      await raw('XML', 'application/xml', '<?xml version="1.0"?><a>&#0;</a>');
      await raw('unknown content type', 'application/x-nonsense', 'x');
      await raw('no content type', undefined, 'x');
      await raw('form-encoded', 'application/x-www-form-urlencoded', 'a=%00&b=%E0%A4%A&c');
      await raw('multipart without a boundary', 'multipart/form-data', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n');
      await raw('multipart with a wrong boundary', 'multipart/form-data; boundary=yy', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n');
      await raw('multipart cut short', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb');
      await raw('multipart NUL field name', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a\u0000"\r\n\r\n\u0000\r\n--x--\r\n');
    }
  }

  it('answers every malformed request to every route with a shaped 4xx, never 5xx', async () => {
    const spec = (await t.app.inject({ url: '/openapi.json' })).json();
    const routes: Route[] = Object.entries<any>(spec.paths).flatMap(([path, ops]) => Object.entries<any>(ops).map(([method, op]) => ({
      method: method.toUpperCase(), path,
      query: Object.fromEntries((op.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => [p.name, p.schema ?? {}])),
      pathParams: (op.parameters ?? []).filter((p: any) => p.in === 'path').map((p: any) => p.name),
      bodySchema: op.requestBody?.content?.['application/json']?.schema,
      public: Array.isArray(op.security) && op.security.length === 0,
    })));
    expect(routes.length).toBeGreaterThan(100);
    // Signing out last: the admin's session has to last through the rest.
    const last = (r: Route) => (r.path.endsWith('/logout') ? 2 : r.path === '/api/auth/password' ? 1 : 0);
    routes.sort((a, b) => last(a) - last(b));
    const started = Date.now();
    for (const route of routes) {
      const resident = route.path.startsWith('/api/h5/');
      const callers: Caller[] = route.public ? (resident ? ['resident', 'anonymous'] : ['anonymous']) : ['admin', 'anonymous'];
      for (const [i, caller] of callers.entries()) await fuzzRoute(route, caller, spec, i === 0);
    }
    if (process.env.FUZZ_VERBOSE) console.log(baseline.join('\n'));
    console.log(`fuzz: ${routes.length} routes, ${sent} requests in ${Date.now() - started} ms, seed ${SEED}`);
    expect(failures).toEqual([]);
  }, 240_000);
});
