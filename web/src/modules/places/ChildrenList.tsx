import { RightOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Pagination, Spin, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Place } from '../../app/api/types';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { placesApi } from './api';
import { placeKind } from './levels';

const PAGE_SIZE = 30;

/** On a phone the tree gives way to this: tap a child to go one level down; the breadcrumb goes back up. */
export function ChildrenList({ place, reloadKey }: { place: Place; reloadKey: unknown }) {
  const t = useT();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const { data, loading } = useLoad(() => placesApi.children(place.id, PAGE_SIZE, (page - 1) * PAGE_SIZE), [place.id, page, reloadKey]);

  return (
    <Card size="small" title={t('place.children')} styles={{ body: { padding: 0 } }}>
      <Spin spinning={loading}>
        {data?.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('place.noChildren')} />}
        {(data?.items ?? []).map((p) => (
          <Button key={p.id} type="text" block onClick={() => navigate(`/places/${p.id}`)} data-testid="child-item"
            style={{ height: 48, display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '0 16px',
              borderRadius: 0, borderBottom: '1px solid #f0f0f0' }}>
            <span>
              {p.name}
              {p.threeNo && <Tag color="red" style={{ marginInlineStart: 6 }}>{t('place.threeNoTag')}</Tag>}
            </span>
            <span style={{ color: '#999' }}>
              {t(`level.${placeKind(p)}`)} <RightOutlined />
            </span>
          </Button>
        ))}
        {!data && <div style={{ height: 96 }} />}
      </Spin>
      {data && data.total > PAGE_SIZE && (
        <Pagination simple size="small" current={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage}
          style={{ display: 'flex', justifyContent: 'center', padding: 8 }} />
      )}
    </Card>
  );
}
