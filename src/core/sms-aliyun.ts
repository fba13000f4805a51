import { createHmac, randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import type { SmsMessage, SmsProvider } from './sms.js';

/**
 * Alibaba Cloud SMS (dysmsapi, SendSms, API version 2017-05-25), signed as its RPC signature version 1.0 documents:
 * the parameters but Signature sorted by name, each name and value percent-encoded (RFC 3986: only A-Z a-z 0-9 - _ . ~
 * left as they are, a space as %20), joined name=value with &; StringToSign = method & %2F & percentEncode(that string);
 * Signature = Base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign)).
 */
export const percentEncode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The canonicalized query string: every parameter but Signature, sorted by name (by code unit, as the SDKs sort). */
export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params).filter((k) => k !== 'Signature').sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k]!)}`).join('&');
}

export function rpcSignature(method: 'GET' | 'POST', params: Record<string, string>, accessKeySecret: string): string {
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign, 'utf8').digest('base64');
}

export const ALIYUN_SMS_ENDPOINT = 'https://dysmsapi.aliyuncs.com/';
const TIMEOUT_MS = 10_000;

/** The parameters of one SendSms call, before its signature. */
export function sendSmsParams(a: Config['sms']['aliyun'], phone: string, message: SmsMessage, now = new Date()): Record<string, string> {
  return {
    AccessKeyId: a.accessKeyId, Action: 'SendSms', Format: 'JSON', RegionId: 'cn-hangzhou', SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: randomUUID(), SignatureVersion: '1.0', Timestamp: now.toISOString().replace(/\.\d{3}Z$/, 'Z'), Version: '2017-05-25',
    PhoneNumbers: phone, SignName: a.signName, TemplateCode: a[`${message.template}Template`], TemplateParam: JSON.stringify(message.params),
  };
}

/** Posts SendSms as a signed form; anything but HTTP 200 with Code "OK" is a failure, thrown with the provider's code. */
export function aliyunSmsProvider(a: Config['sms']['aliyun']): SmsProvider {
  return {
    name: 'aliyun',
    async send(phone, message) {
      const params = sendSmsParams(a, phone, message);
      const body = canonicalQuery(params) + `&Signature=${percentEncode(rpcSignature('POST', params, a.accessKeySecret))}`;
      const res = await fetch(a.endpoint, {
        method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' }, signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const answer = (await res.json().catch(() => ({}))) as { Code?: string; Message?: string; RequestId?: string };
      if (!res.ok || answer.Code !== 'OK') {
        throw new Error(`Aliyun SendSms failed: HTTP ${res.status}, ${answer.Code ?? 'no code'}: ${answer.Message ?? ''} (request ${answer.RequestId ?? '?'})`);
      }
    },
  };
}
