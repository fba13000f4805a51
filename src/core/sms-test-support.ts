import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the stand-in server received: the form's parameters, and whether their signature held. */
export interface Received { params: Record<string, string>; signatureHolds: boolean }

/**
 * The stand-in for dysmsapi.aliyuncs.com: recomputes each request's signature from what arrived, as Alibaba Cloud
 * documents it (sorted, RFC 3986 encoded, "POST&%2F&…", HMAC-SHA1 keyed with the secret and "&"), and answers as SendSms does.
 */
export function aliyunStandIn(secret: string) {
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
