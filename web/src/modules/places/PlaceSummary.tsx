import { Descriptions, Space, Tag, Typography } from 'antd';
import { useT } from '../../app/i18n/I18nProvider';
import { RevealField } from '../../app/components/RevealField';
import { placesApi, type PlaceDetail } from './api';
import { placeKind } from './levels';

/** Name, level, code, compound type and the masked address with its reveal button. */
export function PlaceSummary({ detail, phone }: { detail: PlaceDetail; phone: boolean }) {
  const t = useT();
  const { place, actions } = detail;
  const isCompound = place.level === 'compound';
  const items = [
    { key: 'level', label: t('place.level'), children: t(`level.${placeKind(place)}`) },
    { key: 'code', label: t('place.code'), children: place.code ?? t('common.none') },
    ...(isCompound
      ? [
          { key: 'type', label: t('place.compoundType'), children: place.compoundType ? t(`compoundType.${place.compoundType}`) : t('common.none') },
          { key: 'threeNo', label: t('place.threeNo'), children: place.threeNo ? t('common.yes') : t('common.no') },
        ]
      : []),
    ...(place.addressMasked || ['compound', 'building', 'household'].includes(place.level) ? [{
      key: 'address',
      label: t('place.address'),
      children: (
        <RevealField masked={place.addressMasked} label={t('place.address')} canReveal={actions.includes('reveal')}
          reveal={(reason) => placesApi.revealAddress(place.id, reason)} testId="address" />
      ),
    }] : []),
  ];
  return (
    <>
      <Space align="center" wrap style={{ marginBottom: 8 }} data-testid="place-header">
        <Typography.Title level={phone ? 4 : 3} style={{ margin: 0 }} data-testid="place-name">
          {place.name}
        </Typography.Title>
        <Tag color="blue">{t(`level.${placeKind(place)}`)}</Tag>
        {isCompound && place.compoundType && <Tag>{t(`compoundType.${place.compoundType}`)}</Tag>}
        {place.threeNo && <Tag color="red">{t('place.threeNoTag')}</Tag>}
      </Space>
      <Descriptions size="small" column={phone ? 1 : 2} items={items} />
    </>
  );
}
