import type { DbOrTrx } from '../../core/db.js';
import type { Message } from '../../core/errors.js';
import { listActiveCategories } from '../demand-categories/index.js';
import { createPlaceResolver, PLACE_MISS_TEXT, type PlaceMiss } from '../places/index.js';
import { receivedAtBounds, receivedAtProblem, type TFileDemand } from '../work-orders/index.js';
import type { Config } from '../../config.js';
import { HOTLINE_COLUMNS } from './layout.js';
import type { THotlineOrder } from './schema.js';
import { hotlineMsg } from './messages.js';
import { msg } from '../../core/i18n.js';
import type { ErrorCode } from '../../../contracts/error-codes.js';

export interface Problem {
  field: string;
  code: ErrorCode;
  message: Message;
  miss?: PlaceMiss;
}

/**
 * What turning 12345 orders into demands looks up, loaded once per push or import: the active categories, the places in
 * `roots`, and how far back a received time may lie (a late import is fine, an order of 2019 or 2099 is not).
 */
export async function createHotlineLookup(db: DbOrTrx, roots: string[], config: Pick<Config, 'receivedMaxPastDays'>) {
  const categories = await listActiveCategories(db);
  const byRef = new Map(categories.flatMap((c) => [[c.code, c.id], [c.name, c.id]] as const));
  // A platform's levels (一级分类 / 二级分类 / 三级分类) name ours at some depth: the deepest that names one wins.
  const categoryId = (ref: string) => byRef.get(ref) ?? ref.split(CATEGORY_LEVELS).map((l) => byRef.get(l.trim())).filter(Boolean).at(-1);
  return { categoryId, resolvePlace: createPlaceResolver(db, roots), received: receivedAtBounds(config) };
}

/** How mapping.ts joins the category levels of a row. */
export const CATEGORY_LEVELS = ' / ';

const RECEIVED_AT = { zh: HOTLINE_COLUMNS.find((c) => c.key === 'receivedAt')!.header, en: 'receivedAt' };
export type HotlineLookup = Awaited<ReturnType<typeof createHotlineLookup>>;

/** The demand to file for one 12345 order, keeping its order number; or why it cannot be filed. */
export async function toFileDemand(lookup: HotlineLookup, o: THotlineOrder): Promise<{ input: TFileDemand } | { problem: Problem }> {
  const categoryId = lookup.categoryId(o.category);
  if (!categoryId) {
    return { problem: { field: 'category', code: 'unknown_category', message: msg(hotlineMsg.unknownCategory, { category: o.category }) } };
  }
  const where = await lookup.resolvePlace({ placeId: o.placeId, community: o.community, compound: o.compound });
  if ('miss' in where) return { problem: { field: where.field, code: `place_${where.miss}`, message: PLACE_MISS_TEXT[where.miss], miss: where.miss } };
  const late = receivedAtProblem(new Date(o.receivedAt), lookup.received, RECEIVED_AT);
  if (late) return { problem: { field: 'receivedAt', ...late } };
  return {
    input: {
      channel: 'hotline_12345', externalNo: o.externalNo, receivedAt: o.receivedAt, demandType: o.demandType, categoryId, placeId: where.place.id,
      title: o.title, description: o.description, address: o.address, reporterName: o.reporterName, reporterPhone: o.reporterPhone,
      urgency: o.urgency, confidential: o.confidential, resolveDue: o.resolveDue,
    },
  };
}
