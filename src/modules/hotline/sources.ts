import type { Actor } from '../../core/access/actor.js';
import type { DbOrTrx, Trx } from '../../core/db.js';
import { appendEvent } from '../../core/events.js';
import { newId } from '../../core/ids.js';
import type { HeaderCell } from '../../core/ledger/index.js';
import { findPlace } from '../places/index.js';
import { ZHotlineMapping, type THotlineMapping } from './mapping.js';
import type { HotlineSourceTable } from './tables.js';

export interface RememberedSource {
  id: string;
  name: string;
  headers: string[];
  mapping: THotlineMapping;
  updatedAt: string;
}

const headerKey = (headers: readonly string[]) => JSON.stringify(headers);

/** The named sources of these offices (a street's, or each office an import files for), most recently used first. */
export async function listSources(db: DbOrTrx, placeIds: readonly string[]): Promise<RememberedSource[]> {
  if (!placeIds.length) return [];
  const rows = await db.selectFrom('hotline_sources').selectAll().where('place_id', 'in', [...placeIds]).orderBy('updated_at', 'desc').orderBy('id').execute();
  return rows.map(toSource);
}

function toSource(r: HotlineSourceTable): RememberedSource {
  return { id: r.id, name: r.name, headers: JSON.parse(r.headers) as string[], mapping: ZHotlineMapping.parse(JSON.parse(r.mapping)), updatedAt: r.updated_at };
}

/** The mapping to apply unasked: the named source's, else any source's of these offices, made for exactly these headers. */
export function rememberedFor(sources: RememberedSource[], headers: HeaderCell[], name?: string): RememberedSource | undefined {
  const key = headerKey(headers.map((h) => h.text));
  const same = sources.filter((s) => headerKey(s.headers) === key);
  return same.find((s) => s.name === name) ?? same[0];
}

/**
 * Remembers the mapping of a successful import under the source's name, on the office it filed for, in the import's
 * transaction (one row per office and name: the next file of another layout replaces it), with its event.
 */
export async function rememberMapping(trx: Trx, actor: Actor, placeId: string, name: string, headers: HeaderCell[], mapping: THotlineMapping) {
  const place = (await findPlace(trx, placeId))!;
  const now = new Date().toISOString();
  const existing = await trx.selectFrom('hotline_sources').select(['id', 'version']).where('place_id', '=', placeId).where('name', '=', name).executeTakeFirst();
  const values = { headers: headerKey(headers.map((h) => h.text)), mapping: JSON.stringify(mapping), updated_by: actor.userId, updated_at: now };
  const id = existing?.id ?? newId();
  if (existing) await trx.updateTable('hotline_sources').set({ ...values, version: existing.version + 1 }).where('id', '=', id).execute();
  else await trx.insertInto('hotline_sources').values({ id, place_id: place.id, place_path: place.path, name, ...values, version: 1, created_at: now }).execute();
  await appendEvent(trx, actor, {
    entityType: 'hotline_source', entityId: id, placeId: place.id, action: existing ? 'remap' : 'map',
    to: { name, mapped: mapping.filter((m) => m.field).length, ignored: mapping.filter((m) => !m.field).length },
  });
}
