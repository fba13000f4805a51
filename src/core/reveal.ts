import type { Actor } from './access/actor.js';
import type { Db } from './db.js';
import { appendEvent } from './events.js';
import type { PersonalDataCipher, PersonalKind } from './personal-data.js';
import { notFound } from './errors.js';

/**
 * Decrypts one personal field and writes the reveal (who, what, why) to the event log before answering. `name`: a name kept
 * encrypted because its owner asked (a confidential work order's reporter).
 */
export async function revealPersonal(
  db: Db,
  cipher: PersonalDataCipher,
  actor: Actor,
  args: { entityType: string; entityId: string; placeId: string; field: PersonalKind | 'name'; stored: string | null; reason: string },
): Promise<string> {
  if (!args.stored) throw notFound(args.field);
  const value = cipher.decrypt(args.stored);
  await appendEvent(db, actor, {
    entityType: args.entityType,
    entityId: args.entityId,
    placeId: args.placeId,
    action: 'reveal',
    to: { field: args.field },
    reason: args.reason,
  });
  return value;
}
