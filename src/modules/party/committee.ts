import type { Actor } from '../../core/access/actor.js';
import type { DbOrTrx } from '../../core/db.js';
import { invalid } from '../../core/errors.js';
import { msg } from '../../core/i18n.js';
import type { TPartySeatHolder } from '../../../contracts/party.js';
import { findVisibleUnit } from '../units/index.js';
import { partyMsg } from './messages.js';

/** Every unit a seat names (a part-time member's partner unit, a first secretary's department) is one the caller sees. */
export async function checkCommittee(db: DbOrTrx, actor: Actor, committee: readonly TPartySeatHolder[]): Promise<void> {
  for (const [i, s] of committee.entries()) {
    if (s.unitId && !(await findVisibleUnit(db, actor, s.unitId))) throw invalid(`committee.${i}.unitId`, msg(partyMsg.seatUnit, { n: i + 1 }));
  }
}
