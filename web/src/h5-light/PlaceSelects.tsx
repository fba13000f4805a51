import { useEffect } from 'react';
import { h5Api } from '../modules/h5/api';
import { compoundLabel, type Picked } from './CompoundPicker';
import { Field, useLoad } from './ui';

/**
 * The place a QR link's `?place=` names, once loaded: `onPlace` gets its compound, and the building when the code was
 * a building's ('' otherwise).
 */
export function useQrPlace(place: string | null, onPlace: (compound: Picked | null, buildingId: string) => void): void {
  const qr = useLoad(() => h5Api.place(place!), [place], Boolean(place));
  useEffect(() => {
    const p = qr.data;
    if (p) onPlace(p.level === 'compound' ? { id: p.id, name: compoundLabel(p) } : p.compound, p.level === 'building' ? p.id : '');
  }, [qr.data]);
}

/** A place's children (a compound's buildings, a building's households) as an optional select; nothing when there are none. */
export function ChildSelect({ id, label, parent, value, onChange, testId }: { id: string; label: string; parent: string | null; value: string; onChange: (id: string) => void; testId?: string }) {
  const { data } = useLoad(() => h5Api.place(parent!), [parent], Boolean(parent));
  const options = parent && data?.id === parent ? data.children : [];
  if (!options.length) return null;
  return (
    <Field id={id} label={label}>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">—</option>
        {options.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
      </select>
    </Field>
  );
}
