import type { Actor } from './access/actor.js';
import type { Db } from './db.js';
import { appendEvent } from './events.js';
import type { PersonalDataCipher, PersonalKind } from './personal-data.js';
import { notFound } from './errors.js';

interface RevealOf { entityType: string; entityId: string; placeId: string; field: string; reason: string; detail?: Record<string, unknown> }

/** Writes the reveal (who, what, why) to the event log before anyone answers with the value. */
async function logReveal(db: Db, actor: Actor, args: RevealOf) {
  await appendEvent(db, actor, {
    entityType: args.entityType,
    entityId: args.entityId,
    placeId: args.placeId,
    action: 'reveal',
    to: { field: args.field, ...args.detail },
    reason: args.reason,
  });
}

/**
 * Decrypts one personal field and writes the reveal (who, what, why) to the event log before answering. `name`: a name kept
 * encrypted because its owner asked (a confidential work order's reporter).
 */
export async function revealPersonal(
  db: Db,
  cipher: PersonalDataCipher,
  actor: Actor,
  args: RevealOf & { field: PersonalKind | 'name'; stored: string | null },
): Promise<string> {
  if (!args.stored) throw notFound(args.field);
  const value = cipher.decrypt(args.stored);
  await logReveal(db, actor, args);
  return value;
}

/**
 * Free text as it was typed (a description, a comment), whose phone and ID numbers every page shows masked
 * (`maskPersonalText`): answered only once the reveal is in the event log, as a personal field's.
 */
export async function revealTypedText<T>(db: Db, actor: Actor, args: RevealOf & { text: T | null | undefined }): Promise<T> {
  if (args.text === null || args.text === undefined) throw notFound(args.field);
  await logReveal(db, actor, args);
  return args.text;
}
