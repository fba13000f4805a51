import ExcelJS from 'exceljs';
import type { PartyMemberAction, PartyOrgAction } from '../../../contracts/party.js';
import { multipartFile } from '../../test/harness.js';
import { defineScopeSuite, type ScopeCase } from '../../core/scope-suite.js';

type Own = { org: string; member: string; rosterFile: Buffer };

/** A body each step would accept, so that only the scope refuses it. */
const STEP_BODIES: Record<PartyOrgAction, Record<string, unknown>> = { edit: { name: '越权改名' }, dissolve: { reason: '越权撤销' } };
const MEMBER_STEP_BODIES: Record<PartyMemberAction, Record<string, unknown>> = { edit: { name: '越权改名' }, transfer: { orgId: 'otherpartyorg001' }, leave: { reason: '越权登记' } };

/** An org of 沙头社区 is outside 北江社区's subtree and not above it. */
export const scopeSuite = defineScopeSuite({
  async prepare(f): Promise<Own> {
    const now = new Date().toISOString();
    await f.ctx.handle.db.insertInto('party_orgs').values({ id: 'otherpartyorg001', kind: 'building_group', name: '沙头社区第1网格党小组',
      place_id: f.otherGrid.id, place_path: f.otherGrid.path, unit_id: null, unit_key: '', committee: '[]', state: 'active', dissolved_at: null,
      version: 1, created_at: now, updated_at: now }).execute();
    await f.ctx.handle.db.insertInto('party_members').values({ id: 'otherpartymem001', name: '沙头党员', category: 'resident_member', org_id: 'otherpartyorg001',
      household_id: null, place_id: f.otherGrid.id, place_path: f.otherGrid.path, unit_id: null, phone_enc: null, phone_masked: null, phone_index: null,
      id_number_enc: f.ctx.cipher.encrypt('440607199001011234'), id_number_masked: '4406**********1234', central_household: 0, state: 'active', left_at: null,
      version: 1, created_at: now, updated_at: now }).execute();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRows([['姓名', '党员类别', '所属党组织'], ['越权党员', '居民党员', '沙头社区第1网格党小组']]);
    return { org: 'otherpartyorg001', member: 'otherpartymem001', rosterFile: Buffer.from(await wb.xlsx.writeBuffer()) };
  },
  cases: [
    { route: 'POST /api/party-orgs', who: 'beijiang',
      request: (f) => ({ method: 'POST', url: '/api/party-orgs', payload: { kind: 'community_party_committee', name: '越权党委', placeId: f.otherCommunity.id } }) },
    { route: 'GET /api/party-orgs', who: 'beijiang', request: (f) => ({ url: `/api/party-orgs?placeId=${f.otherCommunity.id}` }) },
    { route: 'GET /api/party-orgs/gaps', who: 'beijiang', request: (f) => ({ url: `/api/party-orgs/gaps?placeId=${f.otherCommunity.id}` }) },
    { route: 'GET /api/party-orgs/{id}', who: 'beijiang', request: (f) => ({ url: `/api/party-orgs/${f.org}` }) },
    ...Object.entries(STEP_BODIES).map(([step, body]): ScopeCase<Own> => ({ route: `POST /api/party-orgs/{id}/${step}`, who: 'beijiang',
      request: (f) => ({ method: 'POST', url: `/api/party-orgs/${f.org}/${step}`, payload: { version: 1, ...body } }) })),
    { route: 'POST /api/party-members', who: 'beijiang',
      request: (f) => ({ method: 'POST', url: '/api/party-members', payload: { name: '越权党员', category: 'resident_member', orgId: f.org } }) },
    { route: 'GET /api/party-members', who: 'beijiang', request: (f) => ({ url: `/api/party-members?placeId=${f.otherCommunity.id}` }) },
    { route: 'GET /api/party-members/{id}', who: 'beijiang', request: (f) => ({ url: `/api/party-members/${f.member}` }) },
    { route: 'POST /api/party-members/{id}/reveal', who: 'beijiang',
      request: (f) => ({ method: 'POST', url: `/api/party-members/${f.member}/reveal`, payload: { field: 'idNumber', reason: '越权查看' } }) },
    { route: 'GET /api/party-members.xlsx', who: 'beijiang', request: (f) => ({ url: `/api/party-members.xlsx?placeId=${f.otherCommunity.id}` }) },
    { route: 'POST /api/party-members/roster', who: 'beijiang',
      request: (f) => ({ method: 'POST', url: `/api/party-members/roster?placeId=${f.otherCommunity.id}`, ...multipartFile(f.rosterFile) }) },
    ...Object.entries(MEMBER_STEP_BODIES).map(([step, body]): ScopeCase<Own> => ({ route: `POST /api/party-members/{id}/${step}`, who: 'beijiang',
      request: (f) => ({ method: 'POST', url: `/api/party-members/${f.member}/${step}`, payload: { version: 1, ...body } }) })),
  ],
});
