import ExcelJS from 'exceljs';
import type { PartyCheckinAction } from '../../../contracts/party-checkins.js';
import type { PartyClaimAction, PartyMemberAction, PartyOrgAction, PartyPostAction } from '../../../contracts/party.js';
import { multipartFile } from '../../test/harness.js';
import { defineScopeSuite, type ScopeCase } from '../../core/scope-suite.js';

type Own = { org: string; member: string; rosterFile: Buffer; post: string; claim: string; entry: string; item: string; checkin: string };

/** A body each step would accept, so that only the scope refuses it. */
const STEP_BODIES: Record<PartyOrgAction, Record<string, unknown>> = { edit: { name: '越权改名' }, dissolve: { reason: '越权撤销' } };
const POST_STEP_BODIES: Record<PartyPostAction, Record<string, unknown>> = { close: { reason: '越权停止' }, reopen: {} };
const CLAIM_STEP_BODIES: Record<PartyClaimAction, Record<string, unknown>> = { approve: {}, decline: { reason: '越权' }, claim: {}, vacate: { reason: '越权' } };
const CHECKIN_STEP_BODIES: Record<PartyCheckinAction, Record<string, unknown>> = { confirm: {}, decline: { reason: '越权退回' } };
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
    await f.ctx.handle.db.insertInto('party_posts').values({ id: 'otherpartypost01', kind: 'patrol_leader', title: '沙头巡逻队长', duties: '夜间巡逻',
      place_id: f.otherGrid.id, place_path: f.otherGrid.path, places_total: 2, places_taken: 0, state: 'open', version: 1, created_at: now, updated_at: now }).execute();
    await f.ctx.handle.db.insertInto('party_claims').values({ id: 'otherpartyclm001', post_id: 'otherpartypost01', member_id: 'otherpartymem001', place_id: f.otherGrid.id,
      place_path: f.otherGrid.path, source: 'self', recommender_index: null, state: 'nominated', version: 1, created_at: now, updated_at: now }).execute();
    // One entry of 沙头社区's member, on the service item of its (seeded) rules.
    const rules = await f.ctx.handle.db.selectFrom('party_points_rules').select('items').where('place_id', '=', f.otherCommunity.id).executeTakeFirstOrThrow();
    const item = (JSON.parse(rules.items) as { id: string; kind: string }[]).find((i) => i.kind === 'service_hour')!;
    await f.ctx.handle.db.insertInto('party_points').values({ id: 'otherpartypts001', member_id: 'otherpartymem001', place_id: f.otherGrid.id, place_path: f.otherGrid.path,
      item_id: item.id, item_kind: 'service_hour', item_name: '志愿服务', quantity: 2, points: 4, capped: 0, period: now.slice(0, 7), earned_on: now.slice(0, 10),
      reason: '楼道清理', source_key: null, counters_id: null, created_by: null, created_by_name: 'system', created_at: now }).execute();
    // A check-in of 沙头社区's member to 沙头社区, waiting to be confirmed.
    await f.ctx.handle.db.insertInto('party_checkins').values({ id: 'otherpartychk001', member_id: 'otherpartymem001', place_id: f.otherCommunity.id,
      place_path: f.otherCommunity.path, unit_id: null, kind: 'in_service_member', year: now.slice(0, 4), note: null, state: 'submitted', decline_reason: null,
      decided_at: null, version: 1, created_at: now, updated_at: now }).execute();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRows([['姓名', '党员类别', '所属党组织'], ['越权党员', '居民党员', '沙头社区第1网格党小组']]);
    return { org: 'otherpartyorg001', member: 'otherpartymem001', rosterFile: Buffer.from(await wb.xlsx.writeBuffer()), post: 'otherpartypost01', claim: 'otherpartyclm001', entry: 'otherpartypts001', item: item.id, checkin: 'otherpartychk001' };
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
    { route: 'POST /api/party-posts', who: 'beijiang',
      request: (f) => ({ method: 'POST', url: '/api/party-posts', payload: { kind: 'patrol_leader', title: '越权岗位', duties: '越权职责', placeId: f.otherGrid.id, places: 1 } }) },
    { route: 'GET /api/party-posts', who: 'beijiang', request: (f) => ({ url: `/api/party-posts?placeId=${f.otherCommunity.id}` }) },
    { route: 'GET /api/party-posts/lacking-heads', who: 'beijiang', request: (f) => ({ url: `/api/party-posts/lacking-heads?placeId=${f.otherCommunity.id}` }) },
    { route: 'GET /api/party-posts/{id}', who: 'beijiang', request: (f) => ({ url: `/api/party-posts/${f.post}` }) },
    { route: 'POST /api/party-posts/{id}/nominations', who: 'beijiang',
      request: (f) => ({ method: 'POST', url: `/api/party-posts/${f.post}/nominations`, payload: { memberId: f.member } }) },
    ...Object.entries(POST_STEP_BODIES).map(([step, body]): ScopeCase<Own> => ({ route: `POST /api/party-posts/{id}/${step}`, who: 'beijiang',
      request: (f) => ({ method: 'POST', url: `/api/party-posts/${f.post}/${step}`, payload: { version: 1, ...body } }) })),
    ...Object.entries(CLAIM_STEP_BODIES).map(([step, body]): ScopeCase<Own> => ({ route: `POST /api/party-claims/{id}/${step}`, who: 'beijiang',
      request: (f) => ({ method: 'POST', url: `/api/party-claims/${f.claim}/${step}`, payload: { version: 1, ...body } }) })),
    ...Object.entries(MEMBER_STEP_BODIES).map(([step, body]): ScopeCase<Own> => ({ route: `POST /api/party-members/{id}/${step}`, who: 'beijiang',
      request: (f) => ({ method: 'POST', url: `/api/party-members/${f.member}/${step}`, payload: { version: 1, ...body } }) })),
    { route: 'GET /api/party-points/rules', who: 'beijiang', request: (f) => ({ url: `/api/party-points/rules?placeId=${f.otherCommunity.id}` }) },
    { route: 'PUT /api/party-points/rules', who: 'beijiang',
      request: (f) => ({ method: 'PUT', url: '/api/party-points/rules', payload: { placeId: f.otherCommunity.id, version: 1, items: [{ kind: 'meeting', points: 9 }] } }) },
    { route: 'POST /api/party-members/{id}/service', who: 'beijiang',
      request: (f) => ({ method: 'POST', url: `/api/party-members/${f.member}/service`, payload: { hours: 2, what: '越权登记', date: '2026-11-02' } }) },
    { route: 'POST /api/party-members/{id}/award', who: 'beijiang',
      request: (f) => ({ method: 'POST', url: `/api/party-members/${f.member}/award`, payload: { itemId: f.item, reason: '越权给分', date: '2026-11-02' } }) },
    { route: 'POST /api/party-points/meetings', who: 'beijiang',
      request: (f) => ({ method: 'POST', url: '/api/party-points/meetings', payload: { placeId: f.otherCommunity.id, title: '越权会议', date: '2026-11-02', memberIds: [f.member] } }) },
    { route: 'POST /api/party-points/{id}/counter', who: 'beijiang',
      request: (f) => ({ method: 'POST', url: `/api/party-points/${f.entry}/counter`, payload: { reason: '越权冲正' } }) },
    { route: 'GET /api/party-members/{id}/points', who: 'beijiang', request: (f) => ({ url: `/api/party-members/${f.member}/points` }) },
    { route: 'GET /api/party-points/ranking', who: 'beijiang', request: (f) => ({ url: `/api/party-points/ranking?placeId=${f.otherCommunity.id}&period=year&of=2026` }) },
    { route: 'GET /api/party-points/ranking.xlsx', who: 'beijiang', request: (f) => ({ url: `/api/party-points/ranking.xlsx?placeId=${f.otherCommunity.id}&period=year&month=2026-11` }) },
    { route: 'GET /api/party-checkins', who: 'beijiang', request: (f) => ({ url: `/api/party-checkins?placeId=${f.otherCommunity.id}` }) },
    ...Object.entries(CHECKIN_STEP_BODIES).map(([step, body]): ScopeCase<Own> => ({ route: `POST /api/party-checkins/{id}/${step}`, who: 'beijiang',
      request: (f) => ({ method: 'POST', url: `/api/party-checkins/${f.checkin}/${step}`, payload: { version: 1, ...body } }) })),
    { route: 'GET /api/party-checkins/rules', who: 'beijiang', request: (f) => ({ url: `/api/party-checkins/rules?placeId=${f.otherCommunity.id}` }) },
    { route: 'PUT /api/party-checkins/rules', who: 'beijiang',
      request: (f) => ({ method: 'PUT', url: '/api/party-checkins/rules', payload: { placeId: f.otherCommunity.id, version: 0, deadline: '05-31', reportPeriod: 'half' } }) },
    { route: 'GET /api/party-checkins/missing', who: 'beijiang', request: (f) => ({ url: `/api/party-checkins/missing?placeId=${f.otherCommunity.id}&kind=checkin` }) },
    { route: 'POST /api/party-members/{id}/photo', who: 'beijiang', request: (f) => ({ method: 'POST', url: `/api/party-members/${f.member}/photo`,
      headers: { 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x--\r\n' }) },
    { route: 'GET /api/party-members/{id}/photo', who: 'beijiang', request: (f) => ({ url: `/api/party-members/${f.member}/photo` }) },
    { route: 'GET /api/party-members/{id}/account', who: 'beijiang', request: (f) => ({ url: `/api/party-members/${f.member}/account` }) },
    { route: 'PUT /api/party-members/{id}/account', who: 'beijiang', request: (f) => ({ method: 'PUT', url: `/api/party-members/${f.member}/account`, payload: { userId: null } }) },
    { route: 'GET /api/party-contact-messages', who: 'beijiang', request: (f) => ({ url: `/api/party-contact-messages?placeId=${f.otherCommunity.id}` }) },
    { route: 'GET /api/party/communities/{id}/qr-codes', who: 'beijiang', request: (f) => ({ url: `/api/party/communities/${f.otherCommunity.id}/qr-codes` }) },
    { route: 'GET /api/party/communities/{id}/qr-sheet.pdf', who: 'beijiang', request: (f) => ({ url: `/api/party/communities/${f.otherCommunity.id}/qr-sheet.pdf` }) },
  ],
  // The resident's page reads the compound the resident chose; a post of another compound is 404 (party-posts.test.ts).
  unscoped: [
    { route: 'GET /api/party-points/mine', reason: "the signed-in party member's own ledger, through their account's link (points.test.ts)" },
    { route: 'POST /api/party-checkins/mine', reason: "the signed-in party member checks in themself, through their account's link (party-checkins.test.ts)" },
    { route: 'GET /api/party-checkins/mine', reason: "the signed-in party member's own check-ins, through their account's link (party-checkins.test.ts)" },
    { route: 'GET /api/party-checkins/employer', reason: "a partner-unit contact sees their own unit's members only, by the account's unit, wherever they check in (party-checkins.test.ts)" },
    { route: 'GET /api/party-checkins/employer-report.xlsx', reason: "the contact's own unit's members only, by the account's unit (party-checkins.test.ts)" },
    { route: 'GET /api/h5/party-posts', reason: 'the open posts and the members of the compound the signed-in resident chose' },
    { route: 'GET /api/public/compounds/{key}', reason: 'the QR page (码上通): anyone who scans the code, no sign-in; public fields only, no personal data (identity.test.ts)' },
    { route: 'GET /api/public/cards/{key}', reason: 'a post holder’s public card (亮身份): anyone, no sign-in; name, posts and duties only (identity.test.ts)' },
    { route: 'GET /api/public/cards/{key}/photo', reason: 'the photo on a post holder’s public card: anyone while the card is good, 404 once the post is vacated (identity.test.ts)' },
    { route: 'POST /api/public/cards/{key}/messages', reason: 'anyone may leave the card’s holder a message; it goes to the member, nothing is read back (identity.test.ts)' },
    { route: 'POST /api/h5/party-posts/{id}/recommend', reason: "recommends for a post of the resident's chosen compound; another compound's post is 404 (party-posts.test.ts)" },
  ],
});
