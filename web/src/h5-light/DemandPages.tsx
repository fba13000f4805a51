import { useState, type FormEvent } from 'react';
import { RATINGS, type Rating } from '../../../contracts/work-orders';
import { h5Api, type H5Demand, type H5Step } from '../modules/h5/api';
import { localTime } from '../modules/timeline/format';
import { useI18n, useT } from './i18n';
import { Link } from './nav';
import { Button, Card, Field, Spinner, useLoad, useNotify } from './ui';

/** My demands: what this phone has filed, newest first. */
export function DemandsPage() {
  const t = useT();
  const { data } = useLoad(() => h5Api.list(), []);
  return (
    <Card title={t('h5.myDemands')}>
      {!data ? <Spinner /> : !data.items.length ? <p className="empty">{t('h5.empty')}</p> : (
        <ul className="list">
          {data.items.map((d) => (
            <li key={d.id}>
              <Link to={`/h5/demands/${d.id}`} data-testid="h5-demand-item">
                <strong>{d.title}</strong> <span className="tag">{t(`workOrderState.${d.state}`)}</span>
                <div className="muted">{d.trackingNo} · {d.categoryName} · {localTime(d.receivedAt)}</div>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The states in which the order's result is the answer the resident has now. */
const RESULT_STANDS = new Set(['resolved', 'followed_up', 'closed']);

/** One demand as the resident follows it: state, photos, the steps so far, and rating once it is resolved. */
export function DemandPage({ id }: { id: string }) {
  const { t, tr } = useI18n();
  const { errorText } = useNotify();
  const { data, error, reload } = useLoad(() => h5Api.get(id), [id]);
  if (error) return <div className="alert error">{errorText(error)}</div>;
  if (!data) return <Spinner />;
  const stepText = (s: H5Step) => {
    const parts = [tr(`h5.steps.${s.step}`, s.step)];
    if (s.rating) parts.push(t(`rating.${s.rating}`));
    if (s.comment) parts.push(s.comment);
    if (s.reopened) parts.push(t('h5.reopened'));
    if (s.result) parts.push(s.result);
    if (s.reason) parts.push(s.reason);
    return parts.join(' · ');
  };
  const facts: [string, string | null][] = [
    [t('h5.trackingNo'), data.trackingNo],
    [t('h5.compound'), data.place.name],
    [t('h5.category'), data.category.name],
    [t('h5.description'), data.description],
    // After "not satisfied" the order is handled again: the old result stays in the timeline, not as the current one.
    ...(data.result && RESULT_STANDS.has(data.state) ? [[t('h5.result'), data.result] as [string, string]] : []),
  ];
  return (
    <div className="stack" data-testid="h5-demand">
      <Card title={data.title} extra={<span className="tag blue" data-testid="h5-state">{t(`workOrderState.${data.state}`)}</span>}>
        <dl className="facts">
          {facts.map(([label, value]) => <div key={label} data-testid="h5-fact"><dt>{label}</dt><dd>{value}</dd></div>)}
        </dl>
        {data.photos.length > 0 && (
          <div className="photos">
            {data.photos.map((p) => <a key={p.id} className="photo" href={p.url} target="_blank" rel="noreferrer"><img src={p.url} alt="" loading="lazy" /></a>)}
          </div>
        )}
      </Card>
      {data.canRate && <RateForm demand={data} onRated={reload} />}
      <Card title={t('h5.progress')}>
        <ol className="timeline" data-testid="h5-timeline">
          {data.timeline.map((s, i) => (
            <li key={i} data-testid="h5-step" data-step={s.step}>
              <div>{stepText(s)}</div>
              <div className="muted">{localTime(s.at)}</div>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}

/** Satisfied, basically satisfied or not; "not satisfied" sends the order back to be handled again. */
function RateForm({ demand, onRated }: { demand: H5Demand; onRated: () => void }) {
  const t = useT();
  const { error, success } = useNotify();
  const [rating, setRating] = useState<Rating | null>(null);
  const [comment, setComment] = useState('');
  const [wrong, setWrong] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!rating) return setWrong(t('h5.invalid.rating'));
    setBusy(true);
    try {
      await h5Api.rate(demand.id, { version: demand.version, rating, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      success(t('h5.rated'));
    } catch (err) {
      error(err);
    } finally {
      setBusy(false);
      onRated();
    }
  };
  return (
    <Card title={t('h5.rateTitle')} testId="h5-rate">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('h5.rate')} error={wrong} required>
          <div className="radios" role="radiogroup">
            {RATINGS.map((r) => (
              <label key={r}>
                <input type="radio" name="rating" value={r} checked={rating === r} onChange={() => { setRating(r); setWrong(null); }} />
                {t(`rating.${r}`)}
              </label>
            ))}
          </div>
        </Field>
        <Field id="h5-comment" label={t('h5.comment')}>
          <textarea id="h5-comment" rows={2} maxLength={500} value={comment} onChange={(e) => setComment(e.target.value)} />
        </Field>
        <Button type="submit" primary block busy={busy} data-testid="h5-rate-submit">{t('h5.rate')}</Button>
      </form>
    </Card>
  );
}
