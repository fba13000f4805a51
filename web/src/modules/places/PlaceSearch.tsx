import { SearchOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useT } from '../../app/i18n/I18nProvider';
import { PlaceSelect } from './PlaceSelect';

/** The search box above the tree: picking a result opens that place. */
export function PlaceSearch() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
      <SearchOutlined style={{ color: '#999' }} />
      <PlaceSelect testId="place-search" placeholder={t('place.searchPlaceholder')} value={undefined}
        onChange={(id) => navigate(`/places/${id}`)} />
    </div>
  );
}
