import { useState } from 'react';
import { api } from '../app/api/client';
import { useT } from './i18n';
import { Button, Card, Field, Spinner, useLoad, useNotify } from './ui';

interface H5Chair { id: string; month: string; placeName: string; units: string[]; report: string | null }

/** /h5/chair-months/{id}: the month's rotating chair as a resident reads it from the community's link, and their 1–5 rating. */
export function ChairPage({ id }: { id: string }) {
  const t = useT();
  const { error } = useNotify();
  const month = useLoad(() => api.get<H5Chair>(`/api/h5/chair-months/${id}`), [id]);
  const [rating, setRating] = useState(5);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  if (month.error) return <p className="empty">{t('rotatingChair.h5Missing')}</p>;
  if (!month.data) return <Spinner />;
  if (done) return <Card><p className="empty" data-testid="h5-chair-rated">{t('rotatingChair.h5Rated')}</p></Card>;
  const m = month.data;
  const submit = async () => {
    setBusy(true);
    try {
      await api.post(`/api/h5/chair-months/${id}/ratings`, { rating, comment: comment.trim() || undefined });
      setDone(true);
    } catch (e) {
      error(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={`${m.placeName} ${m.month} ${t('rotatingChair.title')}`} testId="h5-chair">
      <p><span className="muted">{t('rotatingChair.units')}:</span>{m.units.join('、')}</p>
      <p className="pre wrap"><span className="muted">{t('rotatingChair.report')}:</span>{m.report}</p>
      <Field label={t('rotatingChair.rating')} required>
        <div className="stars" role="radiogroup" aria-label={t('rotatingChair.rating')}>
          {[1, 2, 3, 4, 5].map((n) => (
            <button key={n} type="button" role="radio" aria-checked={rating === n} aria-label={`${n}`} data-testid="h5-chair-star"
              className={n <= rating ? 'star on' : 'star'} onClick={() => setRating(n)}>★</button>
          ))}
        </div>
      </Field>
      <Field id="h5-chair-comment" label={t('rotatingChair.comment')}>
        <textarea id="h5-chair-comment" rows={2} maxLength={300} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="h5-chair-comment" />
      </Field>
      <Button primary block busy={busy} onClick={() => void submit()} data-testid="h5-chair-rate">{t('rotatingChair.rate')}</Button>
    </Card>
  );
}
