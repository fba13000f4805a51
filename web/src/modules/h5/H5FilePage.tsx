import { Button, Card, Form, Input, Result, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useLoad } from '../../app/hooks/useLoad';
import { useNotify } from '../../app/hooks/useNotify';
import { useT } from '../../app/i18n/I18nProvider';
import { PhotoPicker, filesOf } from '../work-orders/PhotoPicker';
import { DEMAND_TYPES, type DemandType } from '../../../../contracts/work-orders';
import { h5Api } from './api';
import { CompoundPicker } from './CompoundPicker';

interface Values { compoundId: string; buildingId?: string; categoryId: string; demandType: DemandType; title?: string; description: string; photos?: never }

/** The resident's form: where (search, or the QR link's ?place=), what, a few words and up to six photos. */
export function H5FilePage() {
  const t = useT();
  const { error } = useNotify();
  const [params] = useSearchParams();
  const qrPlace = params.get('place');
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ id: string; trackingNo: string } | null>(null);
  const categories = useLoad(() => h5Api.categories(), []);
  const qr = useLoad(() => h5Api.place(qrPlace!), [qrPlace], Boolean(qrPlace));
  const compoundId = Form.useWatch('compoundId', form);
  // A QR code on a building names the building; on a compound, the compound.
  const qrCompound = qr.data ? (qr.data.level === 'compound' ? { id: qr.data.id, name: qr.data.name } : qr.data.compound) : null;
  useEffect(() => {
    if (qr.data) form.setFieldsValue({ compoundId: qrCompound?.id, buildingId: qr.data.level === 'building' ? qr.data.id : undefined });
  }, [qr.data]);
  const buildings = useLoad(() => h5Api.place(compoundId), [compoundId], Boolean(compoundId));

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const title = v.title?.trim() || v.description.trim().slice(0, 30);
      const placeId = v.buildingId ?? v.compoundId;
      setDone(await h5Api.file({ placeId, categoryId: v.categoryId, demandType: v.demandType, title, description: v.description.trim() }, filesOf(v.photos)));
    } catch (err) {
      error(err);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Result status="success" title={t('h5.submitted')} data-testid="h5-submitted"
        subTitle={<>{t('h5.trackingNo')}<Typography.Title level={3} copyable data-testid="h5-tracking-no">{done.trackingNo}</Typography.Title></>}
        extra={<Link to={`/h5/demands/${done.id}`}><Button type="primary">{t('h5.progress')}</Button></Link>} />
    );
  }
  return (
    <Card title={t('h5.title')} data-testid="h5-file-form">
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ demandType: 'help' }}>
        <Form.Item name="compoundId" label={t('h5.compound')} rules={[{ required: true, message: t('h5.invalid.compound') }]}>
          <CompoundPicker initial={qrCompound} />
        </Form.Item>
        {(buildings.data?.children.length ?? 0) > 0 && (
          <Form.Item name="buildingId" label={t('h5.building')}>
            <Select allowClear options={buildings.data!.children.map((b) => ({ value: b.id, label: b.name }))} />
          </Form.Item>
        )}
        <Form.Item name="categoryId" label={t('h5.category')} rules={[{ required: true, message: t('h5.invalid.category') }]}>
          <Select data-testid="h5-category" showSearch={{ optionFilterProp: 'label' }}
            options={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.groupName} / ${c.name}` }))} />
        </Form.Item>
        <Form.Item name="demandType" label={t('h5.type')} rules={[{ required: true, message: t('h5.invalid.type') }]}>
          <Select options={DEMAND_TYPES.map((d) => ({ value: d, label: t(`demandType.${d}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('h5.titleField')}><Input maxLength={100} /></Form.Item>
        <Form.Item name="description" label={t('h5.description')} rules={[{ required: true, whitespace: true, message: t('h5.invalid.description') }]}><Input.TextArea rows={4} maxLength={2000} /></Form.Item>
        <Form.Item name="photos" label={t('h5.photos')}><PhotoPicker max={6} /></Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="h5-submit">{t('h5.submit')}</Button>
      </Form>
    </Card>
  );
}
