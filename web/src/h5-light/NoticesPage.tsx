import { useState } from 'react';
import { announcementsApi } from '../modules/announcements/api';
import { localTime } from '../modules/timeline/format';
import { CompoundPicker, type Picked } from './CompoundPicker';
import { useT } from './i18n';
import { useLocation } from './nav';
import { ChildSelect, useQrPlace } from './PlaceSelects';
import { Button, Card, Field, Spinner, useLoad, useNotify } from './ui';

/** Where the resident last said they live, kept on the phone: a compound, and optionally a building and a household. */
interface Home { compoundId: string; compoundName: string; buildingId?: string; householdId?: string }
const HOME_KEY = 'onegrid.h5.home';
const loadHome = (): Home | null => { try { return JSON.parse(localStorage.getItem(HOME_KEY) ?? 'null') as Home | null; } catch { return null; } };

/** Compound (by name or the QR link's ?place=), then building and room if the resident likes: reads count for that household. */
function HomePicker({ qrPlace, onPicked }: { qrPlace: string | null; onPicked: (home: Home) => void }) {
  const t = useT();
  const [compound, setCompound] = useState<Picked | null>(null);
  const [buildingId, setBuildingId] = useState('');
  const [householdId, setHouseholdId] = useState('');
  const choose = (c: Picked | null, building = '') => {
    setCompound(c);
    setBuildingId(building);
    setHouseholdId('');
  };
  useQrPlace(qrPlace, choose);
  return (
    <Card title={t('h5Announcement.pickCompound')} testId="h5-home-picker">
      <Field id="h5-compound" label={t('h5.compound')} required>
        <CompoundPicker id="h5-compound" value={compound} onChange={(c) => choose(c)} />
      </Field>
      <ChildSelect id="h5-building" label={t('h5.building')} parent={compound?.id ?? null} value={buildingId} testId="h5-building"
        onChange={(b) => { setBuildingId(b); setHouseholdId(''); }} />
      <ChildSelect id="h5-household" label={t('h5Announcement.household')} parent={buildingId || null} value={householdId} onChange={setHouseholdId} testId="h5-household" />
      <Button primary block disabled={!compound} data-testid="h5-home-submit" onClick={() => compound && onPicked({
        compoundId: compound.id, compoundName: compound.name, ...(buildingId ? { buildingId } : {}), ...(householdId ? { householdId } : {}),
      })}>{t('common.ok')}</Button>
    </Card>
  );
}

/** The notices of the resident's compound, newest first; opening one marks it read (once) for their household or compound. */
function NoticeList({ home }: { home: Home }) {
  const t = useT();
  const { error } = useNotify();
  const where = home.householdId ?? home.buildingId ?? home.compoundId;
  const { data } = useLoad(() => announcementsApi.h5List(where), [where]);
  const [read, setRead] = useState<Record<string, boolean>>({});
  const open = (id: string) => {
    if (read[id] || data?.items.find((a) => a.id === id)?.readAt) return;
    announcementsApi.h5Read(id, where).then(() => setRead((r) => ({ ...r, [id]: true })), error);
  };
  if (!data) return <Spinner />;
  if (!data.items.length) return <p className="empty" data-testid="h5-announcements-empty">{t('h5Announcement.empty')}</p>;
  return (
    <Card testId="h5-announcements">
      {data.items.map((a) => (
        <details key={a.id} className="notice" onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && open(a.id)}>
          <summary data-testid="h5-announcement" data-id={a.id}>
            <strong>{a.title}</strong>{' '}
            {a.readAt || read[a.id] ? <span className="tag" data-testid="h5-read">{t('h5Announcement.read')}</span> : <span className="tag red">{t('h5Announcement.unread')}</span>}
            <div className="muted">{t('h5Announcement.from', { place: a.placeName })} · {localTime(a.publishedAt)}</div>
          </summary>
          <p className="pre wrap" data-testid="h5-announcement-body">{a.body}</p>
        </details>
      ))}
    </Card>
  );
}

/** The residents' notices page (/h5/announcements): their compound (kept on the phone), its notices. */
export function NoticesPage() {
  const t = useT();
  const qrPlace = useLocation().query.get('place');
  const [home, setHome] = useState<Home | null>(() => (qrPlace ? null : loadHome()));
  const pick = (h: Home | null) => {
    if (h) localStorage.setItem(HOME_KEY, JSON.stringify(h));
    setHome(h);
  };
  if (!home) return <HomePicker qrPlace={qrPlace} onPicked={pick} />;
  return (
    <div className="stack">
      <div className="row bar">
        <span className="grow-left" data-testid="h5-home">{home.compoundName}</span>
        <Button onClick={() => pick(null)} data-testid="h5-change-home">{t('h5Announcement.changeCompound')}</Button>
      </div>
      <NoticeList home={home} />
    </div>
  );
}
