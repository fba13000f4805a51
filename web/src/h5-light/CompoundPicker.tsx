import { useRef, useState } from 'react';
import { h5Api, type H5Compound } from '../modules/h5/api';
import { useT } from './i18n';
import { Button, useNotify } from './ui';

export interface Picked { id: string; name: string }
export const compoundLabel = (c: H5Compound) => [c.name, c.community?.name, c.street?.name].filter(Boolean).join(' · ');

/** Finds a compound by part of its name: a search box, then the matches to tap; the chosen one stays shown. */
export function CompoundPicker({ id, value, onChange }: { id?: string; value: Picked | null; onChange: (c: Picked | null) => void }) {
  const t = useT();
  const { error } = useNotify();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<H5Compound[] | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const seq = useRef(0);
  const search = (text: string) => {
    setQ(text);
    clearTimeout(timer.current);
    if (!text.trim()) return setOptions(null);
    timer.current = setTimeout(() => {
      const mine = ++seq.current;
      h5Api.searchPlaces(text.trim()).then((r) => mine === seq.current && setOptions(r.items), error);
    }, 250);
  };
  return (
    <div className="picker" data-testid="h5-compound">
      {value ? (
        <div className="picked">
          <span data-testid="h5-compound-chosen">{value.name}</span>
          <Button onClick={() => onChange(null)} data-testid="h5-compound-change">{t('common.edit')}</Button>
        </div>
      ) : (
        <>
          <input id={id} type="search" value={q} placeholder={t('h5.searchCompound')} onChange={(e) => search(e.target.value)} data-testid="h5-compound-search" autoComplete="off" />
          {options && (
            <ul className="options" role="listbox">
              {options.map((c) => (
                <li key={c.id} role="option" aria-selected={false} data-testid="h5-compound-option" tabIndex={0}
                  onClick={() => { onChange({ id: c.id, name: compoundLabel(c) }); setOptions(null); setQ(''); }}
                  onKeyDown={(e) => e.key === 'Enter' && onChange({ id: c.id, name: compoundLabel(c) })}>{compoundLabel(c)}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
