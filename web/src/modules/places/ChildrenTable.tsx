import { Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Place } from '../../app/api/types';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { placesApi } from './api';
import { placeKind } from './levels';

const PAGE_SIZE = 20;

/** The places directly under this one, a page at a time. `reloadKey` changes after any edit here. */
export function ChildrenTable({ place, reloadKey }: { place: Place; reloadKey: unknown }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const { data, loading } = useLoad(() => placesApi.children(place.id, PAGE_SIZE, (page - 1) * PAGE_SIZE), [place.id, page, reloadKey]);

  return (
    <Card size="small" title={t('place.children')}>
      <Table<Place>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('place.noChildren') }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage,
          showTotal: (total) => t('common.total', { total }) }}
        columns={[
          { key: 'name', title: t('place.name'), render: (_, p) => <Link to={`/places/${p.id}`}>{p.name}</Link> },
          { key: 'level', title: t('place.level'), render: (_, p) => t(`level.${placeKind(p)}`) },
          {
            key: 'type',
            title: t('place.compoundType'),
            render: (_, p) => (
              <>
                {p.compoundType ? t(`compoundType.${p.compoundType}`) : t('common.none')}
                {p.threeNo && <Tag color="red" style={{ marginInlineStart: 6 }}>{t('place.threeNoTag')}</Tag>}
              </>
            ),
          },
          { key: 'code', title: t('place.code'), render: (_, p) => p.code ?? t('common.none') },
          { key: 'address', title: t('place.address'), render: (_, p) => p.addressMasked ?? t('common.none') },
        ]}
        data-testid="children-table"
      />
    </Card>
  );
}
