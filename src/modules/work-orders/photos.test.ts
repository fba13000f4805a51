import exifr from 'exifr';
import jpeg from 'jpeg-js';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { asResident, fileAsResident } from '../resident-h5/test-support.js';
import { step } from './test-support.js';
import { newId } from '../../core/ids.js';
import { allJobs, runJobOnce } from '../../core/jobs.js';
import {
  HOME, jpegWithMetadata, multipartForm, pngWithMetadata, SECRETS, tinyJpeg, tinyPng, tinyWebp, webpWithMetadata, whilePhotoRowsRefused,
} from '../attachments/test-support.js';

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
  const photosOf = (id: string) => t.ctx.handle.db.selectFrom('attachments').selectAll().where('entity_type', '=', 'work_order').where('entity_id', '=', id).orderBy('created_at').orderBy('id').execute();
  const upload = (client: Client, id: string, files = [{ filename: 'done.jpg', type: 'image/jpeg', data: tinyJpeg() }]) =>
    client({ method: 'POST', url: `/api/work-orders/${id}/photos`, ...multipartForm({}, files) });
  const stored = (file: string) => fs.readFileSync(path.join(t.dataDir, 'uploads', file));
  const leaks = (b: Buffer) => SECRETS.filter((s) => b.includes(Buffer.from(s)));
  const phonePhotos = () => [
    { filename: 'IMG_0001.jpg', type: 'image/jpeg', data: jpegWithMetadata(6) },
    { filename: 'IMG_0002.png', type: 'image/png', data: pngWithMetadata() },
    { filename: 'IMG_0003.webp', type: 'image/webp', data: webpWithMetadata() },
  ];

  it('stores a resident’s phone photos without their GPS position or other metadata, as the same images', async () => {
    expect(await exifr.gps(phonePhotos()[0]!.data)).toMatchObject({ latitude: expect.closeTo(HOME.latitude, 4), longitude: expect.closeTo(HOME.longitude, 4) });
    const res = await fileAsResident(resident, t, phonePhotos());
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json();
    const rows = await photosOf(id);
    expect(rows.map((r) => r.mime)).toEqual(['image/jpeg', 'image/png', 'image/webp']);
    const [jpg, png, webp] = rows.map((r) => stored(r.file)) as [Buffer, Buffer, Buffer];
    for (const [i, file] of [jpg, png, webp].entries()) {
      expect(leaks(file)).toEqual([]);
      expect(rows[i]!.size).toBe(file.length);
      expect((await resident({ url: `/api/work-orders/${id}/photos/${rows[i]!.id}` })).rawPayload.equals(file)).toBe(true);
    }
    expect(await exifr.gps(jpg)).toBeUndefined();
    expect(await exifr.parse(jpg, { tiff: true, gps: true, xmp: true, iptc: true, icc: false, jfif: false })).toEqual({ Orientation: 'Rotate 90 CW' });
    const decoded = jpeg.decode(jpg, { useTArray: true });
    expect(decoded).toMatchObject({ width: 8, height: 8, data: jpeg.decode(tinyJpeg(), { useTArray: true }).data });
    expect(await exifr.gps(png)).toBeUndefined();
    expect(png.equals(tinyPng())).toBe(true);
    expect(webp.equals(tinyWebp())).toBe(true);
  });

  it('refuses a damaged photo with 422 rather than store it unstripped; the taker’s photos are stripped too', async () => {
    const { id } = (await fileAsResident(resident, t, [])).json();
    await step(community, id, 'accept');
    await step(community, id, 'dispatch', { assignee: { kind: 'user', id: grid1Id } });
    await step(grid1, id, 'take');
    const cut = jpegWithMetadata().subarray(0, 200);
    const refused = await upload(grid1, id, [{ filename: 'a.jpg', type: 'image/jpeg', data: tinyJpeg() }, { filename: 'b.jpg', type: 'image/jpeg', data: cut }]);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'photo_damaged', field: 'photos.1', message: { zh: expect.any(String), en: expect.any(String) } });
    expect(await photosOf(id)).toEqual([]);
    expect(fs.existsSync(path.join(t.dataDir, 'uploads', 'work-orders', id))).toBe(false);

    expect((await upload(grid1, id, [{ filename: 'done.jpg', type: 'image/jpeg', data: jpegWithMetadata() }])).statusCode).toBe(201);
    const [row] = await photosOf(id);
    expect(stored(row!.file).equals(tinyJpeg())).toBe(true);
  });

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

  const takenOrder = async () => {
    const { id } = (await fileAsResident(resident, t, [])).json();
    await step(community, id, 'accept');
    await step(community, id, 'dispatch', { assignee: { kind: 'user', id: grid1Id } });
    await step(grid1, id, 'take');
    return id as string;
  };
  const filesOf = (id: string) => {
    const dir = path.join(t.dataDir, 'uploads', 'work-orders', id);
    return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
  };

  it('keeps the cap of six under parallel uploads: ten at once of one photo each leave exactly six, and the refused leave no file', async () => {
    const id = await takenOrder();
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) =>
      upload(grid1, id, [{ filename: `p${i}.png`, type: 'image/png', data: tinyPng([i * 20, 30, 30]) }])));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 201, 201, 201, 201, 201, 422, 422, 422, 422]);
    for (const refused of answers.filter((a) => a.statusCode === 422)) expect(refused.json()).toMatchObject({ code: 'too_many_photos', field: 'photos' });
    const rows = await photosOf(id);
    expect(rows).toHaveLength(6);
    expect(filesOf(id)).toEqual(rows.map((r) => path.basename(r.file)).sort());
    const added = await t.ctx.handle.db.selectFrom('events').select('id').where('entity_id', '=', id).where('action', '=', 'add_photos').execute();
    expect(added).toHaveLength(6);
    const seventh = await upload(grid1, id);
    expect(seventh.json().code).toBe('too_many_photos');
    expect(filesOf(id)).toHaveLength(6);
  });

  it('sweeps the upload folder hourly: a file without a row goes, a file with its row stays, a committed pending file gets its name', async () => {
    const job = allJobs().find((j) => j.name === 'attachments.sweep-files');
    expect(job?.everyMs).toBe(3600_000);
    const id = await takenOrder();
    expect((await upload(grid1, id, [{ filename: 'a.jpg', type: 'image/jpeg', data: tinyJpeg() }, { filename: 'b.png', type: 'image/png', data: tinyPng() }])).statusCode).toBe(201);
    const [kept, pending] = await photosOf(id);
    const root = path.join(t.dataDir, 'uploads');
    const dir = path.join(root, 'work-orders', id);
    const hoursAgo = (file: string, h: number) => fs.utimesSync(file, new Date(Date.now() - h * 3600_000), new Date(Date.now() - h * 3600_000));
    // A process that stopped after the commit and before the rename left its file under the pending name.
    fs.renameSync(path.join(root, pending!.file), `${path.join(root, pending!.file)}.part`);
    const orphan = path.join(dir, `${newId()}.jpg`);
    const failed = path.join(dir, `${newId()}.png.part`);
    const young = path.join(dir, `${newId()}.webp`);
    const other = path.join(dir, 'notes.txt');
    const elsewhere = path.join(root, 'work-orders', `${newId()}.jpg`);
    for (const f of [orphan, failed, young, other, elsewhere]) fs.writeFileSync(f, 'x');
    for (const f of [path.join(root, kept!.file), `${path.join(root, pending!.file)}.part`, orphan, failed, other, elsewhere]) hoursAgo(f, 2);
    expect(await runJobOnce(t.ctx, job!)).toBe(true);
    expect(filesOf(id)).toEqual([path.basename(kept!.file), path.basename(pending!.file), path.basename(young), 'notes.txt'].sort());
    expect(fs.existsSync(elsewhere)).toBe(true);
    const served = await grid1({ url: `/api/work-orders/${id}/photos/${pending!.id}` });
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.equals(tinyPng())).toBe(true);
    expect(await photosOf(id)).toHaveLength(2);
  });

  // SQLite lets a trigger call back into the test while the transaction is open: what lies on disk at that moment.
  it.skipIf(process.env.DATABASE_URL)('writes a photo under a pending name until its row is committed, and removes it when the transaction fails', async () => {
    const id = await takenOrder();
    const seen: string[][] = [];
    const sqlite = t.ctx.handle.sqlite!;
    sqlite.function('peek_photo_files', () => (seen.push(filesOf(id)), 0));
    sqlite.exec("create trigger peek_photo before insert on attachments begin select peek_photo_files(); select raise(abort, 'refused'); end");
    try {
      expect((await upload(grid1, id)).statusCode).toBe(500);
    } finally {
      sqlite.exec('drop trigger peek_photo');
    }
    expect(seen).toHaveLength(1);
    expect(seen[0]).toHaveLength(1);
    expect(seen[0]![0]).toMatch(/^[0-9a-z]+\.jpg\.part$/);
    expect(filesOf(id)).toEqual([]);
    expect((await upload(grid1, id)).statusCode).toBe(201);
    expect(filesOf(id)).toEqual([expect.stringMatching(/^[0-9a-z]+\.jpg$/)]);
  });
});
