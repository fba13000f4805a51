import { Alert, Button, DatePicker, Drawer, Form, Input, List, Modal, Rate, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { validated } from '../../app/forms';
import { useLoad } from '../../app/hooks/useLoad';
import { useNotify } from '../../app/hooks/useNotify';
import { useI18n } from '../../app/i18n/I18nProvider';
import { useSession } from '../../app/session/SessionProvider';
import type { ChairAction, ChairState } from '../../../../contracts/rotating-chair';
import { PlaceSelect } from '../places/PlaceSelect';
import { chairApi, meetingsApi, type ChairMonth } from './api';

const stateColor = (s: ChairState) => (s === 'reported' ? 'green' : s === 'planned' ? 'blue' : 'gold');

/** An office schedules a month: the community, the month, one unit or several (collective). */
function ScheduleChair({ place, onDone }: { place?: { id: string; name: string }; onDone: () => void }) {
  const { t } = useI18n();
  const { error, success } = useNotify();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ placeId: string; month: Dayjs; unitIds: string[] }>();
  const placeId = Form.useWatch('placeId', form) ?? place?.id;
  const units = useLoad(() => meetingsApi.units(placeId!), [placeId, open], open && !!placeId);
  const ok = async () => {
    const v = await validated(form);
    if (!v) return;
    try { await chairApi.schedule({ placeId: v.placeId, month: v.month.format('YYYY-MM'), unitIds: v.unitIds }); success(t('rotatingChair.saved')); setOpen(false); onDone(); } catch (e) { error(e); }
  };
  return (
    <>
      <Button type="primary" data-testid="chair-schedule" onClick={() => { form.resetFields(); setOpen(true); }}>{t('rotatingChair.schedule')}</Button>
      <Modal open={open} title={t('rotatingChair.schedule')} onCancel={() => setOpen(false)} onOk={ok} okText={t('common.ok')} cancelText={t('common.cancel')} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false} initialValues={{ placeId: place?.id }}>
          <Form.Item name="placeId" label={t('rotatingChair.community')} rules={[{ required: true }]}><PlaceSelect level="community" initialLabel={place?.name} /></Form.Item>
          <Form.Item name="month" label={t('rotatingChair.month')} rules={[{ required: true }]}><DatePicker picker="month" /></Form.Item>
          <Form.Item name="unitIds" label={t('rotatingChair.units')} rules={[{ required: true }]} extra={t('rotatingChair.balanceHint')}>
            <Select mode="multiple" optionFilterProp="label" loading={units.loading} options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** One month: plan, report, ratings; the chair's next step; the other units' rating. */
function ChairDrawer({ id, onClose, onChanged }: { id?: string; onClose: () => void; onChanged: () => void }) {
  const { t } = useI18n();
  const { error, success } = useNotify();
  const month = useLoad(() => chairApi.get(id!), [id], !!id);
  const [asking, setAsking] = useState<ChairAction>();
  const [text, setText] = useState('');
  const [rating, setRating] = useState(5);
  const [comment, setComment] = useState('');
  const m = month.data;
  const done = () => { success(t('rotatingChair.saved')); month.reload(); onChanged(); };
  const step = async () => {
    if (!m || !asking) return;
    try { await chairApi.step(m.id, asking, { version: m.version, [asking === 'file_plan' ? 'plan' : 'report']: text }); setAsking(undefined); done(); } catch (e) { error(e); }
  };
  const rate = async () => {
    if (!m) return;
    try { await chairApi.rate(m.id, { rating, comment: comment || undefined }); done(); } catch (e) { error(e); }
  };
  return (
    <Drawer open={!!id} onClose={onClose} size="large" title={m && `${m.placeName} ${m.month} ${t('rotatingChair.title')}`} data-testid="chair-drawer">
      {!m ? <Spin /> : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>{m.units.map((u) => <Tag key={u.id}>{u.name}</Tag>)}<Tag color={stateColor(m.state)} data-testid="chair-state">{t(`rotatingChair.states.${m.state}`)}</Tag></Space>
          <Space wrap>{m.actions.map((a) => <Button key={a} type="primary" data-testid={`chair-${a}`} onClick={() => { setText(''); setAsking(a); }}>{t(`rotatingChair.steps.${a}`)}</Button>)}</Space>
          <Typography.Title level={5}>{t('rotatingChair.plan')}</Typography.Title>
          <Typography.Paragraph data-testid="chair-plan-text">{m.plan ?? '—'}</Typography.Paragraph>
          <Typography.Title level={5}>{t('rotatingChair.report')}</Typography.Title>
          <Typography.Paragraph data-testid="chair-report-text">{m.report ?? '—'}</Typography.Paragraph>
          {m.state === 'reported' && <Typography.Paragraph copyable={{ text: `${window.location.origin}/h5/chair-months/${m.id}` }} data-testid="chair-resident-link">
            {t('rotatingChair.residentLink')}</Typography.Paragraph>}
          <Typography.Title level={5}>{t('rotatingChair.ratings')}</Typography.Title>
          <List size="small" dataSource={m.ratings} locale={{ emptyText: t('rotatingChair.noRatings') }} renderItem={(r) => (
            <List.Item data-testid="chair-rating"><Space wrap><Rate disabled value={r.rating} />{r.raterKind === 'unit' ? r.unitName : t('rotatingChair.resident')}{r.comment}</Space></List.Item>
          )} />
          {m.mayRate && (
            <Space direction="vertical" style={{ width: '100%' }} data-testid="chair-rate-form">
              <Rate value={rating} onChange={setRating} />
              <Input.TextArea rows={2} maxLength={300} value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('rotatingChair.comment')} />
              <Button type="primary" onClick={() => void rate()} data-testid="chair-rate">{t('rotatingChair.rate')}</Button>
            </Space>
          )}
        </Space>
      )}
      <Modal open={!!asking} title={asking && t(`rotatingChair.steps.${asking}`)} onCancel={() => setAsking(undefined)} onOk={step} okText={t('common.ok')} cancelText={t('common.cancel')}
        okButtonProps={{ disabled: text.trim().length < 10, 'data-testid': 'chair-step-ok' } as never}>
        <Input.TextArea rows={6} maxLength={5000} value={text} onChange={(e) => setText(e.target.value)} data-testid="chair-text" />
      </Modal>
    </Drawer>
  );
}

