import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Empty, Form, Input, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { validated } from '../../app/forms';
import { useLoad } from '../../app/hooks/useLoad';
import { useNotify } from '../../app/hooks/useNotify';
import { useT } from '../../app/i18n/I18nProvider';
import { PlaceSelect } from '../places/PlaceSelect';
import { meetingsApi } from './api';

interface Values { placeId: string; title: string; plannedAt: Dayjs; venue: string; unitIds: string[]; needIds?: string[]; items?: string[] }

/** An office plans a meeting: its street or community, when and where, the units invited, the unmatched needs and other items on the agenda. */
export function PlanMeeting({ place }: { place?: { id: string; name: string } }) {
  const t = useT();
  const navigate = useNavigate();
  const { error, success } = useNotify();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const placeId = Form.useWatch('placeId', form) ?? place?.id;
  const units = useLoad(() => meetingsApi.units(placeId!), [placeId, open], open && !!placeId);
  const needs = useLoad(() => meetingsApi.agendaNeeds(placeId!), [placeId, open], open && !!placeId);
  const ok = async () => {
    const v = await validated(form);
    if (!v) return;
    try {
      const m = await meetingsApi.plan({ placeId: v.placeId, title: v.title, plannedAt: v.plannedAt.toISOString(), venue: v.venue, unitIds: v.unitIds,
        needIds: v.needIds ?? [], items: (v.items ?? []).filter(Boolean) });
      success(t('jointMeeting.saved'));
      setOpen(false);
      navigate(`/joint-meetings/${m.id}`);
    } catch (e) { error(e); }
  };
  return (
    <>
      <Button type="primary" data-testid="meeting-plan" onClick={() => { form.resetFields(); setOpen(true); }}>{t('jointMeeting.plan')}</Button>
      <Modal open={open} title={t('jointMeeting.plan')} onCancel={() => setOpen(false)} onOk={ok} okText={t('common.ok')} cancelText={t('common.cancel')} destroyOnHidden width={640}
        okButtonProps={{ 'data-testid': 'meeting-plan-ok' } as never}>
        <Form form={form} layout="vertical" preserve={false} initialValues={{ placeId: place?.id, items: [''] }}>
          <Form.Item name="placeId" label={t('jointMeeting.place')} rules={[{ required: true, message: t('jointMeeting.required') }]}>
            <PlaceSelect initialLabel={place?.name} testId="meeting-place" />
          </Form.Item>
          <Form.Item name="title" label={t('jointMeeting.name')} rules={[{ required: true, min: 2, message: t('jointMeeting.required') }]}><Input maxLength={80} data-testid="meeting-title" /></Form.Item>
          <Space wrap>
            <Form.Item name="plannedAt" label={t('jointMeeting.plannedAt')} rules={[{ required: true, message: t('jointMeeting.required') }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="meeting-time" />
            </Form.Item>
            <Form.Item name="venue" label={t('jointMeeting.venue')} rules={[{ required: true, min: 2, message: t('jointMeeting.required') }]}><Input maxLength={100} style={{ width: 300 }} data-testid="meeting-venue" /></Form.Item>
          </Space>
          <Form.Item name="unitIds" label={t('jointMeeting.units')} rules={[{ required: true, message: t('jointMeeting.required') }]}>
            <Select mode="multiple" loading={units.loading} data-testid="meeting-units" optionFilterProp="label"
              options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
          <Form.Item name="needIds" label={t('jointMeeting.agendaNeeds')}>
            {needs.data?.items.length ? (
              <Checkbox.Group data-testid="meeting-needs" style={{ display: 'flex', flexDirection: 'column', gap: 4, maxHeight: 180, overflowY: 'auto' }}
                options={needs.data.items.map((n) => ({ value: n.id, label: <span data-testid="agenda-need" data-id={n.id}>{n.title} · {n.placeName}</span> }))} />
            ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('jointMeeting.noAgendaNeeds')} />}
          </Form.Item>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <Form.Item label={t('jointMeeting.freeItems')}>
                {fields.map((f) => (
                  <Space key={f.key} style={{ display: 'flex', marginBottom: 6 }}>
                    <Form.Item {...f} noStyle><Input maxLength={80} style={{ width: 480 }} placeholder={t('jointMeeting.item')} data-testid="meeting-item" /></Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>{t('jointMeeting.addItem')}</Button>
              </Form.Item>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}
