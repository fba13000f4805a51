import { useState, type FormEvent } from 'react';
import { DEMAND_TYPES, type DemandType } from '../../../contracts/work-orders';
import { h5Api } from '../modules/h5/api';
import { CompoundPicker, compoundLabel, type Picked } from './CompoundPicker';
import { useT } from './i18n';
import { Link, useLocation } from './nav';
import { PhotoPicker } from './PhotoPicker';
import { ChildSelect, useQrPlace } from './PlaceSelects';
import { Button, Card, Field, useLoad, useNotify } from './ui';
import { UseMyLocation } from './UseMyLocation';

type Errors = Partial<Record<'compound' | 'category' | 'type' | 'description', string>>;

/** The resident's form: where (search, the phone's location, or the QR link's ?place=), what, a few words and up to six photos. */
export function FilePage() {
  const t = useT();
  const { error } = useNotify();
  const qrPlace = useLocation().query.get('place');
  const [compound, setCompound] = useState<Picked | null>(null);
  const [buildingId, setBuildingId] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [demandType, setDemandType] = useState<DemandType>('help');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ id: string; trackingNo: string } | null>(null);
  const categories = useLoad(() => h5Api.categories(), []);
  // A QR code on a building names the building; on a compound, the compound.
  useQrPlace(qrPlace, (c, building) => {
    if (c) setCompound(c);
    setBuildingId(building);
  });
  const choose = (c: Picked | null) => {
    setCompound(c);
    setBuildingId('');
    if (c) setErrors((e) => ({ ...e, compound: undefined }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const wrong: Errors = {
      compound: compound ? undefined : t('h5.invalid.compound'),
      category: categoryId ? undefined : t('h5.invalid.category'),
      type: demandType ? undefined : t('h5.invalid.type'),
      description: description.trim() ? undefined : t('h5.invalid.description'),
    };
    setErrors(wrong);
    if (Object.values(wrong).some(Boolean)) return;
    setBusy(true);
    try {
      const text = description.trim();
      setDone(await h5Api.file({ placeId: buildingId || compound!.id, categoryId, demandType, title: title.trim() || text.slice(0, 30), description: text }, photos));
    } catch (err) {
      error(err);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <div className="result" data-testid="h5-submitted">
        <div className="result-icon ok" aria-hidden>✓</div>
        <h2>{t('h5.submitted')}</h2>
        <p>{t('h5.trackingNo')}</p>
        <p className="tracking" data-testid="h5-tracking-no">{done.trackingNo}</p>
        <Link to={`/h5/demands/${done.id}`} className="btn primary">{t('h5.progress')}</Link>
      </div>
    );
  }
  return (
    <Card title={t('h5.title')} testId="h5-file-form">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field id="h5-compound" label={t('h5.compound')} error={errors.compound} required>
          <CompoundPicker id="h5-compound" value={compound} onChange={choose} />
        </Field>
        <UseMyLocation onConfirm={(c) => choose({ id: c.id, name: compoundLabel(c) })} />
        <ChildSelect id="h5-building" label={t('h5.building')} parent={compound?.id ?? null} value={buildingId} onChange={setBuildingId} testId="h5-building" />
        <Field id="h5-category" label={t('h5.category')} error={errors.category} required>
          <select id="h5-category" value={categoryId} onChange={(e) => setCategoryId(e.target.value)} data-testid="h5-category">
            <option value="" disabled>—</option>
            {(categories.data?.items ?? []).map((c) => <option key={c.id} value={c.id}>{`${c.groupName} / ${c.name}`}</option>)}
          </select>
        </Field>
        <Field id="h5-type" label={t('h5.type')} error={errors.type} required>
          <select id="h5-type" value={demandType} onChange={(e) => setDemandType(e.target.value as DemandType)}>
            {DEMAND_TYPES.map((d) => <option key={d} value={d}>{t(`demandType.${d}`)}</option>)}
          </select>
        </Field>
        <Field id="h5-title" label={t('h5.titleField')}>
          <input id="h5-title" maxLength={100} value={title} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <Field id="h5-description" label={t('h5.description')} error={errors.description} required>
          <textarea id="h5-description" rows={4} maxLength={2000} value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        <Field id="h5-photos" label={t('h5.photos')}>
          <PhotoPicker id="h5-photos" files={photos} onChange={setPhotos} max={6} />
        </Field>
        <Button type="submit" primary block busy={busy} data-testid="h5-submit">{t('h5.submit')}</Button>
      </form>
    </Card>
  );
}