/** 轮值主席: a year's roster month by month, its balance warnings, each month's plan, report and ratings. */
export function RotatingChairPage() {
  const { t, locale } = useI18n();
  const { can, me } = useSession();
  const [year, setYear] = useState(new Date().getFullYear());
  const [open, setOpen] = useState<string>();
  const roster = useLoad(() => chairApi.list({ year }), [year]);
  const home = me?.roles.find((r) => r.placeLevel === 'community');
  return (
    <div data-testid="chair-page">
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('rotatingChair.title')}</Typography.Title>
        <Select value={year} onChange={setYear} options={[year - 1, year, year + 1].map((y) => ({ value: y, label: `${y}` }))} />
        {can('chair_month', 'schedule') && <ScheduleChair place={home && { id: home.placeId, name: home.placeName }} onDone={roster.reload} />}
      </Space>
      {(roster.data?.warnings ?? []).map((w, i) => <Alert key={i} type="warning" showIcon title={locale === 'en' ? w.message.en : w.message.zh} style={{ marginBottom: 8 }} data-testid="chair-warning" />)}
      <Table<ChairMonth> rowKey="id" size="small" loading={roster.loading} dataSource={roster.data?.items ?? []} pagination={false} scroll={{ x: true }}
        onRow={(m) => ({ onClick: () => setOpen(m.id), style: { cursor: 'pointer' }, 'data-testid': 'chair-row', 'data-month': m.month }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('rotatingChair.month'), dataIndex: 'month' },
          { title: t('rotatingChair.community'), dataIndex: 'placeName' },
          { title: t('rotatingChair.units'), dataIndex: 'units', render: (us: ChairMonth['units']) => <Space wrap>{us.map((u) => <Tag key={u.id} color={u.size === 'large' ? 'geekblue' : 'cyan'}>{u.name} · {t(`rotatingChair.sizes.${u.size}`)}</Tag>)}</Space> },
          { title: t('rotatingChair.state'), dataIndex: 'state', render: (s: ChairState) => <Tag color={stateColor(s)}>{t(`rotatingChair.states.${s}`)}</Tag> },
          { title: t('rotatingChair.rating'), dataIndex: 'rating', render: (r: number | null, m) => (r === null ? '—' : `${r.toFixed(1)} (${m.ratings})`) },
        ]} />
      <ChairDrawer id={open} onClose={() => setOpen(undefined)} onChanged={roster.reload} />
    </div>
  );
}
