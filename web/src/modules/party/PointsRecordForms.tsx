import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { memberApi } from './api';
import { pointsApi } from './pointsApi';
import { useSubmit } from './useSubmit';
import { validated } from '../../app/forms';

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** Picks members by name from the server (a community may have more than a list can hold); keeps the labels of those picked. */
function MemberPicker({ value, onChange, multiple, testId }: { value?: string | string[]; onChange?: (v: string | string[]) => void; multiple?: boolean; testId?: string }) {
  const [q, setQ] = useState('');
  const [known, setKnown] = useState<Record<string, string>>({});
  const found = useLoad(() => memberApi.list({ q: q || undefined, limit: 50, offset: 0 }), [q]);
  const options = [
    ...Object.entries(known).filter(([id]) => !found.data?.items.some((m) => m.id === id)).map(([id, label]) => ({ value: id, label })),
    ...(found.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name} · ${m.orgName}` })),
  ];
  return (
    <Select mode={multiple ? 'multiple' : undefined} value={value} data-testid={testId} showSearch={{ filterOption: false, onSearch: setQ }} loading={found.loading} options={options}
      onChange={(v: string | string[]) => {
        const labels = Object.fromEntries(options.map((o) => [o.value, o.label]));
        setKnown((k) => ({ ...k, ...Object.fromEntries((Array.isArray(v) ? v : [v]).map((id) => [id, labels[id] ?? id])) }));
        onChange?.(v);
      }} />
  );
}

/** Staff record what earns points: one member's service (hours, what, date), and one meeting's attendance (many members). */
export function PointsRecordForms({ placeId, onRecorded }: { placeId: string; onRecorded: () => void }) {
  const t = useT();
  const service = useSubmit();
  const meeting = useSubmit();
  const [serviceForm] = Form.useForm<{ memberId: string; hours: number; what: string; date: Dayjs }>();
  const [meetingForm] = Form.useForm<{ title: string; date: Dayjs; memberIds: string[] }>();
  const recordService = async () => {
    const v = await validated(serviceForm);
    if (!v) return;
    await service.submit(() => pointsApi.service(v.memberId, { hours: v.hours, what: v.what, date: day(v.date) }), t('partyPoints.recorded'),
      () => { serviceForm.resetFields(['hours', 'what']); onRecorded(); });
  };
  const recordMeeting = async () => {
    const v = await validated(meetingForm);
    if (!v) return;
    await meeting.submit(() => pointsApi.meeting({ placeId, title: v.title, date: day(v.date), memberIds: v.memberIds }), t('partyPoints.recorded'),
      () => { meetingForm.resetFields(); onRecorded(); });
  };
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('partyPoints.recordService')} data-testid="points-service-form">
          <Form form={serviceForm} layout="vertical" initialValues={{ date: dayjs(), hours: 1 }}>
            <Form.Item name="memberId" label={t('partyPoints.member')} rules={[{ required: true }]}>
              <MemberPicker testId="points-service-member" />
            </Form.Item>
            <Form.Item name="hours" label={t('partyPoints.hours')} rules={[{ required: true }]}><InputNumber min={0.5} max={24} step={0.5} data-testid="points-service-hours" /></Form.Item>
            <Form.Item name="what" label={t('partyPoints.what')} rules={[{ required: true, min: 2, whitespace: true }]}><Input maxLength={200} data-testid="points-service-what" /></Form.Item>
            <Form.Item name="date" label={t('partyPoints.date')} rules={[{ required: true }]}><DatePicker allowClear={false} /></Form.Item>
            <Button type="primary" loading={service.busy} onClick={() => void recordService()} data-testid="points-service-submit">{t('partyPoints.recordService')}</Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('partyPoints.recordMeeting')} data-testid="points-meeting-form">
          <Form form={meetingForm} layout="vertical" initialValues={{ date: dayjs() }}>
            <Form.Item name="title" label={t('partyPoints.meetingTitle')} rules={[{ required: true, min: 2, whitespace: true }]}><Input maxLength={100} /></Form.Item>
            <Form.Item name="date" label={t('partyPoints.date')} rules={[{ required: true }]}><DatePicker allowClear={false} /></Form.Item>
            <Form.Item name="memberIds" label={t('partyPoints.attendees')} rules={[{ required: true }]}>
              <MemberPicker multiple testId="points-meeting-members" />
            </Form.Item>
            <Button type="primary" loading={meeting.busy} onClick={() => void recordMeeting()}>{t('partyPoints.recordMeeting')}</Button>
          </Form>
        </Card>
      </Col>
    </Row>
  );
}
