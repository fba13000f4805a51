import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { asResident, fileAsResident } from '../resident-h5/test-support.js';
import { step } from '../work-orders/test-support.js';
import { multipartForm, tinyJpeg, tinyPng, whilePhotoRowsRefused } from './test-support.js';

describe('work-order photos', () => {
  let t: TestApp;
  let resident: Client;
  let community: Client;
  let grid1: Client;
  let grid2: Client;
  let grid1Id: string;
  beforeAll(async () => {
    t = await createTestApp();
    [resident, community, grid1, grid2] = await Promise.all([asResident(t, '13611112222'), t.as('beijiang'), t.as('grid1'), t.as('grid2')]);
    grid1Id = (await t.ctx.handle.db.selectFrom('users').select('id').where('username', '=', 'grid1').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());
  const photosOf = (id: string) => t.ctx.handle.db.selectFrom('work_order_photos').selectAll().where('work_order_id', '=', id).orderBy('created_at').orderBy('id').execute();
  const upload = (client: Client, id: string, files = [{ filename: 'done.jpg', type: 'image/jpeg', data: tinyJpeg() }]) =>
    client({ method: 'POST', url: `/api/work-orders/${id}/photos`, ...multipartForm({}, files) });

  it('serves a resident’s photo to staff over the place and to nobody from another grid', async () => {
    const { id } = (await fileAsResident(resident, t)).json();
    const [photo] = await photosOf(id);
    const url = `/api/work-orders/${id}/photos/${photo!.id}`;
    const seen = await community({ url });
    expect(seen.statusCode).toBe(200);
    expect(seen.headers['content-type']).toBe(photo!.mime);
    expect(seen.headers['cache-control']).toBe('private, max-age=86400');
    expect((await grid1({ url })).statusCode).toBe(200);
    expect((await grid2({ url })).statusCode).toBe(404);
    expect((await t.app.inject({ url })).statusCode).toBe(404);
    const others = await fileAsResident(resident, t);
    expect((await community({ url: `/api/work-orders/${others.json().id}/photos/${photo!.id}` })).statusCode).toBe(404);
    expect((await community({ url: `/api/work-orders/${id}` })).json().photos).toHaveLength(2);
  });

  it('lets only the taker add photos of the work while resolving; grid2 gets 404 and nothing is written', async () => {
    const { id } = (await fileAsResident(resident, t, [])).json();
    await step(community, id, 'accept');
    await step(community, id, 'dispatch', { assignee: { kind: 'user', id: grid1Id } });
    expect((await upload(grid1, id)).json().code).toBe('illegal_transition');
    await step(grid1, id, 'take');
    expect((await upload(grid2, id)).statusCode).toBe(404);
    expect((await upload(community, id)).statusCode).toBe(403);
    expect((await upload(grid1, id, [{ filename: 'a.gif', type: 'image/gif', data: Buffer.from('GIF89a') }])).json().code).toBe('bad_photo_type');
    expect(await photosOf(id)).toEqual([]);
    expect(fs.existsSync(path.join(t.dataDir, 'uploads', 'work-orders', id))).toBe(false);

    const added = await upload(grid1, id, [{ filename: 'done.jpg', type: 'image/jpeg', data: tinyJpeg() }, { filename: 'after.png', type: 'image/png', data: tinyPng() }]);
    expect(added.statusCode).toBe(201);
    expect(added.json().items.map((p: { stage: string }) => p.stage)).toEqual(['resolve', 'resolve']);
    await step(grid1, id, 'resolve', { result: '已修复' });
    const detail = (await resident({ url: `/api/h5/demands/${id}` })).json();
    expect(detail.photos.map((p: { stage: string }) => p.stage)).toEqual(['resolve', 'resolve']);
    expect((await resident({ url: detail.photos[0].url })).rawPayload.equals(tinyJpeg())).toBe(true);
    const events = (await community({ url: `/api/timeline/work_order/${id}` })).json().items.map((e: { action: string }) => e.action);
    expect(events).toEqual(['file', 'accept', 'dispatch', 'take', 'add_photos', 'resolve']);
  });

  it('removes the files it wrote when the database refuses the photo rows', async () => {
    const { id } = (await fileAsResident(resident, t, [])).json();
    await step(community, id, 'accept');
    await step(community, id, 'dispatch', { assignee: { kind: 'user', id: grid1Id } });
    await step(grid1, id, 'take');
    expect((await whilePhotoRowsRefused(t, () => upload(grid1, id))).statusCode).toBe(500);
    expect(await photosOf(id)).toEqual([]);
    expect(fs.existsSync(path.join(t.dataDir, 'uploads', 'work-orders', id))).toBe(false);
    expect((await upload(grid1, id)).statusCode).toBe(201);
  });
});
