import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { newId } from '../core/ids.js';
import { startJobs } from '../core/jobs.js';
import { purgeExpired, purgeJob } from '../core/purge.js';
import { createTestApp, type TestApp } from './harness.js';
import { asResident } from '../modules/resident-h5/test-support.js';

describe('purging the expiring rows the modules declare: one-time codes, resident sessions and staff sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  afterEach(() => vi.useRealTimers());

  const db = () => t.ctx.handle.db;
  const at = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();
  const MIN = 60_000;
  const addSession = async (expiresAt: string) => {
    const id = newId();
    await db().insertInto('resident_sessions').values({
      id, phone_index: t.ctx.cipher.blindIndex('13500000000'), phone_enc: t.ctx.cipher.encrypt('13500000000'), phone_masked: '135****0000',
      created_at: expiresAt, expires_at: expiresAt,
    }).execute();
    return id;
  };
  const addCode = async (createdAt: string, expiresAt: string) => {
    const id = newId();
    await db().insertInto('one_time_codes').values({
      id, phone_index: t.ctx.cipher.blindIndex('13500000000'), code_hash: 'x', attempts: 0, expires_at: expiresAt, used_at: null, created_at: createdAt,
    }).execute();
    return id;
  };
  const addStaffSession = async (expiresAt: string) => {
    const id = newId();
    const user = await db().selectFrom('users').select('id').where('username', '=', 'grid1').executeTakeFirstOrThrow();
    await db().insertInto('sessions').values({ id, user_id: user.id, created_at: expiresAt, expires_at: expiresAt }).execute();
    return id;
  };
  const ids = async (table: 'one_time_codes' | 'resident_sessions' | 'sessions') => (await db().selectFrom(table).select('id').execute()).map((r) => r.id).sort();

  it('deletes expired sessions, and codes an hour past their expiry, in batches; live ones stay and still work', async () => {
    const resident = await asResident(t, '13500000001');
    await t.app.inject({ method: 'POST', url: '/api/h5/code', payload: { phone: '13500000002' } });
    const now = new Date();
    const liveSessions = [...(await ids('resident_sessions')), await addSession(at(now, 0)), await addSession(at(now, 86400_000))];
    const liveCodes = [
      ...(await ids('one_time_codes')),
      await addCode(at(now, -20 * MIN), at(now, -15 * MIN)), // expired, but counts against the phone's hourly limit
      await addCode(at(now, -MIN), at(now, 4 * MIN)),
    ];
    const staff = await t.as('grid1');
    const liveStaff = await ids('sessions');
    for (let i = 1; i <= 5; i++) await addSession(at(now, -i * 86400_000));
    for (let i = 0; i < 4; i++) await addCode(at(now, -(125 + i) * MIN), at(now, -(120 + i) * MIN));
    for (let i = 1; i <= 3; i++) await addStaffSession(at(now, -i * MIN));
    // A phone's claim on sending goes a minute after its send; the two phones above claimed theirs just now.
    await db().insertInto('one_time_code_gates').values({ id: 'stale-phone-index', sent_at: at(now, -2 * MIN), expires_at: at(now, -MIN) }).execute();

    expect(await purgeExpired(db(), now, 2)).toEqual({ one_time_codes: 4, one_time_code_gates: 1, resident_sessions: 5, sessions: 3 });
    expect(await ids('resident_sessions')).toEqual(liveSessions.sort());
    expect(await ids('one_time_codes')).toEqual(liveCodes.sort());
    expect(await ids('sessions')).toEqual(liveStaff);
    expect((await resident({ url: '/api/h5/me' })).json()).toEqual({ phoneMasked: '135****0001' });
    expect((await staff({ url: '/api/me' })).statusCode).toBe(200);
    expect(await db().selectFrom('one_time_code_gates').select('id').execute()).toHaveLength(2);
    expect(await purgeExpired(db(), now, 2)).toEqual({ one_time_codes: 0, one_time_code_gates: 0, resident_sessions: 0, sessions: 0 });
  });

  it('still refuses a sixth code in an hour after a purge: the hour’s expired codes are kept', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const minute = (m: number) => vi.setSystemTime(new Date(Date.UTC(2031, 0, 5, 8, m, 0)));
    const send = () => t.app.inject({ method: 'POST', url: '/api/h5/code', payload: { phone: '13500000003' } });
    for (const m of [0, 2, 4, 6, 30]) {
      minute(m);
      expect((await send()).statusCode).toBe(200);
    }
    minute(40);
    await purgeExpired(db());
    expect((await send()).json().code).toBe('code_rate_limited');
    minute(70);
    await purgeExpired(db());
    expect((await send()).statusCode).toBe(200);
  });

  it('runs on its own in the job runner', async () => {
    const errors: unknown[] = [];
    const expired = await addSession(at(new Date(), -MIN));
    const stop = startJobs(t.ctx, (err) => errors.push(err), [{ ...purgeJob, everyMs: 50, firstAfterMs: 0 }]);
    try {
      await vi.waitFor(async () => expect(await ids('resident_sessions')).not.toContain(expired), { timeout: 5000, interval: 50 });
    } finally {
      stop();
    }
    expect(errors).toEqual([]);
  });
});
