import { Button, Card, Checkbox, Form, Input, Select, type UploadFile } from 'antd';
import { useNavigate } from 'react-router';
import { useLoad } from '../../app/hooks/useLoad';
import { useNotify } from '../../app/hooks/useNotify';
import { useT } from '../../app/i18n/I18nProvider';
import { useMe } from '../../app/session/SessionProvider';
import { PlaceSelect } from '../places/PlaceSelect';
import type { Role } from '../../../../contracts/roles';
import { DEMAND_TYPES, STAFF_CHANNELS, URGENCIES, type Channel } from '../../../../contracts/work-orders';
import { workOrdersApi, type FileInput } from './api';
import { filesOf, PhotoPicker } from './PhotoPicker';

/** A grid worker's patrol adds photos, and may say he handled it on the spot with what he did. */
type FileValues = FileInput & { photos?: UploadFile[]; handledOnSpot?: boolean; result?: string };

// Mirrors the server's channel roles, to offer each person only the channels they may enter (the server checks again).
const CHANNEL_ROLES: Record<(typeof STAFF_CHANNELS)[number], Role[]> = {
  hotline_12345: ['district_admin', 'street_staff'],
  mailbox: ['building_head', 'community_worker'],
  grid_patrol: ['grid_worker'],
  wechat_group: ['community_worker', 'street_staff'],
  walk_in: ['community_worker', 'street_staff'],
};

/** Filing a demand: staff enter a demand from a channel — a grid worker's patrol, a building head's mailbox, 12345, WeChat, a walk-in. */
export function FileDemandPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const { error, success } = useNotify();
  const [form] = Form.useForm<FileValues>();
  const channel = Form.useWatch('channel', form) as Channel | undefined;
  const onSpot = Form.useWatch('handledOnSpot', form) as boolean | undefined;
  const patrol = channel === 'grid_patrol';
  const categories = useLoad(() => workOrdersApi.categories(), []);
  const channels = STAFF_CHANNELS.filter((c) => me.roles.some((r) => CHANNEL_ROLES[c].includes(r.role)));

  const submit = async ({ photos, handledOnSpot, result, ...values }: FileValues) => {
    try {
      const clean = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')) as unknown as FileInput;
      const { channel: _channel, externalNo: _externalNo, ...report } = clean;
      const order = patrol
        ? await workOrdersApi.filePatrol({ ...report, ...(handledOnSpot ? { handledOnSpot, result } : {}) }, filesOf(photos))
        : await workOrdersApi.file(clean);
      success(t(order.state === 'resolved' ? 'workOrder.filedOnSpot' : 'workOrder.filed', { trackingNo: order.trackingNo }));
      navigate(`/work-orders/${order.id}`);
    } catch (err) {
      error(err);
    }
  };
  const required = [{ required: true, whitespace: true, message: t('common.required') }];

  return (
    <Card title={t('workOrder.fileTitle')} style={{ maxWidth: 720 }} data-testid="file-demand-form">
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ channel: channels[0], demandType: 'help', urgency: 'normal' }}>
        <Form.Item name="channel" label={t('workOrder.channel')} rules={required}>
          <Select options={channels.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
        </Form.Item>
        {channel === 'hotline_12345' && (
          <Form.Item name="externalNo" label={t('workOrder.externalNo')} rules={required}><Input maxLength={64} /></Form.Item>
        )}
        <Form.Item name="placeId" label={t('workOrder.place')} rules={[{ required: true, message: t('common.required') }]}>
          <PlaceSelect placeholder={t('workOrder.pickPlace')} testId="file-place" />
        </Form.Item>
        <Form.Item name="categoryId" label={t('workOrder.category')} rules={[{ required: true, message: t('common.required') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} data-testid="file-category"
            options={(categories.data?.items ?? []).filter((c) => c.active).map((c) => ({ value: c.id, label: `${c.groupName} / ${c.name}` }))} />
        </Form.Item>
        <Form.Item name="demandType" label={t('workOrder.demandType')} rules={required}>
          <Select options={DEMAND_TYPES.map((d) => ({ value: d, label: t(`demandType.${d}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('workOrder.title')} rules={required}><Input maxLength={100} /></Form.Item>
        <Form.Item name="description" label={t('workOrder.description')} rules={required}><Input.TextArea rows={4} maxLength={2000} /></Form.Item>
        <Form.Item name="address" label={t('workOrder.address')}><Input maxLength={200} /></Form.Item>
        <Form.Item name="reporterName" label={t('workOrder.reporterName')}><Input maxLength={50} /></Form.Item>
        <Form.Item name="reporterPhone" label={t('workOrder.reporterPhone')}><Input maxLength={20} inputMode="tel" /></Form.Item>
        {patrol && <Form.Item name="photos" label={t('workOrder.reportPhotos')}><PhotoPicker max={6} /></Form.Item>}
        {patrol && (
          <Form.Item name="handledOnSpot" valuePropName="checked" extra={t('workOrder.onSpotHint')}>
            <Checkbox data-testid="file-on-spot">{t('workOrder.onSpot')}</Checkbox>
          </Form.Item>
        )}
        {patrol && onSpot && (
          <Form.Item name="result" label={t('workOrder.onSpotResult')} rules={[{ required: true, whitespace: true, message: t('workOrder.onSpotResultRequired') }]}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="file-on-spot-result" />
          </Form.Item>
        )}
        <Form.Item name="confidential" valuePropName="checked"><Checkbox>{t('workOrder.confidentialHint')}</Checkbox></Form.Item>
        <Form.Item name="urgency" label={t('workOrder.urgency')} extra={t('workOrder.urgencyHint')}>
          <Select options={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block data-testid="file-submit">{t('h5.submit')}</Button>
      </Form>
    </Card>
  );
}
