import { EditOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Resident } from '../../app/api/types';
import { RevealField } from '../../app/components/RevealField';
import { useT } from '../../app/i18n/I18nProvider';
import { residentsApi } from './api';

export interface ResidentViewProps {
  canReveal: boolean;
  /** Absent when the user may not edit residents. */
  onEdit?: (r: Resident) => void;
  onTimeline?: (r: Resident) => void;
}

/** The residents table's columns on a desktop: personal fields masked, each with its own reveal button. */
export function useResidentColumns({ canReveal, onEdit, onTimeline }: ResidentViewProps): ColumnsType<Resident> {
  const t = useT();
  return [
    { key: 'name', title: t('resident.name'), dataIndex: 'name' },
    { key: 'relation', title: t('resident.relation'), render: (_, r) => t(`relation.${r.relation}`) },
    { key: 'gender', title: t('resident.gender'), render: (_, r) => (r.gender ? t(`gender.${r.gender}`) : t('common.none')) },
    {
      key: 'phone', title: t('resident.phone'),
      render: (_, r) => <RevealField masked={r.phoneMasked} label={t('resident.phone')} canReveal={canReveal} testId={`phone-${r.id}`}
        reveal={(reason) => residentsApi.reveal(r.id, 'phone', reason)} />,
    },
    {
      key: 'idNumber', title: t('resident.idNumber'),
      render: (_, r) => <RevealField masked={r.idNumberMasked} label={t('resident.idNumber')} canReveal={canReveal} testId={`id-${r.id}`}
        reveal={(reason) => residentsApi.reveal(r.id, 'idNumber', reason)} />,
    },
    {
      key: 'actions', title: t('common.actions'),
      render: (_, r) => (
        <Space size={0}>
          {onEdit && <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(r)} aria-label={t('resident.edit')} />}
          {onTimeline && <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => onTimeline(r)} aria-label={t('common.timeline')} />}
        </Space>
      ),
    },
  ];
}
