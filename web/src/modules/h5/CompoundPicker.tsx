import { Select, Spin } from 'antd';
import { useRef, useState } from 'react';
import { useNotify } from '../../app/hooks/useNotify';
import { useT } from '../../app/i18n/I18nProvider';
import { h5Api, type H5Compound } from './api';

interface Props {
  value?: string;
  onChange?: (id: string) => void;
  /** The compound a QR link named, shown before any search. */
  initial?: { id: string; name: string } | null;
}

const labelOf = (c: H5Compound) => [c.name, c.community?.name, c.street?.name].filter(Boolean).join(' · ');

/** Finds a compound by part of its name. */
export function CompoundPicker({ value, onChange, initial }: Props) {
  const t = useT();
  const { error } = useNotify();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [searching, setSearching] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const search = (q: string) => {
    clearTimeout(timer.current);
    if (!q.trim()) return;
    timer.current = setTimeout(() => {
      setSearching(true);
      h5Api.searchPlaces(q.trim()).then((r) => setOptions(r.items.map((c) => ({ value: c.id, label: labelOf(c) }))), error)
        .finally(() => setSearching(false));
    }, 250);
  };
  const all = initial && !options.some((o) => o.value === initial.id) ? [{ value: initial.id, label: initial.name }, ...options] : options;
  return (
    <Select data-testid="h5-compound" value={value} onChange={onChange} placeholder={t('h5.searchCompound')} options={all}
      showSearch={{ filterOption: false, onSearch: search }} notFoundContent={searching ? <Spin size="small" /> : null} />
  );
}
