import type { Actor } from '../../core/access/actor.js';
import { assertInScope } from '../../core/access/scope.js';
import type { DbOrTrx } from '../../core/db.js';
import { invalid, notFound } from '../../core/errors.js';
import type { PartyMemberCategory } from '../../../contracts/party.js';
import { findPlace } from '../places/index.js';
import { findVisibleUnit } from '../units/index.js';
import { partyOrgLifecycle, loadPartyOrg } from './lifecycle.js';
import { partyMsg } from './messages.js';

interface Wanted { orgId: string; category: PartyMemberCategory; householdId?: string | null; unitId?: string | null; centralHousehold: boolean }

/**
 * Where a member hangs and what they link to, checked: an active org the caller sees (else 404), a household in the
 * caller's subtree (else 404; another level 422), an employer unit for an in-service member only (422), a member
 * central household only with a household (422). The member's place is the household, else the org's place.
 */
export async function memberPlacement(db: DbOrTrx, actor: Actor, w: Wanted) {
  const org = await loadPartyOrg(db, w.orgId);
  if (!org || !partyOrgLifecycle.visible(actor, org)) throw notFound('party org');
  if (org.state !== 'active') throw invalid('orgId', partyMsg.orgDissolved);
  const household = w.householdId ? await findPlace(db, w.householdId) : undefined;
  if (w.householdId) {
    assertInScope(actor, household?.path, 'place');
    if (household!.level !== 'household') throw invalid('householdId', partyMsg.householdLevel, 'place_level');
  }
  if (w.category === 'in_service_member') {
    if (!w.unitId) throw invalid('unitId', partyMsg.employerRequired, 'required');
    if (!(await findVisibleUnit(db, actor, w.unitId))) throw invalid('unitId', partyMsg.employerUnknown);
  } else if (w.unitId) {
    throw invalid('unitId', partyMsg.employerOnlyInService);
  }
  if (w.centralHousehold && !household) throw invalid('centralHousehold', partyMsg.centralNeedsHousehold);
  const place = household ? { id: household.id, path: household.path } : { id: org.placeId, path: org.placePath };
  return {
    org,
    columns: { household_id: household?.id ?? null, place_id: place.id, place_path: place.path, unit_id: w.unitId ?? null, central_household: w.centralHousehold ? 1 : 0 },
  };
}
