import type { Bilingual, Event, EventRefs } from '../../app/api/types';
import type { useI18n } from '../../app/i18n/I18nProvider';

type I18n = ReturnType<typeof useI18n>;

/**
 * Date and time in Beijing time (UTC+8, no daylight saving), e.g. 2026-03-05 14:02:11, whatever the browser's clock zone:
 * the deployment's calendar, by which deadlines, tracking numbers and the rates' months are counted too.
 */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Date(d.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

const BEIJING_OFFSET_MS = 8 * 3600_000;

/** What an event's values refer to: the names of the records it points to, and the state table's names of its states. */
export interface ValueContext {
  refs: EventRefs;
  /** The state table's label of this side's state, when the server sent one. */
  state?: Bilingual | null;
}

const pick = (i18n: I18n, m: Bilingual) => (i18n.locale === 'en' ? m.en : m.zh);

/** Enumerations by the field that holds them: the catalogue section their labels live in. */
const DICTIONARY_OF: Record<string, string> = {
  field: 'field', level: 'level', compoundType: 'compoundType', relation: 'relation', gender: 'gender', role: 'role',
  state: 'workOrderState', rating: 'rating', channel: 'channel', demandType: 'demandType', stage: 'workOrder.photoStage', kind: 'workOrder.unitKinds',
  clientStatus: 'open311Status', urgency: 'urgency',
};
/** Fields that hold the id of another record, and which kind. */
const POINTERS: Record<string, string> = {
  units: 'unit', unitIds: 'unit', unitId: 'unit', intoId: 'work_order', mergedInto: 'work_order', categoryId: 'category', placeId: 'place',
  parentId: 'place', officeId: 'place', userId: 'user', requestId: 'extension_request',
};
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A person or unit by name, a person with their role: 张三(网格员). */
export function refName(i18n: I18n, refs: EventRefs, type: string, id: string): string {
  const ref = refs[`${type}:${id}`];
  if (!ref) return i18n.t('timeline.unknownRecord');
  return ref.role ? `${ref.name}(${i18n.tr(`role.${ref.role}`, ref.role)})` : ref.name;
}

/** Field values as people read them: enumerations and states by their labels, records by name, times in local time. */
export function formatValue(i18n: I18n, key: string, value: unknown, ctx: ValueContext = { refs: {} }): string {
  const { t, tr } = i18n;
  if (value === null || value === undefined || value === '') return t('common.none');
  if (key === 'state' && ctx.state) return pick(i18n, ctx.state);
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') return String(value);
  const pointer = POINTERS[key];
  if (pointer) return (Array.isArray(value) ? value : [value]).map((id) => refName(i18n, ctx.refs, pointer, String(id))).join('、');
  if (key === 'assignee' && typeof value === 'object') {
    const a = value as { kind: string; id: string };
    return refName(i18n, ctx.refs, a.kind, a.id);
  }
  if (typeof value === 'string') {
    const section = DICTIONARY_OF[key];
    if (section) return tr(`${section}.${value}`, value);
    return ISO_TIME.test(value) ? localTime(value) : value;
  }
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v ? formatRole(i18n, v) : formatValue(i18n, key, v, ctx))).join('、');
  // Any other object: each of its fields by label, never as JSON.
  return Object.entries(value as Record<string, unknown>).map(([k, v]) => `${fieldLabel(i18n, k)}:${formatValue(i18n, k, v, ctx)}`).join(',');
}

function formatRole(i18n: I18n, v: object): string {
  const r = v as { role?: string; placeName?: string; placeId?: string };
  if (!r.role) return formatValue(i18n, '', v);
  return `${i18n.tr(`role.${r.role}`, r.role)} · ${r.placeName ?? ''}`;
}

/** The step's name: the state table's when the event is one of its steps, else the catalogue's. */
export const actionLabel = (i18n: I18n, action: string, e?: Pick<Event, 'label'>) => (e?.label ? pick(i18n, e.label) : i18n.tr(`action.${action}`, action));
export const fieldLabel = (i18n: I18n, field: string) => i18n.tr(`field.${field}`, field);
/** What the event's free text is: a note on a dispatch, a comment on a rating, a reason elsewhere. */
export const reasonLabel = (i18n: I18n, action: string) => i18n.tr(`reasonLabel.${action}`, i18n.t('timeline.reason'));

/** Who did it: 张三(网格员), or the scheduler by its name. */
export function actorLabel(i18n: I18n, e: Pick<Event, 'actorName' | 'actorRole' | 'system'>): string {
  if (e.system) return i18n.locale === 'en' || !e.actorName || e.actorName === 'system' ? i18n.t('timeline.system') : e.actorName;
  if (!e.actorName) return i18n.t('timeline.resident');
  return e.actorRole ? `${e.actorName}(${i18n.tr(`role.${e.actorRole}`, e.actorRole)})` : e.actorName;
}

/** Which record: 工单 20261202-1A2B3C4D. */
export const recordLabel = (i18n: I18n, e: Pick<Event, 'entityType' | 'recordName'>) =>
  `${i18n.tr(`entity.${e.entityType}`, '')} ${e.recordName ?? ''}`.trim();

/** Where a record opens, for those kinds that have a page. */
export function recordHref(e: Pick<Event, 'entityType' | 'entityId'>): string | null {
  const pages: Record<string, (id: string) => string> = { work_order: (id) => `/work-orders/${id}`, place: (id) => `/places/${id}` };
  return pages[e.entityType]?.(e.entityId) ?? null;
}
