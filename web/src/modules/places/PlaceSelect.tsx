import { Select, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { PlaceLevel } from '../../../../contracts/places';
import { useNotify } from '../../app/hooks/useNotify';
import { useI18n } from '../../app/i18n/I18nProvider';
import { placesApi, type FoundPlace } from './api';
import { placeKind } from './levels';

interface Props {
  value?: string;
  onChange?: (id: string, place: FoundPlace | undefined) => void;
  level?: PlaceLevel;
  placeholder?: string;
  /** A label for the current value when it did not come from a search (editing an existing binding). */
  initialLabel?: string;
  style?: React.CSSProperties;
  testId?: string;
}

/** Picks a place by typing part of its name; results come from the caller's scope only. */
export function PlaceSelect({ value, onChange, level, placeholder, initialLabel, style, testId }: Props) {
  const { t } = useI18n();
  const { error } = useNotify();
  const [options, setOptions] = useState<FoundPlace[]>([]);
  const [searching, setSearching] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const seq = useRef(0);
  useEffect(() => () => clearTimeout(timer.current), []);

  const search = (q: string) => {
    clearTimeout(timer.current);
    if (!q.trim()) return;
    timer.current = setTimeout(() => {
      const mine = ++seq.current;
      setSearching(true);
      placesApi.search(q.trim(), level).then(
        (r) => mine === seq.current && setOptions(r.items),
        (err: unknown) => error(err),
      ).finally(() => mine === seq.current && setSearching(false));
    }, 250);
  };

  const found = options.some((o) => o.id === value);
  const selectOptions = [
    ...(value && !found && initialLabel ? [{ value, label: initialLabel }] : []),
    ...options.map((o) => ({
      value: o.id,
      label: `${o.name} · ${t(`level.${placeKind(o)}`)}`,
      trail: o.trail,
    })),
  ];

  return (
    <Select
      data-testid={testId}
      value={value}
      style={{ width: '100%', ...style }}
      placeholder={placeholder ?? t('place.selectPlace')}
      showSearch={{ filterOption: false, onSearch: search }}
      notFoundContent={searching ? <Spin size="small" /> : null}
      onChange={(id: string) => onChange?.(id, options.find((o) => o.id === id))}
      options={selectOptions}
      optionRender={(o) => (
        <div>
          <div>{o.label}</div>
          {'trail' in o.data && o.data.trail ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{String(o.data.trail)}</Typography.Text> : null}
        </div>
      )}
    />
  );
}
