import { useState, type FormEvent } from 'react';
import { ApiError } from '../app/api/client';
import { identityApi } from '../modules/party/identityApi';
import { useI18n, useT, useTitle } from './i18n';
import { Link } from './nav';
import { Button, Card, Field, Spinner, useLoad, useNotify } from './ui';

function Missing({ text, testId }: { text: string; testId: string }) {
  return <div className="result" data-testid={testId}><div className="result-icon" aria-hidden>404</div><h2>{text}</h2></div>;
}

/** 码上通: the page a compound's (or a building's) QR code opens, no sign-in, one column for a phone. */
export function CompoundPage({ qrKey }: { qrKey: string }) {
  const t = useT();
  useTitle('showIdentity.pageTitle');
  const { data, error } = useLoad(() => identityApi.compound(qrKey), [qrKey]);
  if (error) return <Missing text={t('showIdentity.notFound')} testId="qr-page-missing" />;
  if (!data) return <Spinner />;
  return (
    <div className="narrow" data-testid="qr-page">
      <div className="hero">
        <h1 data-testid="qr-compound">{data.compound.name}</h1>
        {data.compound.communityName && <div>{t('showIdentity.community')}:{data.compound.communityName}</div>}
        {data.building && <div data-testid="qr-building">{t('showIdentity.building', { building: data.building })}</div>}
      </div>
      <div className="stack pad">
        {/* A page load: the filing page may ask the resident to sign in first. */}
        <a className="btn primary block large" href={data.fileDemandHref} data-testid="qr-file-demand">{t('showIdentity.fileDemand')}</a>
        <Card title={t('showIdentity.branch')}>
          {data.branch ? <div data-testid="qr-branch">{data.branch.name}{data.branch.secretary && <span className="muted">({t('showIdentity.secretary')} {data.branch.secretary})</span>}</div>
            : <span className="muted">{t('showIdentity.noBranch')}</span>}
        </Card>
        <Card title={t('showIdentity.heads')}>
          {data.buildingHeads.length ? (
            <ul className="list">
              {data.buildingHeads.map((h, i) => (
                <li key={i} data-testid="qr-head" data-name={h.name}>
                  <div className="row between">
                    <span>{h.photo && <img src={h.photo} alt={h.name} className="head-photo" data-testid="qr-head-photo" />}<span className="tag red">{h.building}</span><strong>{h.name}</strong> · {h.post}</span>
                    {h.card && <Link to={`/card/${h.card}`} data-testid="qr-head-card">{t('showIdentity.contactMe')}</Link>}
                  </div>
                  <div className="muted wrap">{h.duties}</div>
                </li>
              ))}
            </ul>
          ) : <span className="muted">{t('showIdentity.noHeads')}</span>}
        </Card>
        {data.centralHouseholds.length > 0 && (
          <Card title={t('showIdentity.centralHouseholds')}>
            {data.centralHouseholds.map((c, i) => <div key={i} data-testid="qr-central">{c.name} <span className="tag">{c.building}</span><span className="tag gold">{t('showIdentity.centralTag')}</span></div>)}
          </Card>
        )}
        {data.partnerUnits.length > 0 && (
          <Card title={t('showIdentity.partnerUnits')}>{data.partnerUnits.map((u, i) => <span key={i} className="tag" data-testid="qr-unit">{u.name}</span>)}</Card>
        )}
        {data.serviceSites.length > 0 && (
          <Card title={t('showIdentity.serviceSites')}>
            <ul className="list">
              {data.serviceSites.map((p, i) => (
                <li key={i} data-testid="qr-site" data-name={p.name}>
                  <div><span className={`tag ${p.kind === 'service_centre' ? 'red' : 'gold'}`}>{t(`serviceSite.kinds.${p.kind}`)}</span><strong>{p.name}</strong></div>
                  {p.hours && <div className="muted wrap">{t('showIdentity.siteHours')}:{p.hours}</div>}
                  {p.address && <div className="muted wrap">{t('showIdentity.siteAddress')}:{p.address}</div>}
                  {p.services && <div className="wrap">{p.services}</div>}
                </li>
              ))}
            </ul>
          </Card>
        )}
        <Card title={t('showIdentity.announcements')}>
          {data.announcements.length ? data.announcements.map((a, i) => (
            <details key={i} className="notice" data-testid="qr-announcement">
              <summary><strong>{a.title}</strong> <span className="muted">{a.publishedAt?.slice(0, 10)}</span></summary>
              <p className="pre wrap">{a.body}</p>
            </details>
          )) : <span className="muted">{t('showIdentity.noAnnouncements')}</span>}
        </Card>
      </div>
    </div>
  );
}

/** 亮身份: a post holder's public card with "contact me", a message through the platform (no phone number, ever). */
export function CardPage({ cardKey }: { cardKey: string }) {
  const { t, pick } = useI18n();
  useTitle('showIdentity.card');
  const { error: notifyError } = useNotify();
  const { data, error } = useLoad(() => identityApi.card(cardKey), [cardKey]);
  const [senderName, setSenderName] = useState('');
  const [text, setText] = useState('');
  const [wrong, setWrong] = useState<{ field: string | null; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  if (error) return <Missing text={t('showIdentity.cardGone')} testId="card-missing" />;
  if (!data) return <Spinner />;
  const send = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setWrong(null);
    try {
      // The server checks the name and the text and says what is wrong with which field.
      await identityApi.contact(cardKey, { senderName, text });
      setSent(true);
    } catch (err) {
      if (err instanceof ApiError && err.field && err.messages) setWrong({ field: err.field, text: pick(err.messages) });
      else notifyError(err);
    } finally {
      setBusy(false);
    }
  };
  const errorOf = (field: string) => (wrong?.field === field ? wrong.text : null);
  return (
    <div className="narrow" data-testid="card-page">
      <div className="hero">
        {data.photo && <img src={data.photo} alt={data.name} className="card-photo" data-testid="card-photo" />}
        <span className="tag gold">{t('showIdentity.card')}</span>
        <h1 data-testid="card-name">{data.name}</h1>
        {data.compound && <div>{t('showIdentity.compound')}:{data.compound}</div>}
      </div>
      <div className="stack pad">
        {data.posts.map((p, i) => (
          <Card key={i} title={`${p.place} · ${p.title}`} testId="card-post">
            <span className="muted">{t('showIdentity.duties')}:</span><span className="wrap">{p.duties}</span>
          </Card>
        ))}
        <Card title={t('showIdentity.contactMe')}>
          {sent ? <div className="alert success" role="status" data-testid="card-sent">{t('showIdentity.sent')}</div> : (
            <form onSubmit={(e) => void send(e)} noValidate>
              <Field id="card-sender" label={t('showIdentity.senderName')} error={errorOf('senderName')} required>
                <input id="card-sender" maxLength={20} value={senderName} onChange={(e) => setSenderName(e.target.value)} data-testid="card-sender" />
              </Field>
              <Field id="card-text" label={t('showIdentity.text')} error={errorOf('text')} required>
                <textarea id="card-text" rows={4} maxLength={500} value={text} onChange={(e) => setText(e.target.value)} data-testid="card-text" />
              </Field>
              <p className="muted">{t('showIdentity.noPhone')}</p>
              <Button type="submit" primary block busy={busy} data-testid="card-send">{t('showIdentity.send')}</Button>
            </form>
          )}
        </Card>
      </div>
    </div>
  );
}
