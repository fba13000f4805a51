import { Card, Col, Empty, Row, Spin } from 'antd';
import { useCallback, useState } from 'react';
import { Navigate, useParams } from 'react-router';
import { useIsPhone } from '../../app/hooks/useIsPhone';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { placesApi } from './api';
import { PlaceDetailView } from './PlaceDetailView';
import { PlaceSearch } from './PlaceSearch';
import { PlaceTree } from './PlaceTree';

/** /places and /places/:id: the tree (or, on a phone, the list of children) beside one place's detail. */
export function PlacesPage() {
  const t = useT();
  const { id } = useParams();
  const isPhone = useIsPhone();
  const roots = useLoad(() => placesApi.roots(), []);
  const [tick, setTick] = useState(0);
  const detail = useLoad(() => placesApi.detail(id!), [id, tick], Boolean(id));
  const [treeReload, setTreeReload] = useState<{ ids: string[]; n: number } | null>(null);

  const changed = useCallback((parentIds: string[]) => {
    setTick((n) => n + 1);
    setTreeReload((r) => ({ ids: parentIds, n: (r?.n ?? 0) + 1 }));
  }, []);

  if (!id) {
    if (roots.loading) return <Spin style={{ display: 'block', marginTop: 80 }} />;
    const first = roots.data?.items[0];
    return first ? <Navigate to={`/places/${first.id}`} replace /> : <Empty />;
  }

  // One tree for both layouts, the detail always in the same place in it: crossing the phone width (a phone turned, a
  // window narrowed) re-lays the page without remounting the detail, so an open dialog and what is typed in it stay.
  return (
    <Row gutter={isPhone ? 0 : 16} wrap={false}>
      {!isPhone && (
        <Col flex="320px" style={{ minWidth: 0 }}>
          <Card size="small" title={t('place.tree')} styles={{ body: { padding: 8 } }}>
            <div style={{ marginBottom: 8 }}>
              <PlaceSearch />
            </div>
            <PlaceTree roots={roots.data?.items} focus={detail.data} reload={treeReload} />
          </Card>
        </Col>
      )}
      <Col flex="auto" style={{ minWidth: 0 }}>
        {isPhone && <div style={{ marginBottom: 8 }}><PlaceSearch /></div>}
        <PlaceDetailView id={id} loaded={detail} phone={isPhone} onChanged={changed} />
      </Col>
    </Row>
  );
}
