import type { DbOrTrx } from '../../core/db.js';
import { newId, nowIso } from '../../core/ids.js';
import { maskPersonalText } from '../../core/personal-data.js';

export interface NewNotification {
  kind: string;
  /** The record it is about, as the event log names it: the bell links there. */
  entityType: string;
  entityId: string;
  zh: string;
  en: string;
}

/**
 * Puts a line in each user's in-app inbox, in the caller's transaction (SMS goes through the provider adapter elsewhere).
 * The line quotes what someone typed (an order's title), and a unit's contact may not see the reporter's data: phone and
 * ID numbers in it are masked before it is stored.
 */
export async function notify(db: DbOrTrx, userIds: (string | null | undefined)[], n: NewNotification): Promise<void> {
  const ids = [...new Set(userIds.filter((u): u is string => Boolean(u)))];
  if (ids.length === 0) return;
  const now = nowIso();
  await db.insertInto('notifications').values(ids.map((user_id) => ({
    id: newId(), user_id, kind: n.kind, entity_type: n.entityType, entity_id: n.entityId, text_zh: maskPersonalText(n.zh), text_en: maskPersonalText(n.en), read_at: null, created_at: now,
  }))).execute();
}
