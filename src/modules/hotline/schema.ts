import { z } from 'zod';
import { bilingual, ZId, ZPhone, ZString } from '../../core/validation.js';
import { DEMAND_TYPES, type DemandType } from '../../../contracts/work-orders.js';
import { DEMAND_TYPE_NAMES, demandTypeSpellings } from './layout.js';
import { templateHeader, type HotlineField } from './synonyms.js';
import { confidentialOfText, URGENCY_NAMES, urgencyOfText } from './values.js';
import { hotlineMsg } from './messages.js';
import { bilingualMsg, msg } from '../../core/i18n.js';

const header = (f: HotlineField) => ({ zh: templateHeader(f), en: f });
const required = (f: HotlineField, max: number) =>
  ZString().trim().min(1, bilingualMsg(msg(hotlineMsg.fieldRequired, { field: header(f) }))).max(max, bilingualMsg(msg(hotlineMsg.fieldTooLong, { field: header(f), max })));

const typeOf = new Map<string, DemandType>([
  ...DEMAND_TYPES.map((t) => [t, t] as const),
  ...Object.entries(DEMAND_TYPE_NAMES).flatMap(([t, name]) => demandTypeSpellings(name).map((s) => [s, t as DemandType] as const)),
]);

const ZDemandType = ZString().trim().transform((s, c) => {
  const t = typeOf.get(s);
  if (!t) c.addIssue({ code: 'custom', message: bilingualMsg(msg(hotlineMsg.demandTypeOneOf, { types: { zh: Object.values(DEMAND_TYPE_NAMES).join('、'), en: DEMAND_TYPES.join(', ') } })).error });
  return t ?? 'help';
});

const LOCAL_TIME = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** ISO 8601 with an offset, or '2026-11-24 09:30[:00]' (also with '/') in China time; a bare date is its first minute. */
export function parseReceivedAt(text: string): Date | null {
  if (z.iso.datetime({ offset: true }).safeParse(text).success) return new Date(text);
  const m = LOCAL_TIME.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const at = new Date(Date.UTC(y, mo - 1, d, h, mi, s) - 8 * 3600_000);
  const back = new Date(at.getTime() + 8 * 3600_000);
  const real = back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
  return real ? at : null;
}

const ZReceivedAt = ZString().trim().min(1, bilingualMsg(hotlineMsg.receivedAtRequired)).transform((s, c) => {
  const at = parseReceivedAt(s);
  // How far back or ahead it may lie is checked with the order (toFileDemand), against the configured bound.
  if (!at) c.addIssue({ code: 'custom', message: bilingualMsg(hotlineMsg.receivedAtFormat).error });
  return at?.toISOString() ?? '';
});

/** A deadline: as a received time, except that a bare date is the end of that day. */
const ZDue = ZString().trim().transform((s, c) => {
  const at = parseReceivedAt(s);
  if (!at) c.addIssue({ code: 'custom', message: bilingualMsg(hotlineMsg.resolveDueFormat).error });
  const bareDate = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(s);
  return at ? new Date(at.getTime() + (bareDate ? 86400_000 - 1000 : 0)).toISOString() : '';
});

const ZUrgency = ZString().trim().transform((s, c) => {
  const u = urgencyOfText(s);
  if (!u) c.addIssue({ code: 'custom', message: bilingualMsg(msg(hotlineMsg.urgencyOneOf, { names: URGENCY_NAMES })).error });
  return u ?? 'normal';
});

/** 是/否 in a sheet, a boolean in JSON. */
const ZConfidential = z.union([z.boolean(), ZString().trim().transform((s, c) => {
  const yes = confidentialOfText(s);
  if (yes === undefined) c.addIssue({ code: 'custom', message: bilingualMsg(hotlineMsg.confidentialYesNo).error });
  return yes ?? false;
})]);

/**
 * Empty cells and JSON nulls are absent; numbers (phone numbers typed as numbers) are text. An export without a title
 * (most platforms have none) takes the description's beginning as it.
 */
const cleaned = (v: unknown) => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  const o = Object.fromEntries(Object.entries(v).flatMap(([k, x]) => (x === '' || x === null ? [] : [[k, typeof x === 'number' ? String(x) : x]])));
  if (o.title === undefined && typeof o.description === 'string') o.title = o.description.trim().slice(0, TITLE_FROM_DESCRIPTION);
  return o;
};
const TITLE_FROM_DESCRIPTION = 30;

/**
 * One 12345 order, as pushed (JSON) or imported (a sheet row or a JSON array item). Where it is: `placeId` (ours), or
 * `community` (division code, id or name) with an optional `compound` name.
 */
export const ZHotlineOrder = z.preprocess(cleaned, z.object({
  externalNo: required('externalNo', 64),
  receivedAt: ZReceivedAt,
  demandType: ZDemandType,
  // Up to four levels joined by ' / ' (mapping.ts); the lookup takes the deepest that names a category.
  category: required('category', 200),
  placeId: ZId.optional(),
  community: ZString().trim().max(50).optional(),
  compound: ZString().trim().max(50).optional(),
  title: required('title', 100),
  description: required('description', 2000),
  reporterName: ZString().trim().max(50).optional(),
  reporterPhone: ZPhone.optional(),
  address: ZString().trim().max(200).optional(),
  urgency: ZUrgency.optional(),
  confidential: ZConfidential.optional(),
  resolveDue: ZDue.optional(),
}));
export type THotlineOrder = z.infer<typeof ZHotlineOrder>;
