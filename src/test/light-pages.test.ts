import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastCompleteMonth } from '../../contracts/months.js';
import { buildApp } from '../app.js';
import { createTestApp, type TestApp } from './harness.js';

/**
 * The residents' phone pages and the public pages get the light entry (h5.html); every other page gets the back office
 * (index.html). A built web app of two marked pages stands in for web/dist.
 */
describe('which page the server sends', () => {
  let t: TestApp;
  let app: FastifyInstance;
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'onegrid-web-'));
  beforeAll(async () => {
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>back office</title>');
    fs.writeFileSync(path.join(dist, 'h5.html'), '<!doctype html><head><title>light</title></head>');
    t = await createTestApp({ seed: false });
    app = await buildApp(t.ctx, { webDist: dist });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  const pageOf = async (url: string) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-cache');
    return /<title>(.*)<\/title>/.exec(res.body)?.[1];
  };

  it('sends the light entry for the H5 filing, my-demands, notices, posts and needs pages, the public ranking, the QR page and the card', async () => {
    for (const url of ['/h5', '/h5/', '/h5?place=abc', '/h5/demands', '/h5/demands/0199a', '/h5/announcements', '/h5/party-posts', '/h5/needs', '/h5/needs/mine', '/h5/needs/0199a', '/public/ranking', '/q/k3y', '/card/c4rd']) {
      expect(await pageOf(url), url).toBe('light');
    }
  });

  it('names the API requests of each light page’s first screen, which the browser starts beside the scripts', async () => {
    const preloads = async (url: string) => [...(await app.inject({ url })).body.matchAll(/<link rel="preload" as="fetch" crossorigin href="([^"]*)">/g)].map((m) => m[1]);
    expect(await preloads('/h5')).toEqual(['/api/h5/me', '/api/h5/categories']);
    expect(await preloads('/h5?place=0199abc-d')).toEqual(['/api/h5/me', '/api/h5/categories', '/api/h5/places/0199abc-d']);
    // Only an id is put in the page: anything else would be text of the resident's choosing.
    expect(await preloads('/h5?place=%22%3E%3Cscript%3E')).toEqual(['/api/h5/me', '/api/h5/categories']);
    expect(await preloads('/h5/demands')).toEqual(['/api/h5/me', '/api/h5/demands?limit=50']);
    expect(await preloads('/h5/demands/0199a')).toEqual(['/api/h5/me', '/api/h5/demands/0199a']);
    expect(await preloads('/public/ranking')).toEqual([`/api/public/ranking?month=${lastCompleteMonth()}&amp;level=community`]);
    expect(await preloads('/q/a%22b')).toEqual(['/api/public/compounds/a%22b']);
    expect(await preloads('/card/k"<x>')).toEqual(['/api/public/cards/k%22%3Cx%3E']);
    expect(await preloads('/h5/announcements')).toEqual(['/api/h5/me']);
    expect(await preloads('/workbench')).toEqual([]);
  });

  it('sends the back office for every other page', async () => {
    for (const url of ['/', '/workbench', '/work-orders/0199a', '/h5/demandsx', '/h5/announcementsx', '/h5/needs/0199a/x', '/needs/0199a', '/q', '/login']) {
      expect(await pageOf(url), url).toBe('back office');
    }
  });
});
