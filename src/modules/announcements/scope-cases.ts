import type { AnnouncementAction } from '../../../contracts/announcements.js';
import { defineScopeSuite, type ScopeCase } from '../../core/scope-suite.js';

type Own = { announcement: string };

/** A body each step would accept, so that only the scope refuses it. */
const STEP_BODIES: Record<AnnouncementAction, Record<string, unknown>> = { edit: { title: '越权修改' }, publish: {}, withdraw: { reason: '越权撤回' } };

/** A published notice of 沙头社区 is outside 北江社区's subtree and not addressed to it. */
export const scopeSuite = defineScopeSuite({
  async prepare(f): Promise<Own> {
    const db = f.ctx.handle.db;
    const author = await db.selectFrom('users').select('id').where('username', '=', 'xinan').executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    await db.insertInto('announcements').values({ id: 'othernotice00001', title: '沙头社区通知', body: '沙头社区居民请注意', place_id: f.otherCommunity.id, place_path: f.otherCommunity.path,
      office_id: f.otherCommunity.id, office_path: f.otherCommunity.path, state: 'published', author_id: author.id, published_at: now, withdrawn_at: null,
      version: 1, created_at: now, updated_at: now }).execute();
    return { announcement: 'othernotice00001' };
  },
  cases: [
    { route: 'POST /api/announcements', who: 'beijiang',
      request: (f) => ({ method: 'POST', url: '/api/announcements', payload: { title: '越权通知', body: '越权', placeId: f.otherCommunity.id } }) },
    { route: 'GET /api/announcements', who: 'beijiang', request: (f) => ({ url: `/api/announcements?placeId=${f.otherCommunity.id}` }) },
    { route: 'GET /api/announcements/{id}', who: 'beijiang', request: (f) => ({ url: `/api/announcements/${f.announcement}` }) },
    { route: 'POST /api/announcements/{id}/read', who: 'beijiang', request: (f) => ({ method: 'POST', url: `/api/announcements/${f.announcement}/read` }) },
    { route: 'GET /api/announcements/{id}/receipts', who: 'beijiang', request: (f) => ({ url: `/api/announcements/${f.announcement}/receipts` }) },
    { route: 'GET /api/announcements.xlsx', who: 'beijiang', request: (f) => ({ url: `/api/announcements.xlsx?placeId=${f.otherCommunity.id}` }) },
    ...Object.entries(STEP_BODIES).map(([step, body]): ScopeCase<Own> => ({ route: `POST /api/announcements/{id}/${step}`, who: 'beijiang',
      request: (f) => ({ method: 'POST', url: `/api/announcements/${f.announcement}/${step}`, payload: { version: 1, ...body } }) })),
  ],
  // The resident reads the notices of the compound they chose; another compound's notice is 404 (announcements.test.ts).
  unscoped: [
    { route: 'GET /api/h5/announcements', reason: 'the published notices of the compound the signed-in resident chose' },
    { route: 'POST /api/h5/announcements/{id}/read', reason: "marks a notice of the resident's chosen compound read; another compound's is 404 (announcements.test.ts)" },
  ],
});
