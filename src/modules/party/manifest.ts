import { inSubtrees } from '../../core/access/scope.js';
import { defineModule } from '../../core/module.js';
import { partyOrgLifecycle } from './lifecycle.js';
import { partyMemberLifecycle } from './member-lifecycle.js';
import { partyMemberAbilities } from './member-policy.js';
import { MEMBER_ROSTER } from './roster-layout.js';
import { partyMemberRoutes } from './member-routes.js';
import { partyClaimLifecycle, partyPostLifecycle } from './post-lifecycle.js';
import { partyPostAbilities } from './post-policy.js';
import { partyPostH5Routes, partyPostRoutes } from './post-routes.js';
import { partyMsg } from './messages.js';
import { partyOrgAbilities } from './policy.js';
import { partyOrgRoutes } from './routes.js';
import { partySeed } from './seed.js';
import { POINTS_RANKING } from './points-ranking-ledger.js';
import { postMonthPointsJob, ratingPointsJob } from './points-job.js';
import { employerReportJob } from './checkin-report-job.js';
import { partyPointsPolicy } from './points-policy.js';
import { partyPointsRoutes } from './points-routes.js';
import { partyCheckinAbilities, partyCheckinLifecycle } from './checkin-lifecycle.js';
import { CHECKIN_REPORT } from './checkin-report-ledger.js';
import { partyCheckinRoutes } from './checkin-routes.js';
import { partyIdentityRoutes } from './identity-routes.js';

/** 党建: the party-org tree beside the place tree, the party members, and posts with their claims, the points ledger, dual check-in (双报到), and show identity (亮身份: the compound QR page and the post holders' cards). */
export const partyModule = defineModule({
  name: 'party',
  tables: ['party_orgs', 'party_members', 'party_posts', 'party_claims', 'party_points_rules', 'party_points', 'party_member_accounts', 'party_checkins', 'party_checkin_rules', 'party_public_keys', 'party_contact_messages'],
  routes: [partyOrgRoutes, partyMemberRoutes, partyPostRoutes, partyPostH5Routes, partyPointsRoutes, partyCheckinRoutes, partyIdentityRoutes],
  policies: [partyOrgAbilities(partyOrgLifecycle), partyMemberAbilities(partyMemberLifecycle), ...partyPostAbilities(partyPostLifecycle, partyClaimLifecycle), partyPointsPolicy, partyCheckinAbilities()],
  lifecycles: [partyOrgLifecycle, partyMemberLifecycle, partyPostLifecycle, partyClaimLifecycle, partyCheckinLifecycle],
  pathCopies: [{ table: 'party_orgs' }, { table: 'party_members' }, { table: 'party_posts' }, { table: 'party_claims' }, { table: 'party_points_rules' }, { table: 'party_points' }, { table: 'party_checkins' }, { table: 'party_checkin_rules' }, { table: 'party_public_keys' }, { table: 'party_contact_messages' }],
  jobs: [postMonthPointsJob, ratingPointsJob, employerReportJob],
  ledgers: [{
    key: MEMBER_ROSTER.key, title: MEMBER_ROSTER.title, subject: 'party_member', action: 'export',
    href: '/api/party-members.xlsx?placeId={placeId}', params: ['placeId'],
  }, {
    key: POINTS_RANKING.key, title: POINTS_RANKING.title, subject: 'party_points', action: 'export',
    href: '/api/party-points/ranking.xlsx?placeId={placeId}&period=year&month={month}', params: ['placeId', 'month'],
  }, {
    key: CHECKIN_REPORT.key, title: CHECKIN_REPORT.title, subject: 'party_checkin', action: 'employer',
    href: '/api/party-checkins/employer-report.xlsx?month={month}', params: ['month'],
  }],
  figures: [{
    key: 'party.compoundBranches', label: partyMsg.figureBranches, unit: 'count',
    // Branches active at the period's end: set up before it and not dissolved by then.
    query: async (db, placePath, { to }) => Number((await db.selectFrom('party_orgs').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'compound_branch').where('created_at', '<', to)
      .where((eb) => eb.or([eb('dissolved_at', 'is', null), eb('dissolved_at', '>=', to)]))
      .where((eb) => inSubtrees(eb, 'place_path', [placePath])).executeTakeFirstOrThrow()).n),
  }],
  seed: partySeed,
  scopeCases: () => import('./scope-cases.js').then((m) => m.scopeSuite),
});
