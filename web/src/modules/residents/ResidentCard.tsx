import { EditOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space, Typography } from 'antd';
import type { Resident } from '../../app/api/types';
import { RevealField } from '../../app/components/RevealField';
import { useT } from '../../app/i18n/I18nProvider';
import { residentsApi } from './api';
import type { ResidentViewProps } from './useResidentColumns';

/** On a phone each resident is a small card, so the masked fields and their reveal buttons fit at 390px. */
export function ResidentCard({ resident: r, canReveal, onEdit, onTimeline }: ResidentViewProps & { resident: Resident }) {
  const t = useT();
  return (
    <div data-testid="resident-card" style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text strong>
          {r.name}
          <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontWeight: 'normal' }}>
            {t(`relation.${r.relation}`)}{r.gender ? ` · ${t(`gender.${r.gender}`)}` : ''}
          </Typography.Text>
        </Typography.Text>
        <Space size={0}>
          {onEdit && <Button type="text" size="small" icon={<EditOutlined />} onClick={() => onEdit(r)} aria-label={t('resident.edit')} />}
          {onTimeline && <Button type="text" size="small" icon={<HistoryOutlined />} onClick={() => onTimeline(r)} aria-label={t('common.timeline')} />}
        </Space>
      </Space>
      <Descriptions size="small" column={1} style={{ marginTop: 4 }} items={[
        { key: 'phone', label: t('resident.phone'), children: <RevealField masked={r.phoneMasked} label={t('resident.phone')}
          canReveal={canReveal} testId={`phone-${r.id}`} reveal={(reason) => residentsApi.reveal(r.id, 'phone', reason)} /> },
        { key: 'id', label: t('resident.idNumber'), children: <RevealField masked={r.idNumberMasked} label={t('resident.idNumber')}
          canReveal={canReveal} testId={`id-${r.id}`} reveal={(reason) => residentsApi.reveal(r.id, 'idNumber', reason)} /> },
      ]} />
    </div>
  );
}
