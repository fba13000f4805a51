import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { rpcSignature } from './sms-aliyun.js';
import { aliyunStandIn } from './sms-test-support.js';
import { createSmsProvider } from './sms.js';

describe('Alibaba Cloud SMS (SendSms, RPC signature 1.0)', () => {
  it('signs the example of the provider’s documentation to its documented signature', () => {
    const params = {
      AccessKeyId: 'testId', Action: 'SendSms', Format: 'XML', OutId: '123', PhoneNumbers: '15300000001', RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用', SignatureMethod: 'HMAC-SHA1', SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466', SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007', TemplateParam: '{"customer":"test"}', Timestamp: '2017-07-12T02:42:19Z', Version: '2017-05-25',
    };
    expect(rpcSignature('GET', params, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  describe('against a stand-in server', () => {
    const server = aliyunStandIn('s3cret');
    let endpoint: string;
    beforeAll(async () => void (endpoint = await server.listen()));
    afterAll(() => server.close());
    const provider = () => createSmsProvider(loadConfig({
      SMS_PROVIDER: 'aliyun', SMS_ALIYUN_ACCESS_KEY_ID: 'LTAI-test', SMS_ALIYUN_ACCESS_KEY_SECRET: 's3cret', SMS_ALIYUN_SIGN_NAME: '一张网 (测试)',
      SMS_ALIYUN_CODE_TEMPLATE: 'SMS_1', SMS_ALIYUN_RESOLVED_TEMPLATE: 'SMS_2', SMS_ALIYUN_ENDPOINT: endpoint,
    }), { info: () => {}, warn: () => {} });

    it('posts a SendSms whose signature and parameters the server verifies, spaces and brackets encoded as documented', async () => {
      await provider().send('13800000001', { template: 'demandResolved', params: { trackingNo: 'GD 2026*(1)' }, text: '' });
      expect(server.received.at(-1)).toMatchObject({
        signatureHolds: true,
        params: { Action: 'SendSms', SignName: '一张网 (测试)', TemplateCode: 'SMS_2', TemplateParam: '{"trackingNo":"GD 2026*(1)"}', PhoneNumbers: '13800000001' },
      });
    });

    it('rejects with the provider’s code when SendSms is refused, or the server fails', async () => {
      server.answerWith(200, { Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '非法手机号', RequestId: 'R9' });
      await expect(provider().send('1', { template: 'oneTimeCode', params: { code: '123456' }, text: '' })).rejects.toThrow(/isv\.MOBILE_NUMBER_ILLEGAL.*R9/);
      server.answerWith(502, {});
      await expect(provider().send('13800000001', { template: 'oneTimeCode', params: { code: '123456' }, text: '' })).rejects.toThrow(/HTTP 502/);
    });
  });
});
