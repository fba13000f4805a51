import { useState } from 'react';
import { byStreet, currentMonth, lastCompleteMonth, percent, ratesApi, scoreText, type PublicRow } from '../modules/rates/api';
import { LanguageSwitch, useT, useTitle } from './i18n';
import { Spinner, TopBar, useLoad } from './ui';

/**
 * The public ranking (published for open review), no sign-in, no menu: communities grouped under their streets, each
 * with its rank among all of them. On a phone the table fits the screen's width (h5.css drops the count column).
 */
export function RankingPage() {
  const t = useT();
  useTitle('rates.publicTitle');
  const now = currentMonth();
  const [month, setMonth] = useState(lastCompleteMonth);
  const [level, setLevel] = useState<'street' | 'community'>('community');
  const { data } = useLoad(() => ratesApi.publicRanking(month, level), [month, level]);
  const current = data && data.month === month && data.level === level ? data : undefined;
  const rows = current?.items ?? [];
  const groups = level === 'community' && rows.length ? byStreet(rows) : [{ street: null, rows }];
  return (
    <>
      <TopBar title={`${t('app.name')} · ${t('rates.publicTitle')}`}><LanguageSwitch /></TopBar>
      <main className="content wide">
        <div className="row">
          <span data-testid="public-month">
            <input type="month" aria-label={t('rates.month')} value={month} max={now} required onChange={(e) => e.target.value && e.target.value <= now && setMonth(e.target.value)} />
          </span>
          {month === now && <span className="tag blue" data-testid="month-in-progress">{t('rates.inProgress')}</span>}
          <span className="segmented" role="group">
            {(['community', 'street'] as const).map((l) => (
              <button key={l} type="button" aria-pressed={level === l} onClick={() => setLevel(l)}>{t(`rates.${l}`)}</button>
            ))}
          </span>
        </div>
        {current?.inProgress && <p className="muted">{t('rates.inProgressNote')}</p>}
        {!current && <Spinner />}
        {current && groups.map((g) => (
          <section key={g.street?.id ?? 'all'} data-testid="public-group" className="group">
            {g.street && <h3 data-testid="public-group-street">{g.street.name}</h3>}
            <table className="ranking">
              <thead>
                <tr>
                  <th className="rank">{t('rates.rank')}</th><th>{t('rates.name')}</th><th className="num">{t('rates.score')}</th>
                  <th className="num wide-only">{t('rates.received')}</th><th className="num">{t('rates.responseRate')}</th>
                  <th className="num">{t('rates.resolutionRate')}</th><th className="num">{t('rates.satisfactionRate')}</th>
                </tr>
              </thead>
              <tbody>
                {g.rows.map((r: PublicRow) => (
                  <tr key={r.officeId} data-testid="public-row" data-ranked={r.ranked} className={r.ranked ? undefined : 'unranked'}>
                    <td className="rank">{r.rank ?? '—'}</td>
                    <td><span data-testid="office-name">{r.name}</span>{!r.ranked && <span className="muted note" data-testid="not-ranked">{t('rates.notRanked')}</span>}</td>
                    <td className="num">{scoreText(r.score)}</td>
                    <td className="num wide-only">{r.received}</td>
                    <td className="num">{percent(r.responseRate)}</td>
                    <td className="num">{percent(r.resolutionRate)}</td>
                    <td className="num">{percent(r.satisfactionRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </main>
    </>
  );
}
