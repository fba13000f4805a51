import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { MAX_FAILED_LOGINS } from './commands/sign-in.js';

describe('sign-in, sessions and web security', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

  it('answers health with the database in use', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', database: t.ctx.handle.dialect });
  });

  it('sets an HttpOnly SameSite=Lax cookie, Secure behind TLS', async () => {
    const res = await login('admin', 'OneGrid!2026');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'onegrid_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    const tls = await login('admin', 'OneGrid!2026', { 'x-forwarded-proto': 'https' });
    expect(tls.cookies.find((c) => c.name === 'onegrid_session')!.secure).toBe(true);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('gives the user, roles with places and abilities on /api/me, and 401 without a session', async () => {
    expect((await t.app.inject({ url: '/api/me' })).statusCode).toBe(401);
    const as = await t.as('grid1');
    const me = (await as({ url: '/api/me' })).json();
    expect(me.user.username).toBe('grid1');
    expect(me.roles).toEqual([expect.objectContaining({ role: 'grid_worker', placeName: '北江社区第1网格', placeLevel: 'grid' })]);
    expect(me.abilities.place).toContain('update');
    expect(me.abilities.user).toEqual([]);
    expect(me.abilities.audit).toEqual(['timeline']);
  });

  it('answers wrong credentials with 401 and the error shape, and locks after repeated failures', async () => {
    const bad = await login('grid2', 'wrong-password');
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toEqual({ code: 'bad_credentials', field: 'password', message: { zh: '用户名或密码错误', en: 'Wrong username or password' } });
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) await login('grid2', 'wrong-password');
    const locked = await login('grid2', 'OneGrid!2026');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('account_locked');
    const events = await t.ctx.handle.db.selectFrom('events').select('action').where('entity_type', '=', 'user')
      .where('action', 'in', ['lock', 'sign_in_failed']).execute();
    expect(events.filter((e) => e.action === 'lock')).toHaveLength(1);
  });

  it('rate-limits sign-in attempts per address', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.9' };
    const codes: number[] = [];
    for (let i = 0; i < 22; i++) codes.push((await login('nobody', 'x', headers)).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });

  it('refuses a state-changing request from another origin', async () => {
    const as = await t.as('beijiang');
    const res = await as({ method: 'POST', url: '/api/auth/logout', headers: { origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('cross_origin');
    expect((await as({ url: '/api/me' })).statusCode).toBe(200);
    const same = await as({ method: 'POST', url: '/api/auth/logout', headers: { origin: 'http://localhost:3000', host: 'localhost:3000' } });
    expect(same.statusCode).toBe(200);
  });

  it('signs out and changes the password, ending other sessions', async () => {
    const first = await t.as('xinan');
    const second = await t.as('xinan');
    const bad = await first({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'nope', newPassword: 'NewPass!2026' } });
    expect(bad.statusCode).toBe(422);
    const short = await first({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'OneGrid!2026', newPassword: 'short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ code: 'invalid_input', field: 'newPassword', message: { zh: '密码至少 8 位' } });
    const ok = await first({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'OneGrid!2026', newPassword: 'NewPass!2026' } });
    expect(ok.statusCode).toBe(200);
    expect((await second({ url: '/api/me' })).statusCode).toBe(401);
    expect((await first({ url: '/api/me' })).statusCode).toBe(200);
    expect((await login('xinan', 'OneGrid!2026')).statusCode).toBe(401);
    const again = await t.as('xinan', 'NewPass!2026');
    await again({ method: 'POST', url: '/api/auth/logout' });
    expect((await again({ url: '/api/me' })).statusCode).toBe(401);
  });

  it('serves the OpenAPI description of every route', async () => {
    const doc = (await t.app.inject({ url: '/openapi.json' })).json();
    const routes = t.app.printRoutes({ commonPrefix: false });
    for (const p of ['/api/places/{id}', '/api/places/{id}/move', '/api/residents/{id}/reveal', '/api/audit', '/api/users', '/api/auth/login', '/api/households/{id}']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    expect(routes).toContain('places');
    expect((await t.app.inject({ url: '/docs/' })).statusCode).toBe(200);
  });
});

describe('sign-in rate limit shared through Redis', () => {
  it('counts attempts across two app processes when REDIS_URL is set', async () => {
    const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const a = await createTestApp({ seed: false });
    const appB = await (await import('../../app.js')).buildApp({ ...a.ctx, config: { ...a.ctx.config, redisUrl } }, { serveWeb: false });
    const appA = await (await import('../../app.js')).buildApp({ ...a.ctx, config: { ...a.ctx.config, redisUrl } }, { serveWeb: false });
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const codes: number[] = [];
    for (let i = 0; i < 22; i++) {
      const app = i % 2 ? appA : appB;
      codes.push((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' }, headers: { 'x-forwarded-for': ip } })).statusCode);
    }
    expect(codes.filter((c) => c === 429).length).toBe(2);
    await appA.close();
    await appB.close();
    await a.close();
  });
});
