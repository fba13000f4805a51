import fs from 'node:fs';
import path from 'node:path';
import { defineScopeSuite } from '../../core/scope-suite.js';
import { tinyPng } from '../attachments/test-support.js';

/** The work-order photo URL is ours (staff or the resident who filed): grid1 must not get a photo of grid2's order. */
export const scopeSuite = defineScopeSuite({
  async prepare(f) {
    // A real photo on grid2's order, on disk.
    const photo = 'otherphoto000001';
    const file = `work-orders/${f.order.id}/${photo}.png`;
    fs.mkdirSync(path.join(f.ctx.config.uploadDir, 'work-orders', f.order.id), { recursive: true });
    fs.writeFileSync(path.join(f.ctx.config.uploadDir, file), tinyPng());
    await f.ctx.handle.db.insertInto('attachments').values({ id: photo, entity_type: 'work_order', entity_id: f.order.id, stage: 'report', file, mime: 'image/png',
      size: tinyPng().length, place_id: f.compound.id, place_path: f.compound.path, created_at: new Date().toISOString() }).execute();
    return { photo };
  },
  cases: [
    { route: 'GET /api/work-orders/{id}/photos/{photoId}', who: 'grid1', request: (f) => ({ url: `/api/work-orders/${f.order.id}/photos/${f.photo}` }) },
  ],
  // Public place names and categories, or the signed-in phone's own demands (another phone's are 404: demands.test.ts).
  unscoped: [
    { route: 'POST /api/h5/code', reason: 'sends a one-time code to the phone given: no session, no record named' },
    { route: 'POST /api/h5/login', reason: 'signs a phone in with its code' },
    { route: 'POST /api/h5/logout', reason: "ends the resident's own session" },
    { route: 'GET /api/h5/me', reason: "the signed-in phone's own session" },
    { route: 'GET /api/h5/places', reason: 'public compound names to choose from' },
    { route: 'GET /api/h5/places/locate', reason: 'the public compound (names only) at a point, among those under the district the search offers' },
    { route: 'GET /api/h5/places/{id}', reason: "a compound's public page (the QR link): names only, no personal data" },
    { route: 'GET /api/h5/categories', reason: 'the public list of active categories' },
    { route: 'POST /api/h5/demands', reason: 'files a demand for the signed-in phone on a public place' },
    { route: 'GET /api/h5/demands', reason: "the signed-in phone's own demands" },
    { route: 'GET /api/h5/demands/{id}', reason: "one of the signed-in phone's own demands; another phone's is 404 (demands.test.ts)" },
    { route: 'POST /api/h5/demands/{id}/rate', reason: "rates one of the signed-in phone's own demands; another phone's is 404 (demands.test.ts)" },
  ],
});
