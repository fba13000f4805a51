import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { MAX_FAILED_LOGINS } from './commands/sign-in.js';
import { loadConfig } from '../../config.js';

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
    // X-Forwarded-Proto counts only from a proxy TRUST_PROXY names (inject's requests come from 127.0.0.1).
    const claimed = await login('admin', 'OneGrid!2026', { 'x-forwarded-proto': 'https' });
    expect(claimed.cookies.find((c) => c.name === 'onegrid_session')!.secure).toBeFalsy();
    const proxied = await (await import('../../app.js')).buildApp({ ...t.ctx, config: { ...t.ctx.config, trustProxy: ['127.0.0.1'] } }, { serveWeb: false });
    const tls = await proxied.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'OneGrid!2026' }, headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.cookies.find((c) => c.name === 'onegrid_session')!.secure).toBe(true);
    await proxied.close();
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
    expect(bad.json()).toEqual({ code: 'bad_credentials', field: 'password', message: {
      zh: '用户名或密码错误。连续输错 5 次,账号将锁定 15 分钟', en: 'Wrong username or password. 5 failures in a row lock the account for 15 minutes' } });
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) await login('grid2', 'wrong-password');
    // Locked, even the right password is refused, with the same answer as a wrong one (lockout.test.ts has more).
    const locked = await login('grid2', 'OneGrid!2026');
    expect(locked.statusCode).toBe(401);
    expect(locked.json()).toEqual(bad.json());
    const events = await t.ctx.handle.db.selectFrom('events').select('action').where('entity_type', '=', 'user')
      .where('action', 'in', ['lock', 'sign_in_failed']).execute();
    expect(events.filter((e) => e.action === 'lock')).toHaveLength(1);
  });

  const from = (remoteAddress: string, username: string, headers: Record<string, string> = {}, app = t.app) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'x' }, remoteAddress, headers });

  it('rate-limits sign-in attempts per address, whatever X-Forwarded-For the client sends', async () => {
    const codes: number[] = [];
    // Each attempt claims another address and names another user: the connection's address is what counts.
    for (let i = 0; i < 22; i++) codes.push((await from('203.0.113.9', `nobody${i}`, { 'x-forwarded-for': `198.51.100.${i + 1}` })).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 401), codes.join()).toBe(true);
    expect(codes.slice(20)).toEqual([429, 429]);
  }, 120_000);

  it('believes X-Forwarded-For only from the proxies TRUST_PROXY names', async () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    const proxied = await (await import('../../app.js')).buildApp({ ...t.ctx, config: { ...t.ctx.config, trustProxy: ['10.0.0.0/8'] } }, { serveWeb: false });
    try {
      // Through the proxy, each client is counted by the address it forwards.
      const viaProxy: number[] = [];
      for (let i = 0; i < 21; i++) viaProxy.push((await from('10.1.2.3', `proxied${i}`, { 'x-forwarded-for': `198.51.100.${i + 1}` }, proxied)).statusCode);
      expect(viaProxy.every((c) => c === 401), viaProxy.join()).toBe(true);
      // Not from the proxy, the header is only a claim.
      const direct: number[] = [];
      for (let i = 0; i < 21; i++) direct.push((await from('192.0.2.77', `direct${i}`, { 'x-forwarded-for': `198.51.100.${i + 1}` }, proxied)).statusCode);
      expect(direct.at(-1)).toBe(429);
    } finally {
      await proxied.close();
    }
  }, 180_000);

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
      codes.push((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `nobody${i}`, password: 'x' }, remoteAddress: ip })).statusCode);
    }
    expect(codes.filter((c) => c === 429).length).toBe(2);
    await appA.close();
    await appB.close();
    await a.close();
  });
});
