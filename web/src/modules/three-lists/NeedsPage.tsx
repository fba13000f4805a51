import { Button, Form, Input, Modal, Select, Space, Tag, type UploadFile } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ListPage } from '../../app/components/ListPage';
import { validated } from '../../app/forms';
import { useLoad } from '../../app/hooks/useLoad';
import { useNotify } from '../../app/hooks/useNotify';
import { useT } from '../../app/i18n/I18nProvider';
import { useSession } from '../../app/session/SessionProvider';
import { NEED_STATES, NEED_URGENCIES, THREE_LIST_CATEGORIES, type NeedState, type NeedUrgency, type ThreeListCategory } from '../../../../contracts/three-lists';
import { PlaceSelect } from '../places/PlaceSelect';
import { PhotoPicker, filesOf } from '../work-orders/PhotoPicker';
import { threeListsApi, type Need } from './api';
import { LedgerExport } from './LedgerExport';

const PAGE = 20;
export const stateColor = (s: NeedState) => (s === 'rated' ? 'green' : s === 'rejected' || s === 'merged' ? 'default' : s === 'reported' ? 'gold' : 'blue');

interface ReportValues { title: string; description: string; category: ThreeListCategory; urgency: NeedUrgency; beneficiary?: string; placeId: string; photos?: UploadFile[] }

/** A grid worker, building head or office reports a need on a place of their subtree, with up to 6 photos. */
function ReportNeed({ onDone }: { onDone: () => void }) {
  const t = useT();
  const { error, success } = useNotify();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ReportValues>();
  const ok = async () => {
    const v = await validated(form);
    if (!v) return;
    try { const { photos, ...fields } = v; await threeListsApi.report(fields, filesOf(photos)); success(t('threeLists.done')); setOpen(false); onDone(); } catch (e) { error(e); }
  };
  return (
    <>
      <Button type="primary" data-testid="need-report" onClick={() => { form.resetFields(); setOpen(true); }}>{t('threeLists.report')}</Button>
      <Modal open={open} title={t('threeLists.report')} onCancel={() => setOpen(false)} onOk={ok} okText={t('common.ok')} cancelText={t('common.cancel')} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ urgency: 'normal' }} preserve={false}>
          <Form.Item name="placeId" label={t('threeLists.place')} rules={[{ required: true, message: t('threeLists.pickPlace') }]}><PlaceSelect testId="need-place" /></Form.Item>
          <Form.Item name="category" label={t('threeLists.category')} rules={[{ required: true, message: t('threeLists.required') }]}>
            <Select options={THREE_LIST_CATEGORIES.map((c) => ({ value: c, label: t(`threeLists.categories.${c}`) }))} data-testid="need-category" />
          </Form.Item>
          <Form.Item name="title" label={t('threeLists.title')} rules={[{ required: true, min: 2, message: t('threeLists.required') }]}><Input maxLength={60} data-testid="need-title" /></Form.Item>
          <Form.Item name="description" label={t('threeLists.description')} rules={[{ required: true, min: 2, message: t('threeLists.required') }]}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
          <Form.Item name="beneficiary" label={t('threeLists.beneficiary')}><Input maxLength={60} /></Form.Item>
          <Form.Item name="urgency" label={t('threeLists.urgency')}><Select options={NEED_URGENCIES.map((u) => ({ value: u, label: t(`threeLists.urgencies.${u}`) }))} /></Form.Item>
          <Form.Item name="photos" label={t('threeLists.photos')}><PhotoPicker max={6} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 需求清单: the needs the caller sees, by state and category, newest first; each opens its detail page. */
export function NeedsPage() {
  const t = useT();
  const { can } = useSession();
  const [state, setState] = useState<NeedState>();
  const [category, setCategory] = useState<ThreeListCategory>();
  const [page, setPage] = useState(1);
  const list = useLoad(() => threeListsApi.needs({ state, category, limit: PAGE, offset: (page - 1) * PAGE }), [state, category, page]);
  return (
    <ListPage<Need> title={t('threeLists.needsTitle')} rowKey="id" items={list.data?.items ?? []} loading={list.loading} empty={t('threeLists.empty')}
      paging={{ page, pageSize: PAGE, total: list.data?.total ?? 0, onPage: setPage }} testIds={{ page: 'needs-page', table: 'needs-table' }}
      extra={<Space wrap><LedgerExport subject="need" ledger="needs" testId="needs-export" />{can('need', 'report') && <ReportNeed onDone={list.reload} />}</Space>}
      filters={<Space wrap>
        <Select allowClear placeholder={t('threeLists.state')} style={{ width: 140 }} value={state} onChange={(v) => { setState(v); setPage(1); }} data-testid="needs-state"
          options={NEED_STATES.map((s) => ({ value: s, label: t(`threeLists.states.${s}`) }))} />
        <Select allowClear placeholder={t('threeLists.category')} style={{ width: 140 }} value={category} onChange={(v) => { setCategory(v); setPage(1); }}
          options={THREE_LIST_CATEGORIES.map((c) => ({ value: c, label: t(`threeLists.categories.${c}`) }))} />
      </Space>}
      onRow={(n) => ({ 'data-testid': 'need-row', 'data-id': n.id }) as React.HTMLAttributes<HTMLElement>}
      card={(n) => <Link to={`/needs/${n.id}`} data-testid="need-card">{n.title} <Tag color={stateColor(n.state)}>{t(`threeLists.states.${n.state}`)}</Tag></Link>}
      columns={[
        { title: t('threeLists.title'), dataIndex: 'title', render: (v: string, n) => <Link to={`/needs/${n.id}`}>{v}</Link> },
        { title: t('threeLists.category'), dataIndex: 'category', render: (c: ThreeListCategory) => t(`threeLists.categories.${c}`) },
        { title: t('threeLists.place'), dataIndex: 'placeName' },
        { title: t('threeLists.urgency'), dataIndex: 'urgency', render: (u: NeedUrgency) => (u === 'urgent' ? <Tag color="red">{t('threeLists.urgencies.urgent')}</Tag> : t('threeLists.urgencies.normal')) },
        { title: t('threeLists.unit'), dataIndex: 'unitName', render: (v: string | null, n) => v ?? n.memberName },
        { title: t('threeLists.state'), dataIndex: 'state', render: (s: NeedState) => <Tag color={stateColor(s)} data-testid="need-state">{t(`threeLists.states.${s}`)}</Tag> },
        { title: t('threeLists.reportedAt'), dataIndex: 'createdAt', render: (v: string) => v.slice(0, 10) },
      ]} />
  );
}
