import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { createSmsProvider } from '../../core/sms.js';
import { aliyunStandIn } from '../../core/sms-test-support.js';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { fileOne, step } from '../work-orders/test-support.js';

/** Residents' text messages through the app, sent by the Aliyun adapter to a stand-in that verifies each signature. */
describe('texts to residents through Alibaba Cloud SMS', () => {
  const secret = 'stand-in-secret';
  const server = aliyunStandIn(secret);
  const warnings: object[] = [];
  let t: TestApp;
  let community: Client;
  let grid1: Client;
  let grid1Id: string;

  beforeAll(async () => {
    const endpoint = await server.listen();
    t = await createTestApp();
    const config = loadConfig({
      DATA_DIR: t.dataDir, SMS_PROVIDER: 'aliyun', SMS_ALIYUN_ACCESS_KEY_ID: 'LTAI-test', SMS_ALIYUN_ACCESS_KEY_SECRET: secret,
      SMS_ALIYUN_SIGN_NAME: '一张网', SMS_ALIYUN_CODE_TEMPLATE: 'SMS_100001', SMS_ALIYUN_RESOLVED_TEMPLATE: 'SMS_100002', SMS_ALIYUN_ENDPOINT: endpoint,
    });
    const log = { info: () => {}, warn: (o: object) => void warnings.push(o) };
    t.ctx.sms = { provider: createSmsProvider(config, log), log };
    [community, grid1] = await Promise.all([t.as('beijiang'), t.as('grid1')]);
    grid1Id = (await t.ctx.handle.db.selectFrom('users').select('id').where('username', '=', 'grid1').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await t.close();
    await server.close();
  });

  it('sends the one-time code as a signed SendSms the resident signs in with', async () => {
    const phone = '13912345678';
    const res = await t.app.inject({ method: 'POST', url: '/api/h5/code', payload: { phone } });
    expect(res.statusCode, res.body).toBe(200);
    const sent = server.received.at(-1)!;
    expect(sent.signatureHolds).toBe(true);
    expect(sent.params).toMatchObject({
      Action: 'SendSms', Version: '2017-05-25', Format: 'JSON', RegionId: 'cn-hangzhou', AccessKeyId: 'LTAI-test', SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0', PhoneNumbers: phone, SignName: '一张网', TemplateCode: 'SMS_100001',
    });
    expect(sent.params.Timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(sent.params.SignatureNonce).toMatch(/^[0-9a-f-]{36}$/);
    const { code } = JSON.parse(sent.params.TemplateParam!) as { code: string };
    expect(code).toMatch(/^\d{6}$/);
    const login = await t.app.inject({ method: 'POST', url: '/api/h5/login', payload: { phone, code } });
    expect(login.statusCode, login.body).toBe(200);
  });

  const resolveOne = async (title: string) => {
    const id = (await fileOne(grid1, t, { title, reporterPhone: '13800138000' })).id;
    for (const [c, action, body] of [[community, 'accept', {}], [community, 'dispatch', { assignee: { kind: 'user', id: grid1Id } }], [grid1, 'take', {}]] as const) {
      expect((await step(c, id, action, body)).statusCode).toBe(200);
    }
    return { id, resolved: await step(grid1, id, 'resolve', { result: '已更换灯泡' }) };
  };

  it('texts the reporter when their demand is resolved', async () => {
    const before = server.received.length;
    const { id, resolved } = await resolveOne('路灯不亮');
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(server.received.length).toBe(before + 1);
    const sent = server.received.at(-1)!;
    expect(sent.signatureHolds).toBe(true);
    const trackingNo = (await community({ url: `/api/work-orders/${id}` })).json().order.trackingNo;
    expect(sent.params).toMatchObject({ PhoneNumbers: '13800138000', TemplateCode: 'SMS_100002', TemplateParam: JSON.stringify({ trackingNo }) });
  });

  it('resolves the demand anyway when the provider refuses, and logs it; a code that could not be sent answers 503', async () => {
    server.answerWith(200, { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控', RequestId: 'R2' });
    const { id, resolved } = await resolveOne('井盖松动');
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect((await community({ url: `/api/work-orders/${id}` })).json().order.state).toBe('resolved');
    const warning = warnings.at(-1) as { err: Error; sms: object };
    expect(warning.err.message).toContain('isv.BUSINESS_LIMIT_CONTROL');
    expect(warning.sms).toEqual({ to: '138****8000', template: 'demandResolved' });

    server.answerWith(500, { Code: 'ServiceUnavailable' });
    const code = await t.app.inject({ method: 'POST', url: '/api/h5/code', payload: { phone: '13912340000' } });
    expect(code.statusCode).toBe(503);
    expect(code.json()).toMatchObject({ code: 'sms_unavailable', field: 'phone', message: { zh: expect.any(String), en: expect.any(String) } });
    server.answerWith(200, { Code: 'OK' });
    // The code that never left does not hold the phone back.
    expect((await t.app.inject({ method: 'POST', url: '/api/h5/code', payload: { phone: '13912340000' } })).statusCode).toBe(200);
  });
});
