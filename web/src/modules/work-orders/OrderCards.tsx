import { Card, Image, List, Space, Tag, Typography } from 'antd';
import { PHOTO_STAGES } from '../../../../contracts/work-orders';
import { useI18n } from '../../app/i18n/I18nProvider';
import { localTime } from '../timeline/format';
import { AddPhotosButton } from './AddPhotosButton';
import { workOrdersApi, type WorkOrderDetail } from './api';
import { resolvePhotosLeft } from './photos';

const EXTENSION_COLOR: Record<string, string> = { pending: 'processing', approved: 'success', refused: 'default' };

/** The resident's photos and those of the work, apart; the taker adds more here while holding the order. */
export function PhotosCard({ detail, canAdd, onAdded }: { detail: WorkOrderDetail; canAdd: boolean; onAdded: () => void }) {
  const { t } = useI18n();
  const { order, photos } = detail;
  return (
    <Card size="small" title={t('workOrder.photos')} data-testid="work-order-photos"
      extra={canAdd && <AddPhotosButton orderId={order.id} max={resolvePhotosLeft(detail)} onDone={onAdded} />}>
      {photos.length === 0 && <Typography.Text type="secondary">{t('workOrder.noPhotos')}</Typography.Text>}
      <Image.PreviewGroup>
        {PHOTO_STAGES.map((stage) => {
          const shown = photos.filter((p) => p.stage === stage);
          return shown.length > 0 && (
            <div key={stage} style={{ marginBottom: 8 }}>
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>{t(`workOrder.photoStage.${stage}`)}</Typography.Text>
              <Space wrap>
                {shown.map((p) => (
                  <Image key={p.id} width={96} height={96} style={{ objectFit: 'cover' }} src={workOrdersApi.photoUrl(order.id, p.id)}
                    data-testid="work-order-photo" data-stage={stage} />
                ))}
              </Space>
            </div>
          );
        })}
      </Image.PreviewGroup>
    </Card>
  );
}

/** The units called in (吹哨报到): whether each has reported in, and the part it says it played. */
export function UnitsCard({ units }: { units: WorkOrderDetail['units'] }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('workOrder.units')}>
      <List size="small" dataSource={units} renderItem={(u) => (
        <List.Item data-testid="called-unit" data-unit={u.id}>
          <div style={{ width: '100%' }}>
            <Space wrap size={4}>
              <Typography.Text strong>{u.name}</Typography.Text>
              {u.reportedAt
                ? <Tag color="success" data-testid="unit-reported">{t('workOrder.reportedAt')} {localTime(u.reportedAt)}</Tag>
                : <Tag color="warning" data-testid="unit-pending">{t('workOrder.notReported')}</Tag>}
            </Space>
            <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('workOrder.calledAt')} {localTime(u.calledAt)}</Typography.Text></div>
            {u.part && <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }} data-testid="unit-part">{u.part}</Typography.Paragraph>}
          </div>
        </List.Item>
      )} />
    </Card>
  );
}

export function ExtensionsCard({ extensions }: { extensions: WorkOrderDetail['extensions'] }) {
  const { t, tr } = useI18n();
  return (
    <Card size="small" title={t('workOrder.extensions')}>
      <List size="small" dataSource={extensions} renderItem={(e) => (
        <List.Item data-testid="extension" data-state={e.state}>
          <div>
            <Space wrap size={4}>
              <Typography.Text strong>{t('workOrder.extensionDays', { days: e.days })}</Typography.Text>
              <Tag color={EXTENSION_COLOR[e.state]}>{tr(`workOrder.extensionState.${e.state}`, e.state)}</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{localTime(e.createdAt)}</Typography.Text>
            </Space>
            <div>{e.reason}</div>
          </div>
        </List.Item>
      )} />
    </Card>
  );
}
