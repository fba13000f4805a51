import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loggableUrl } from '../core/request-log.js';
import { createTestApp, type TestApp } from './harness.js';

/** What the request log writes of a URL: no searched name, phone, ID number, code or key from the query string. */
describe('the request log', () => {
  let t: TestApp;
  let app: FastifyInstance;
  const lines: string[] = [];
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
    app = await buildApp(t.ctx, { serveWeb: false, logStream: { write: (line) => void lines.push(line) } });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('writes each request with the query’s values cut, except ids and filters', async () => {
    const secrets = ['北江花园', '%E5%8C%97%E6%B1%9F', '13800138000', 'zhangsan', 'demo-open311-key', '440607199001011234', '654321'];
    for (const url of [
      '/api/h5/places?q=北江花园', '/api/h5/places?q=%E5%8C%97%E6%B1%9F', '/api/residents?search=13800138000&placeId=abc123',
      '/api/users?q=zhangsan&role=grid_worker', '/open311/v2/requests.json?api_key=demo-open311-key&service_code=street-light',
      '/api/residents?idNumber=440607199001011234', '/api/h5/demands?phone=13800138000&code=654321',
    ]) await app.inject({ url });
    const log = lines.join('');
    expect(log).toContain('"url":"/api/h5/places?q=~"');
    expect(log).toContain('placeId=abc123');
    expect(log).toContain('role=grid_worker');
    expect(log).toContain('service_code=street-light');
    for (const s of secrets) expect(log, s).not.toContain(s);
  });

  it('keeps a URL without a query as it is', () => {
    expect(loggableUrl('/api/places/440607001')).toBe('/api/places/440607001');
    expect(loggableUrl('/api/x?search=a&search=b&limit=5')).toBe('/api/x?search=~&search=~&limit=5');
  });
});
