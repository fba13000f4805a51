import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { lastCodeFor } from './test-support.js';

describe('resident sign-in by SMS code', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  afterEach(() => vi.useRealTimers());
  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload });
  const login = (phone: string, code: string | undefined) => post('/api/h5/login', { phone, code });

  it('signs in with the code sent by SMS, stores only a hash of it, and signs out again', async () => {
    const sent = await post('/api/h5/code', { phone: '13900000001' });
    expect(sent.statusCode).toBe(200);
    const code = lastCodeFor('13900000001')!;
    expect(code).toMatch(/^\d{6}$/);
    const row = await t.ctx.handle.db.selectFrom('one_time_codes').selectAll().orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(code);
    expect(JSON.stringify(row)).not.toContain('13900000001');

    const res = await login('13900000001', code);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ phoneMasked: '139****0001' });
    const cookie = res.cookies.find((c) => c.name === 'onegrid_resident')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const session = await t.ctx.handle.db.selectFrom('resident_sessions').selectAll().executeTakeFirstOrThrow();
    expect(session.id).not.toBe(cookie.value);
    expect(session.phone_masked).toBe('139****0001');

    const me = () => t.app.inject({ url: '/api/h5/me', cookies: { onegrid_resident: cookie.value } });
    expect((await me()).json()).toEqual({ phoneMasked: '139****0001' });
    expect((await login('13900000001', code)).json().code).toBe('code_invalid');
    await t.app.inject({ method: 'POST', url: '/api/h5/logout', cookies: { onegrid_resident: cookie.value } });
    expect((await me()).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/h5/me' })).statusCode).toBe(401);
  });

  it('counts five wrong tries, then refuses even the right code until a new one is sent', async () => {
    const sessions = async () => (await t.ctx.handle.db.selectFrom('resident_sessions').selectAll().execute()).length;
    const before = await sessions();
    await post('/api/h5/code', { phone: '13900000002' });
    const code = lastCodeFor('13900000002')!;
    const wrong = code === '000000' ? '111111' : '000000';
    for (const left of [4, 3, 2, 1, 0]) {
      const res = await login('13900000002', wrong);
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'code_wrong', field: 'code', attemptsLeft: left });
    }
    expect((await login('13900000002', code)).json().code).toBe('code_locked');
    expect(await sessions()).toBe(before);
  });

  it('refuses a code after five minutes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-03-01T08:00:00Z'));
    await post('/api/h5/code', { phone: '13900000003' });
    vi.setSystemTime(new Date('2030-03-01T08:05:01Z'));
    expect((await login('13900000003', lastCodeFor('13900000003'))).json().code).toBe('code_expired');
  });

  it('sends one code a minute and five an hour to a phone; a new code replaces the old one', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const at = (minute: number) => vi.setSystemTime(new Date(Date.UTC(2030, 3, 1, 8, minute, 0)));
    at(0);
    expect((await post('/api/h5/code', { phone: '13900000004' })).statusCode).toBe(200);
    const again = await post('/api/h5/code', { phone: '13900000004' });
    expect(again.statusCode).toBe(429);
    expect(again.json()).toMatchObject({ code: 'code_rate_limited', field: 'phone' });
    expect((await post('/api/h5/code', { phone: '13900000005' })).statusCode).toBe(200);
    at(2);
    expect((await post('/api/h5/code', { phone: '13900000004' })).statusCode).toBe(200);
    const older = lastCodeFor('13900000004')!;
    at(4);
    expect((await post('/api/h5/code', { phone: '13900000004' })).statusCode).toBe(200);
    const newer = lastCodeFor('13900000004')!;
    if (older !== newer) expect((await login('13900000004', older)).json().code).toBe('code_wrong');
    expect((await login('13900000004', newer)).statusCode).toBe(200);
    at(6);
    expect((await post('/api/h5/code', { phone: '13900000004' })).statusCode).toBe(200);
    at(30);
    expect((await post('/api/h5/code', { phone: '13900000004' })).statusCode).toBe(200);
    at(40);
    expect((await post('/api/h5/code', { phone: '13900000004' })).json().code).toBe('code_rate_limited');
    at(61);
    expect((await post('/api/h5/code', { phone: '13900000004' })).statusCode).toBe(200);
  });

  it('sends one code to a phone however many ask for it at once, from however many addresses', async () => {
    const phone = '13900000010';
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      t.app.inject({ method: 'POST', url: '/api/h5/code', payload: { phone }, remoteAddress: `198.51.100.${i + 1}` })));
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200), codes.join()).toHaveLength(1);
    expect(answers.filter((r) => r.statusCode !== 200).every((r) => r.statusCode === 429 && r.json().code === 'code_rate_limited')).toBe(true);
    const rows = await t.ctx.handle.db.selectFrom('one_time_codes').select('id').where('phone_index', '=', t.ctx.cipher.blindIndex(phone)).execute();
    expect(rows).toHaveLength(1);
  });

  it('sends at most 60 codes an hour to one address, whatever the phones, and X-Forwarded-For changes nothing', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const at = (minute: number) => vi.setSystemTime(new Date(Date.UTC(2030, 5, 1, 8, minute, 0)));
    let n = 0;
    const send = () => t.app.inject({ method: 'POST', url: '/api/h5/code', payload: { phone: `137${String(++n).padStart(8, '0')}` },
      remoteAddress: '203.0.113.60', headers: { 'x-forwarded-for': `192.0.2.${n % 250}` } });
    const codes: number[] = [];
    for (const minute of [0, 2, 4]) {
      at(minute);
      for (let i = 0; i < 20; i++) codes.push((await send()).statusCode);
    }
    expect(codes.every((c) => c === 200), codes.join()).toBe(true);
    at(6);
    const over = await send();
    expect(over.statusCode).toBe(429);
    expect(over.json()).toMatchObject({ code: 'code_rate_limited', field: 'phone', message: { zh: expect.any(String), en: expect.any(String) } });
    at(61);
    expect((await send()).statusCode).toBe(200);
  });

  it('answers 400 with a bilingual message for a number that is not a mobile', async () => {
    const res = await post('/api/h5/code', { phone: '0757-87654321' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'phone', message: { zh: '请输入11位手机号码', en: 'Enter an 11-digit mobile number' } });
  });
});
