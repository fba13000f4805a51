import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createTestApp, type Client, type TestApp } from '../test/harness.js';
import { fileOne, step } from '../modules/work-orders/test-support.js';
import { rpcSignature } from './sms-aliyun.js';
import { createSmsProvider } from './sms.js';

/** What the stand-in server received: the form's parameters, and whether their signature held. */
interface Received { params: Record<string, string>; signatureHolds: boolean }

/**
 * The stand-in for dysmsapi.aliyuncs.com: recomputes each request's signature from what arrived, as Alibaba Cloud
 * documents it (sorted, RFC 3986 encoded, "POST&%2F&…", HMAC-SHA1 keyed with the secret and "&"), and answers as SendSms does.
 */
function standIn(secret: string) {
  const received: Received[] = [];
  let answer = { status: 200, body: { Code: 'OK', Message: 'OK', RequestId: 'R1', BizId: 'B1' } as Record<string, string> };
  const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const params = Object.fromEntries(new URLSearchParams(body));
      const { Signature: signature, ...rest } = params;
      const canonical = Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).join('&');
      const expected = createHmac('sha1', `${secret}&`).update(`${req.method}&%2F&${rfc3986(canonical)}`).digest('base64');
      received.push({ params, signatureHolds: signature === expected });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  return {
    received,
    answerWith: (status: number, body: Record<string, string>) => (answer = { status, body }),
    listen: () => new Promise<string>((r) => server.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`))),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('Alibaba Cloud SMS (SendSms, RPC signature 1.0)', () => {
  it('signs the example of the provider’s documentation to its documented signature', () => {
    const params = {
      AccessKeyId: 'testId', Action: 'SendSms', Format: 'XML', OutId: '123', PhoneNumbers: '15300000001', RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用', SignatureMethod: 'HMAC-SHA1', SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466', SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007', TemplateParam: '{"customer":"test"}', Timestamp: '2017-07-12T02:42:19Z', Version: '2017-05-25',
    };
    expect(rpcSignature('GET', params, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  describe('through the app, against a stand-in server', () => {
    const secret = 'stand-in-secret';
    const server = standIn(secret);
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
});
