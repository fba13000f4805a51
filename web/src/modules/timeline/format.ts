import type { useI18n } from '../../app/i18n/I18nProvider';

type I18n = ReturnType<typeof useI18n>;

/** Local date and time, e.g. 2026-03-05 14:02:11. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Field values as people read them: enumerations translated, booleans as yes/no. */
export function formatValue(i18n: I18n, key: string, value: unknown): string {
  const { t, tr } = i18n;
  if (value === null || value === undefined || value === '') return t('common.none');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string') {
    const dictionaryOf: Record<string, string> = {
      field: 'field', level: 'level', compoundType: 'compoundType', relation: 'relation', gender: 'gender', role: 'role',
      state: 'workOrderState', rating: 'rating',
    };
    const section = dictionaryOf[key];
    return section ? tr(`${section}.${value}`, value) : value;
  }
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v ? formatRole(i18n, v) : String(v))).join('、');
  return JSON.stringify(value);
}

function formatRole(i18n: I18n, v: object): string {
  const r = v as { role?: string; placeName?: string; placeId?: string };
  if (!r.role) return JSON.stringify(v);
  return `${i18n.tr(`role.${r.role}`, r.role)} · ${r.placeName ?? r.placeId ?? ''}`;
}

export const actionLabel = (i18n: I18n, action: string) => i18n.tr(`action.${action}`, action);
export const fieldLabel = (i18n: I18n, field: string) => i18n.tr(`field.${field}`, field);
