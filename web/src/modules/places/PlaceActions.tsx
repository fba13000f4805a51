import { AimOutlined, EditOutlined, GlobalOutlined, HistoryOutlined, PlusOutlined, SwapOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { Suspense, useState } from 'react';
import { LedgerButton } from '../../app/components/LedgerButton';
import { lazyNamed } from '../../app/lazy';
import { useT } from '../../app/i18n/I18nProvider';
import { useSession } from '../../app/session/SessionProvider';
import { CHILD_LEVEL, placesApi, type PlaceAction, type PlaceDetail } from './api';

// The forms and the timeline load when first opened: the place page's first render does not need them.
const PlaceFormModal = lazyNamed(() => import('./PlaceFormModal'), 'PlaceFormModal');
const MovePlaceModal = lazyNamed(() => import('./MovePlaceModal'), 'MovePlaceModal');
const RosterImportModal = lazyNamed(() => import('./RosterImportModal'), 'RosterImportModal');
const GeometryEditorModal = lazyNamed(() => import('./GeometryEditorModal'), 'GeometryEditorModal');
const GeometryImportModal = lazyNamed(() => import('./GeometryImportModal'), 'GeometryImportModal');
const TimelineDrawer = lazyNamed(() => import('../timeline/TimelineDrawer'), 'TimelineDrawer');

type Open = 'create' | 'edit' | 'move' | 'import' | 'importGeometry' | 'editGeometry' | 'timeline' | null;

/** Only the buttons the server lists in `actions` (and the timeline for those who may read it). */
export function PlaceActions({ detail, onChanged }: { detail: PlaceDetail; onChanged: (parentIds: string[]) => void }) {
  const t = useT();
  const { can } = useSession();
  const [open, setOpen] = useState<Open>(null);
  // Mounted from the first opening on, so that closing still animates.
  const [timelineUsed, setTimelineUsed] = useState(false);
  const { place, actions } = detail;
  const childLevel = CHILD_LEVEL[place.level];
  const has = (a: PlaceAction) => actions.includes(a);
  const close = () => setOpen(null);
  const parents = place.parentId ? [place.parentId] : [];

  const buttons = [
    has('create') && childLevel && (
      <Button key="create" type="primary" icon={<PlusOutlined />} onClick={() => setOpen('create')} data-testid="place-create">
        {t('place.createTitle', { level: t(`level.${childLevel}`) })}
      </Button>
    ),
    has('update') && (
      <Button key="edit" icon={<EditOutlined />} onClick={() => setOpen('edit')} data-testid="place-edit">{t('place.edit')}</Button>
    ),
    has('move') && place.level === 'compound' && (
      <Button key="move" icon={<SwapOutlined />} onClick={() => setOpen('move')} data-testid="place-move">{t('place.move')}</Button>
    ),
    has('exportRoster') && (place.level === 'compound' || place.level === 'building') && (
      <LedgerButton key="export" href={placesApi.rosterXlsxUrl(place.id)} fallbackName={`${place.name}.xlsx`} testId="roster-export">
        {t('place.exportRoster')}
      </LedgerButton>
    ),
    has('importRoster') && place.level === 'compound' && (
      <Button key="import" icon={<UploadOutlined />} onClick={() => setOpen('import')} data-testid="roster-import">{t('place.importRoster')}</Button>
    ),
    // District admins and street staff import the boundaries below a district, street or community from a GeoJSON file.
    can('placeGeometry', 'import') && (place.level === 'district' || place.level === 'street' || place.level === 'community') && (
      <Button key="importGeometry" icon={<GlobalOutlined />} onClick={() => setOpen('importGeometry')} data-testid="geometry-import">{t('place.importGeometry')}</Button>
    ),
    // Drag a compound's or building's point, or a grid's (community's, street's) boundary vertices; the server decides who may.
    can('placeGeometry', 'edit') && place.level !== 'household' && place.level !== 'district' && (
      <Button key="editGeometry" icon={<AimOutlined />} onClick={() => setOpen('editGeometry')} data-testid="geometry-edit">
        {t(place.level === 'compound' || place.level === 'building' ? 'place.editPoint' : 'place.editBoundary')}
      </Button>
    ),
    can('audit', 'timeline') && (
      <Button key="timeline" icon={<HistoryOutlined />} onClick={() => {
        setTimelineUsed(true);
        setOpen('timeline');
      }} data-testid="place-timeline">{t('common.timeline')}</Button>
    ),
  ].filter(Boolean);

  return (
    <Suspense fallback={null}>
      {buttons.length > 0 && (
        <Space wrap size={8} style={{ marginTop: 12 }}>
          {buttons}
        </Space>
      )}
      {open === 'create' && childLevel && (
        <PlaceFormModal mode="create" parent={place} level={childLevel} onClose={close} onDone={() => onChanged([place.id])} />
      )}
      {open === 'edit' && (
        <PlaceFormModal mode="edit" place={place} level={place.level} onClose={close} onDone={() => onChanged([...parents, place.id])} />
      )}
      {open === 'move' && <MovePlaceModal place={place} onClose={close} onDone={(newParent) => onChanged([...parents, newParent])} />}
      {open === 'editGeometry' && <GeometryEditorModal place={place} onClose={close} onDone={() => onChanged([place.id])} />}
      {open === 'importGeometry' && <GeometryImportModal place={place} onClose={close} onDone={() => onChanged([place.id])} />}
      {open === 'import' && <RosterImportModal place={place} onClose={close} onDone={() => onChanged([place.id])} />}
      {timelineUsed && <TimelineDrawer open={open === 'timeline'} onClose={close} entityType="place" entityId={place.id} title={place.name} />}
    </Suspense>
  );
}
