import { Button, Form, Input, InputNumber, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { ListPage } from '../../app/components/ListPage';
import { validated } from '../../app/forms';
import { useLoad } from '../../app/hooks/useLoad';
import { useNotify } from '../../app/hooks/useNotify';
import { useT } from '../../app/i18n/I18nProvider';
import { useMe, useSession } from '../../app/session/SessionProvider';
import { RESOURCE_STATES, THREE_LIST_CATEGORIES, type ResourceAction, type ResourceState, type ThreeListCategory } from '../../../../contracts/three-lists';
import { PlaceSelect } from '../places/PlaceSelect';
import { threeListsApi, type Resource } from './api';
import { LedgerExport } from './LedgerExport';

const PAGE = 20;
interface Values { unitId?: string; title: string; description: string; category: ThreeListCategory; capacity: number; placeId: string; schedule?: string; conditions?: string }

/** A unit's contact submits their unit's resource; an office submits one for a partner unit it sees. */
function NewResource({ onDone }: { onDone: () => void }) {
  const t = useT();
  const me = useMe();
  const contact = me.roles.every((r) => r.role === 'partner_contact');
  const { error, success } = useNotify();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const units = useLoad(() => threeListsApi.units({}), [], open && !contact);
  const ok = async () => {
    const v = await validated(form);
    if (!v) return;
    try { await threeListsApi.createResource(v); success(t('threeLists.done')); setOpen(false); onDone(); } catch (e) { error(e); }
  };
  return (
    <>
      <Button type="primary" data-testid="resource-new" onClick={() => { form.resetFields(); setOpen(true); }}>{t('threeLists.newResource')}</Button>
      <Modal open={open} title={t('threeLists.newResource')} onCancel={() => setOpen(false)} onOk={ok} okText={t('common.ok')} cancelText={t('common.cancel')} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ capacity: 4 }} preserve={false}>
          {!contact && <Form.Item name="unitId" label={t('threeLists.unit')} rules={[{ required: true, message: t('threeLists.required') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>}
          <Form.Item name="title" label={t('threeLists.title')} rules={[{ required: true, min: 2, message: t('threeLists.required') }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="description" label={t('threeLists.description')} rules={[{ required: true, min: 2, message: t('threeLists.required') }]}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
          <Form.Item name="category" label={t('threeLists.category')} rules={[{ required: true, message: t('threeLists.required') }]}>
            <Select options={THREE_LIST_CATEGORIES.map((c) => ({ value: c, label: t(`threeLists.categories.${c}`) }))} />
          </Form.Item>
          <Form.Item name="capacity" label={t('threeLists.capacity')} rules={[{ required: true }]}><InputNumber min={1} max={10000} /></Form.Item>
          <Form.Item name="placeId" label={t('threeLists.areaServed')} rules={[{ required: true, message: t('threeLists.pickPlace') }]}><PlaceSelect /></Form.Item>
          <Form.Item name="schedule" label={t('threeLists.schedule')}><Input maxLength={100} placeholder={t('threeLists.schedulePlaceholder')} data-testid="resource-schedule" /></Form.Item>
          <Form.Item name="conditions" label={t('threeLists.conditions')}><Input.TextArea rows={2} maxLength={300} placeholder={t('threeLists.conditionsPlaceholder')} data-testid="resource-conditions" /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 资源清单: the resources the caller sees, with this month's remaining capacity and the review steps. */
export function ResourcesPage() {
  const t = useT();
  const { can } = useSession();
  const { error, success } = useNotify();
  const [state, setState] = useState<ResourceState>();
  const [page, setPage] = useState(1);
  const list = useLoad(() => threeListsApi.resources({ state, limit: PAGE, offset: (page - 1) * PAGE }), [state, page]);
  const step = (r: Resource, a: ResourceAction) => {
    const reason = a === 'publish' ? undefined : window.prompt(t('threeLists.reason'));
    if (a !== 'publish' && !reason) return;
    threeListsApi.resourceStep(r.id, a, { version: r.version, ...(reason ? { reason } : {}) }).then(() => { success(t('threeLists.done')); list.reload(); }, error);
  };
  return (
    <ListPage<Resource> title={t('threeLists.resourcesTitle')} rowKey="id" items={list.data?.items ?? []} loading={list.loading} empty={t('threeLists.emptyResources')}
      paging={{ page, pageSize: PAGE, total: list.data?.total ?? 0, onPage: setPage }} testIds={{ page: 'resources-page' }}
      extra={<Space wrap><LedgerExport subject="resource" ledger="resources" testId="resources-export" />{can('resource', 'create') && <NewResource onDone={list.reload} />}</Space>}
      filters={<Select allowClear placeholder={t('threeLists.state')} style={{ width: 140 }} value={state} onChange={(v) => { setState(v); setPage(1); }}
        options={RESOURCE_STATES.map((s) => ({ value: s, label: t(`threeLists.resourceStates.${s}`) }))} />}
      card={(r) => <span>{r.title} · {r.unitName} <Tag>{t(`threeLists.resourceStates.${r.state}`)}</Tag>{r.schedule && <div>{t('threeLists.schedule')}:{r.schedule}</div>}</span>}
      columns={[
        { title: t('threeLists.title'), dataIndex: 'title' },
        { title: t('threeLists.unit'), dataIndex: 'unitName' },
        { title: t('threeLists.category'), dataIndex: 'category', render: (c: ThreeListCategory) => t(`threeLists.categories.${c}`) },
        { title: t('threeLists.areaServed'), dataIndex: 'placeName' },
        { title: t('threeLists.remaining'), render: (_, r) => `${r.remaining} / ${r.capacity}` },
        { title: t('threeLists.schedule'), dataIndex: 'schedule', render: (v: string | null) => <span data-testid="resource-schedule-cell">{v ?? '—'}</span> },
        { title: t('threeLists.conditions'), dataIndex: 'conditions', ellipsis: true, render: (v: string | null) => <span data-testid="resource-conditions-cell" title={v ?? undefined}>{v ?? '—'}</span> },
        { title: t('threeLists.state'), dataIndex: 'state', render: (s: ResourceState) => <Tag color={s === 'published' ? 'green' : s === 'submitted' ? 'gold' : 'default'}>{t(`threeLists.resourceStates.${s}`)}</Tag> },
        { title: '', render: (_, r) => <Space>{r.actions.map((a) => <Button key={a} size="small" onClick={() => step(r, a)}>{t(`threeLists.resourceSteps.${a}`)}</Button>)}</Space> },
      ]} />
  );
}
