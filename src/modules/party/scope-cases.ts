import type { PartyOrgAction } from '../../../contracts/party.js';
import { defineScopeSuite, type ScopeCase } from '../../core/scope-suite.js';

type Own = { org: string };

/** A body each step would accept, so that only the scope refuses it. */
const STEP_BODIES: Record<PartyOrgAction, Record<string, unknown>> = { edit: { name: '越权改名' }, dissolve: { reason: '越权撤销' } };

/** An org of 沙头社区 is outside 北江社区's subtree and not above it. */
export const scopeSuite = defineScopeSuite({
  async prepare(f): Promise<Own> {
    const now = new Date().toISOString();
    await f.ctx.handle.db.insertInto('party_orgs').values({ id: 'otherpartyorg001', kind: 'building_group', name: '沙头社区第1网格党小组',
      place_id: f.otherGrid.id, place_path: f.otherGrid.path, unit_id: null, unit_key: '', committee: '[]', state: 'active', dissolved_at: null,
      version: 1, created_at: now, updated_at: now }).execute();
    return { org: 'otherpartyorg001' };
  },
  cases: [
    { route: 'POST /api/party-orgs', who: 'beijiang',
      request: (f) => ({ method: 'POST', url: '/api/party-orgs', payload: { kind: 'community_party_committee', name: '越权党委', placeId: f.otherCommunity.id } }) },
    { route: 'GET /api/party-orgs', who: 'beijiang', request: (f) => ({ url: `/api/party-orgs?placeId=${f.otherCommunity.id}` }) },
    { route: 'GET /api/party-orgs/gaps', who: 'beijiang', request: (f) => ({ url: `/api/party-orgs/gaps?placeId=${f.otherCommunity.id}` }) },
    { route: 'GET /api/party-orgs/{id}', who: 'beijiang', request: (f) => ({ url: `/api/party-orgs/${f.org}` }) },
    ...Object.entries(STEP_BODIES).map(([step, body]): ScopeCase<Own> => ({ route: `POST /api/party-orgs/{id}/${step}`, who: 'beijiang',
      request: (f) => ({ method: 'POST', url: `/api/party-orgs/${f.org}/${step}`, payload: { version: 1, ...body } }) })),
  ],
});
