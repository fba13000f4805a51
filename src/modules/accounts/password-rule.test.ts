import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';
import { DEMO_PASSWORD } from '../../seed/demo.js';
import { passwordProblem } from './password-rule.js';

/** NIST SP 800-63B 3.1.1.2: length, no common password, not the username, not one character repeated. */
describe('the password rule', () => {
  let t: TestApp;
  let admin: Client;
  let gridId: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.as('admin');
    gridId = (await placeByName(t, '北江社区第1网格')).id;
  });
  afterAll(() => t.close());
  const create = (username: string, password: string) =>
    admin({ method: 'POST', url: '/api/users', payload: { username, displayName: '测试', password, roles: [{ role: 'grid_worker', placeId: gridId }] } });
  const exists = async (username: string) => Boolean(await t.ctx.handle.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst());

  const WEAK: [string, string][] = [
    ['aaaaaaaa', 'passwordRepeated'], ['11111111', 'passwordRepeated'], ['12345678', 'passwordRepeated'], ['abcdefgh', 'passwordRepeated'],
    ['87654321', 'passwordRepeated'], ['password', 'passwordCommon'], ['Password1', 'passwordCommon'], ['qwertyuiop', 'passwordCommon'],
    ['iloveyou', 'passwordCommon'], ['1qaz2wsx', 'passwordCommon'], ['woaini1314', 'passwordCommon'], ['a123456789', 'passwordCommon'],
  ];

  it('refuses a password that is one character repeated, a run or among the most common, with the field and both languages', async () => {
    for (const [password] of WEAK) {
      const res = await create('weak_user', password);
      expect(res.statusCode, password).toBe(400);
      expect(res.json()).toMatchObject({ code: 'invalid_input', field: 'password', message: { zh: expect.stringMatching(/密码/), en: expect.stringMatching(/password/i) } });
    }
    expect(await exists('weak_user')).toBe(false);
  });

  it('refuses the username as the password, in any case', async () => {
    const res = await create('zhang_wei8', 'Zhang_Wei8');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'password', message: { zh: '密码不能与用户名相同' } });
    expect(await exists('zhang_wei8')).toBe(false);
  });

  it('takes the demo password and other passwords that are long and uncommon', async () => {
    for (const [username, password] of [['demo_like', DEMO_PASSWORD], ['phrase_user', 'correct horse battery']]) {
      const res = await create(username!, password!);
      expect(res.statusCode, `${password}: ${res.body}`).toBe(201);
    }
  });

  it('applies the same rule to a reset by an administrator and to a change of one’s own password', async () => {
    const target = await t.ctx.handle.db.selectFrom('users').select(['id', 'version', 'password_hash']).where('username', '=', 'grid2').executeTakeFirstOrThrow();
    for (const password of ['aaaaaaaa', 'password1', 'short']) {
      const res = await admin({ method: 'PATCH', url: `/api/users/${target.id}`, payload: { version: target.version, password } });
      expect(res.statusCode, password).toBe(400);
      expect(res.json().field).toBe('password');
    }
    // grid2 as its own password: the username rule, which the PATCH checks against the account's username.
    await t.ctx.handle.db.updateTable('users').set({ username: 'grid2user' }).where('id', '=', target.id).execute();
    const same = await admin({ method: 'PATCH', url: `/api/users/${target.id}`, payload: { version: target.version, password: 'Grid2User' } });
    expect(same.statusCode).toBe(400);
    expect(same.json()).toMatchObject({ field: 'password', message: { zh: '密码不能与用户名相同' } });
    expect(await t.ctx.handle.db.selectFrom('users').select(['version', 'password_hash']).where('id', '=', target.id).executeTakeFirstOrThrow())
      .toEqual({ version: target.version, password_hash: target.password_hash });

    const own = await t.as('beijiang');
    for (const newPassword of ['iloveyou', 'bbbbbbbbbb', 'BeiJiang']) {
      const res = await own({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: DEMO_PASSWORD, newPassword } });
      expect(res.statusCode, newPassword).toBe(400);
      expect(res.json().field).toBe('newPassword');
    }
  });

  it('knows runs and repeats as well as the list', () => {
    expect(passwordProblem('zyxwvuts')).not.toBeNull();
    expect(passwordProblem('zzzzzzzzzzzz')).not.toBeNull();
    expect(passwordProblem('ab12cd34ef')).toBeNull();
    expect(passwordProblem('OneGrid!2026', 'onegrid')).toBeNull();
    expect(passwordProblem('onegrid!2026', 'OneGrid!2026')).not.toBeNull();
  });
});
