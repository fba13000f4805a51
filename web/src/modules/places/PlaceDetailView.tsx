import { Alert, Breadcrumb, Button, Card, Skeleton, Space } from 'antd';
import { Suspense } from 'react';
import { Link } from 'react-router';
import type { Loaded } from '../../app/hooks/useLoad';
import { useI18n } from '../../app/i18n/I18nProvider';
import { useMe, useSession } from '../../app/session/SessionProvider';
import { lazyNamed } from '../../app/lazy';
import type { PlaceDetail } from './api';
import { ChildrenList } from './ChildrenList';
import { ChildrenTable } from './ChildrenTable';
import { PlaceActions } from './PlaceActions';
import { PlaceCounts } from './PlaceCounts';
import { PlaceSummary } from './PlaceSummary';

// Only households show residents: the panel and its forms load when one is opened.
const ResidentsPanel = lazyNamed(() => import('../residents/ResidentsPanel'), 'ResidentsPanel');
// The map brings ECharts: loaded with the first place page that shows one, not with the app.
const PlaceMapCard = lazyNamed(() => import('./PlaceMapCard'), 'PlaceMapCard');

interface Props {
  id: string;
  loaded: Loaded<PlaceDetail>;
  phone: boolean;
  /** After a change: reload this place, and the tree under the given places. */
  onChanged: (parentIds: string[]) => void;
}

export function PlaceDetailView({ id, loaded, phone, onChanged }: Props) {
  const { t, pick } = useI18n();
  const me = useMe();
  const { can } = useSession();
  const { data, loading, error } = loaded;
  if (!data || data.place.id !== id) {
    if (loading) return <Card><Skeleton active paragraph={{ rows: 6 }} /></Card>;
    const text = error && typeof error === 'object' && 'messages' in error && error.messages ? pick(error.messages as { zh: string; en: string }) : t('common.notFound');
    return (
      <Alert type="warning" showIcon title={text} data-testid="place-not-found"
        action={<Link to="/places"><Button size="small">{t('common.back')}</Button></Link>} />
    );
  }
  const { place, ancestors } = data;
  // Ancestors above the user's own places are shown by name only: opening them would be refused.
  const firstInScope = ancestors.findIndex((a) => me.roles.some((r) => r.placeId === a.id));
  const crumbs = [...ancestors, { id: place.id, name: place.name, level: place.level }].map((a, i) => ({
    key: a.id,
    title: i < ancestors.length && firstInScope >= 0 && i >= firstInScope ? <Link to={`/places/${a.id}`}>{a.name}</Link> : a.name,
  }));

  return (
    <Space orientation="vertical" size={phone ? 8 : 16} style={{ width: '100%' }}>
      <Card size={phone ? 'small' : undefined} loading={false}>
        <Breadcrumb items={crumbs} style={{ marginBottom: 8 }} data-testid="place-breadcrumb" />
        <PlaceSummary detail={data} phone={phone} />
        <PlaceActions detail={data} onChanged={onChanged} />
      </Card>
      <PlaceCounts place={place} counts={data.counts} phone={phone} />
      {place.level !== 'household' && place.level !== 'building' && can('placeGeometry', 'read') && (
        <Suspense fallback={<Skeleton active />}><PlaceMapCard placeId={place.id} reloadKey={loaded.data} /></Suspense>
      )}
      {place.level === 'household' ? (
        can('resident', 'read') && (
          <Suspense fallback={<Skeleton active />}>
            <ResidentsPanel household={place} onChanged={() => onChanged([])} />
          </Suspense>
        )
      ) : phone ? (
        <ChildrenList place={place} reloadKey={loaded.data} />
      ) : (
        <ChildrenTable place={place} reloadKey={loaded.data} />
      )}
    </Space>
  );
}
