import { useState, type FormEvent } from 'react';
import type { ThreeListCategory } from '../../../contracts/three-lists';
import { threeListsApi } from '../modules/three-lists/api';
import { zh as listsZh } from '../modules/three-lists/i18n';
import { localTime } from '../modules/timeline/format';
import { CompoundPicker, type Picked } from './CompoundPicker';
import { useI18n, useT } from './i18n';
import { Link } from './nav';
import { PhotoPicker } from './PhotoPicker';
import { ChildSelect } from './PlaceSelects';
import { Button, Card, Field, Spinner, useLoad, useNotify } from './ui';

/** The three lists' categories in their catalogue's order (contracts/three-lists carries zod, which this entry does without). */
const CATEGORIES = Object.keys(listsZh.threeLists.categories) as ThreeListCategory[];

type Errors = Partial<Record<'compound' | 'category' | 'title' | 'description', string>>;

/** 提需求: where (the resident's compound, a building), what kind, a title and a few words. */
function ReportForm() {
  const t = useT();
  const { error } = useNotify();
  const [compound, setCompound] = useState<Picked | null>(null);
  const [buildingId, setBuildingId] = useState('');
  const [category, setCategory] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  if (done) {
    return (
      <div className="result" data-testid="h5-need-submitted">
        <div className="result-icon ok" aria-hidden>✓</div>
        <h2>{t('h5Need.submitted')}</h2>
        <Link to={`/h5/needs/${done}`} className="btn primary">{t('h5Need.mine')}</Link>
      </div>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const required = t('threeLists.required');
    const wrong: Errors = {
      compound: compound ? undefined : required, category: category ? undefined : required,
      title: title.trim().length >= 2 ? undefined : required, description: description.trim().length >= 2 ? undefined : required,
    };
    setErrors(wrong);
    if (Object.values(wrong).some(Boolean)) return;
    setBusy(true);
    try {
      const placeId = buildingId || compound!.id;
      setDone((await threeListsApi.h5Report({ title: title.trim(), description: description.trim(), category: category as ThreeListCategory, urgency: 'normal', placeId }, photos)).id);
    } catch (err) {
      error(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('h5Need.title')} testId="h5-need-form">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field id="h5-compound" label={t('h5Need.compound')} error={errors.compound} required>
          <CompoundPicker id="h5-compound" value={compound} onChange={(c) => { setCompound(c); setBuildingId(''); }} />
        </Field>
        <ChildSelect id="h5-building" label={t('h5Need.building')} parent={compound?.id ?? null} value={buildingId} onChange={setBuildingId} testId="h5-building" />
        <Field id="h5-need-category" label={t('threeLists.category')} error={errors.category} required>
          <select id="h5-need-category" value={category} onChange={(e) => setCategory(e.target.value)} data-testid="h5-need-category">
            <option value="" disabled>—</option>
            {CATEGORIES.map((c) => <option key={c} value={c}>{t(`threeLists.categories.${c}`)}</option>)}
          </select>
        </Field>
        <Field id="h5-need-title" label={t('threeLists.title')} error={errors.title} required>
          <input id="h5-need-title" maxLength={60} value={title} onChange={(e) => setTitle(e.target.value)} data-testid="h5-need-title" />
        </Field>
        <Field id="h5-need-description" label={t('threeLists.description')} error={errors.description} required>
          <textarea id="h5-need-description" rows={4} maxLength={1000} value={description} onChange={(e) => setDescription(e.target.value)} data-testid="h5-need-description" />
        </Field>
        <Field id="h5-need-photos" label={t('threeLists.photos')}>
          <PhotoPicker id="h5-need-photos" files={photos} onChange={setPhotos} max={6} />
        </Field>
        <Button type="submit" primary block busy={busy} data-testid="h5-need-submit">{t('h5Need.submit')}</Button>
      </form>
    </Card>
  );
}

/** The needs this phone reported, newest first. */
function MyNeeds() {
  const t = useT();
  const { data } = useLoad(() => threeListsApi.h5Mine(), []);
  if (!data) return <Spinner />;
  if (!data.items.length) return <p className="empty">{t('h5Need.empty')}</p>;
  return (
    <Card title={t('h5Need.mine')}>
      <ul className="list">
        {data.items.map((n) => (
          <li key={n.id} data-testid="h5-need">
            <Link to={`/h5/needs/${n.id}`}><strong>{n.title}</strong> <span className="tag">{t(`threeLists.states.${n.state}`)}</span></Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** One of the resident's needs: what and where, who serves it, the service record, the steps, and rating once delivered. */
function NeedPage({ id }: { id: string }) {
  const { t, tr } = useI18n();
  const { error, success, errorText } = useNotify();
  const need = useLoad(() => threeListsApi.h5Need(id), [id]);
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  if (need.error) return <div className="alert error">{errorText(need.error)}</div>;
  if (!need.data) return <Spinner />;
  const n = need.data;
  const rate = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await threeListsApi.h5Rate(n.id, { version: n.version, rating: rating ?? 5, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      success(t('threeLists.done'));
      setRating(null);
    } catch (err) {
      error(err);
    } finally {
      setBusy(false);
      need.reload();
    }
  };
  const facts: [string, React.ReactNode][] = [
    [t('threeLists.category'), t(`threeLists.categories.${n.category}`)],
    [t('threeLists.place'), n.placeName],
    [t('threeLists.description'), n.description],
    [t('threeLists.urgency'), t(`threeLists.urgencies.${n.urgency}`)],
    ...(n.unitName ? [[t('threeLists.unit'), <><span data-testid="need-unit">{n.unitName}</span>{n.resourceTitle && ` · ${n.resourceTitle}`}</>] as [string, React.ReactNode]] : []),
    ...(n.declineReason ? [[t('threeLists.declineReason'), n.declineReason] as [string, string]] : []),
    ...(n.rejectReason ? [[t('threeLists.rejectReason'), n.rejectReason] as [string, string]] : []),
    ...(n.deliveryNote ? [[t('threeLists.deliveryNote'), <span data-testid="need-delivery">{n.deliveryNote}</span>] as [string, React.ReactNode]] : []),
    ...(n.rating !== null ? [[t('threeLists.rating'), <><span data-testid="need-rating">{'★'.repeat(n.rating)}</span> {n.ratingComment}</>] as [string, React.ReactNode]] : []),
  ];
  return (
    <div className="stack" data-testid="need-detail" data-state={n.state}>
      <Card title={n.title} extra={<span className="tag blue" data-testid="need-state">{t(`threeLists.states.${n.state}`)}</span>}>
        <dl className="facts">{facts.map(([label, value]) => <div key={label}><dt>{label}</dt><dd>{value}</dd></div>)}</dl>
        {/* The service's photos are not shown: GET /api/needs/{id}/photos/{fileId} is for staff, and residents have no route of their own yet. */}
        {n.actions.includes('rate') && rating === null && <Button primary block data-testid="need-rate" onClick={() => setRating(5)}>{t('h5Need.rate')}</Button>}
      </Card>
      {rating !== null && (
        <Card title={t('h5Need.rate')}>
          <form onSubmit={(e) => void rate(e)} noValidate>
            <Field id="need-rating" label={t('threeLists.rating')} required>
              <input id="need-rating" type="number" inputMode="numeric" min={1} max={5} value={rating || ''} onChange={(e) => setRating(Math.min(5, Math.max(0, Number(e.target.value) || 0)))} data-testid="need-rating-input" />
            </Field>
            <Field id="need-comment" label={t('threeLists.comment')}>
              <textarea id="need-comment" rows={2} maxLength={300} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="need-comment" />
            </Field>
            <Button type="submit" primary block busy={busy} data-testid="need-step-ok">{t('common.ok')}</Button>
          </form>
        </Card>
      )}
      <Card title={t('threeLists.timeline')}>
        <ol className="timeline">
          {n.events.map((e) => (
            <li key={e.id}>
              <div>{tr(`action.${e.action}`, e.action)}{e.actorName && ` · ${e.actorName}`}{e.reason && e.reason !== 'demo data' && ` · ${e.reason}`}</div>
              <div className="muted">{localTime(e.at)}</div>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}

/** The resident's needs pages (/h5/needs report, /h5/needs/mine, /h5/needs/:id). */
export function NeedsPage({ path }: { path: string }) {
  const t = useT();
  const sub = /^\/h5\/needs\/([^/]+)$/.exec(path)?.[1];
  return (
    <div className="stack">
      <div className="row bar">
        <Link to="/h5/needs" className="btn small">{t('h5Need.title')}</Link>
        <Link to="/h5/needs/mine" className="btn small" data-testid="h5-needs-mine">{t('h5Need.mine')}</Link>
      </div>
      {sub === 'mine' ? <MyNeeds /> : sub ? <NeedPage id={sub} /> : <ReportForm />}
    </div>
  );
}
