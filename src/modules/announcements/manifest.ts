import { inSubtrees } from '../../core/access/scope.js';
import { defineModule } from '../../core/module.js';
import { announcementH5Routes } from './h5-routes.js';
import { ANNOUNCEMENTS_LEDGER } from './ledger.js';
import { announcementLifecycle } from './lifecycle.js';
import { announcementAbilities } from './policy.js';
import { announcementRoutes } from './routes.js';
import { announcementSeed } from './seed.js';
import { announcementMsg } from './messages.js';

/** 通知公告: a street or community publishes a notice to a place's subtree; staff and residents read it; receipts per compound. */
export const announcementsModule = defineModule({
  name: 'announcements',
  recordNames: [
    { entityType: 'announcement', names: (db) => db.selectFrom('announcements').select(['announcements.id', 'announcements.title as name']) },
  ],
  tables: ['announcements', 'announcement_reads'],
  routes: [announcementRoutes, announcementH5Routes],
  policies: [announcementAbilities(announcementLifecycle)],
  lifecycles: [announcementLifecycle],
  // A move re-paths the notice's place, its office and every reader's place.
  pathCopies: [{ table: 'announcements' }, { table: 'announcements', column: 'office_path' }, { table: 'announcement_reads' }],
  ledgers: [{
    key: ANNOUNCEMENTS_LEDGER.key, title: ANNOUNCEMENTS_LEDGER.title, subject: 'announcement', action: 'export',
    href: '/api/announcements.xlsx?placeId={placeId}', params: ['placeId'],
  }],
  figures: [{
    key: 'announcements.published', label: announcementMsg.figurePublished, unit: 'count',
    query: async (db, placePath, { from, to }) => Number((await db.selectFrom('announcements').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('published_at', '>=', from).where('published_at', '<', to).where((eb) => inSubtrees(eb, 'place_path', [placePath])).executeTakeFirstOrThrow()).n),
  }],
  seed: announcementSeed,
  scopeCases: () => import('./scope-cases.js').then((m) => m.scopeSuite),
});
