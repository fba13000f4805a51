import { Link } from 'react-router';
import { Button, Card, DatePicker, Descriptions, Drawer, Form, Input, Modal, Select, Space, Tag, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ListPage } from '../../app/components/ListPage';
import { validated } from '../../app/forms';
import { useLoad } from '../../app/hooks/useLoad';
import { useNotify } from '../../app/hooks/useNotify';
import { useT } from '../../app/i18n/I18nProvider';
import { useSession } from '../../app/session/SessionProvider';
import { AGREEMENT_STATES, PARTNER_KINDS, type AgreementState, type PartnerKind } from '../../../../contracts/units';
import { PlaceSelect } from '../places/PlaceSelect';
import { threeListsApi, type PartnerUnit } from './api';
import { LedgerExport } from './LedgerExport';

const stateColor: Record<AgreementState, string> = { none: 'default', active: 'green', lapsing: 'orange', lapsed: 'red' };

/** One unit: who, its agreement (sign or renew at the version shown), the signed scans. */
function UnitDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const t = useT();
  const { error, success } = useNotify();
  const unit = useLoad(() => threeListsApi.unit(id), [id]);
  const [form] = Form.useForm<{ term: [Dayjs, Dayjs]; commitments: string }>();
  const u = unit.data;
  const save = async () => {
    const v = await validated(form);
    if (!v || !u) return;
    try {
      await threeListsApi.setAgreement(u.id, { version: u.agreement?.version ?? 0, termStart: v.term[0].format('YYYY-MM-DD'), termEnd: v.term[1].format('YYYY-MM-DD'), commitments: v.commitments });
      success(t('partnerUnit.saved')); unit.reload(); onChanged();
    } catch (e) { error(e); }
  };
  return (
    <Drawer open width={520} onClose={onClose} title={u?.name} data-testid="unit-drawer">
      {u && <>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('partnerUnit.kind')}>{u.partnerKind && t(`partnerUnit.kinds.${u.partnerKind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('partnerUnit.community')}>{u.placeName}</Descriptions.Item>
          <Descriptions.Item label={t('partnerUnit.contact')}>{[u.contactName, u.contactTitle].filter(Boolean).join(' · ')}</Descriptions.Item>
          <Descriptions.Item label={t('partnerUnit.agreement')}><Tag color={stateColor[u.agreementState]} data-testid="unit-agreement-state">{t(`partnerUnit.agreementStates.${u.agreementState}`)}</Tag>
            {u.agreement && `${u.agreement.termStart} ~ ${u.agreement.termEnd}`}</Descriptions.Item>
          {u.agreement && <Descriptions.Item label={t('partnerUnit.commitments')}>{u.agreement.commitments}</Descriptions.Item>}
          <Descriptions.Item label={t('evaluation.open')}><Link to={`/partner-units/${u.id}/evaluation`} data-testid="unit-evaluation">{t('evaluation.open')}</Link></Descriptions.Item>
          <Descriptions.Item label={t('partnerUnit.files')}>{u.files.map((f, i) => <a key={f.id} href={threeListsApi.agreementFileHref(u.id, f.id)} target="_blank" rel="noreferrer">#{i + 1} </a>)}</Descriptions.Item>
        </Descriptions>
        {u.may.agreement && <Card size="small" title={u.agreement ? t('partnerUnit.renew') : t('partnerUnit.sign')}>
          <Form form={form} layout="vertical" initialValues={u.agreement ? { term: [dayjs(u.agreement.termStart), dayjs(u.agreement.termEnd)], commitments: u.agreement.commitments } : undefined}>
            <Form.Item name="term" label={`${t('partnerUnit.termStart')} ~ ${t('partnerUnit.termEnd')}`} rules={[{ required: true }]}><DatePicker.RangePicker /></Form.Item>
            <Form.Item name="commitments" label={t('partnerUnit.commitments')} rules={[{ required: true, min: 2 }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
            <Space>
              <Button type="primary" onClick={() => void save()} data-testid="unit-agreement-save">{t('common.save')}</Button>
              {u.agreement && <Upload accept="image/*" showUploadList={false} beforeUpload={(file) => {
                threeListsApi.uploadAgreement(u.id, file).then(() => { success(t('partnerUnit.saved')); unit.reload(); }, error);
                return false;
              }}><Button>{t('partnerUnit.upload')}</Button></Upload>}
            </Space>
          </Form>
        </Card>}
      </>}
    </Drawer>
  );
}

/** 共建单位: the partner units of the caller's subtree with their agreement's renewal state; sign one up, open one. */
export function PartnerUnitsPage() {
  const t = useT();
  const { can } = useSession();
  const { error, success } = useNotify();
  const [kind, setKind] = useState<PartnerKind>();
  const [agreement, setAgreement] = useState<AgreementState>();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<string>();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ placeId: string; name: string; partnerKind: PartnerKind; contactName?: string; contactTitle?: string }>();
  const list = useLoad(() => threeListsApi.units({ partnerKind: kind, agreement, q: q || undefined }), [kind, agreement, q]);
  const add = async () => {
    const v = await validated(form);
    if (!v) return;
    try { const u = await threeListsApi.createUnit(v); success(t('partnerUnit.saved')); setAdding(false); list.reload(); setOpen(u.id); } catch (e) { error(e); }
  };
  return (
    <>
      <ListPage<PartnerUnit> title={t('partnerUnit.title')} rowKey="id" items={list.data?.items ?? []} loading={list.loading}
        paging={{ page: 1, pageSize: 1000, total: list.data?.total ?? 0, onPage: () => {} }} testIds={{ page: 'partner-units-page' }}
        extra={<Space wrap><LedgerExport subject="partner_unit" ledger="partner-units" testId="units-export" />
          {can('partner_unit', 'create') && <Button type="primary" onClick={() => { form.resetFields(); setAdding(true); }} data-testid="unit-add">{t('partnerUnit.add')}</Button>}</Space>}
        filters={<Space wrap>
          <Input.Search allowClear placeholder={t('partnerUnit.name')} onSearch={setQ} style={{ width: 180 }} />
          <Select allowClear placeholder={t('partnerUnit.allKinds')} style={{ width: 140 }} value={kind} onChange={setKind} options={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partnerUnit.kinds.${k}`) }))} />
          <Select allowClear placeholder={t('partnerUnit.allStates')} style={{ width: 180 }} value={agreement} onChange={setAgreement} data-testid="unit-agreement-filter"
            options={AGREEMENT_STATES.map((s) => ({ value: s, label: t(`partnerUnit.agreementStates.${s}`) }))} />
        </Space>}
        card={(u) => <a onClick={() => setOpen(u.id)}>{u.name} <Tag color={stateColor[u.agreementState]}>{t(`partnerUnit.agreementStates.${u.agreementState}`)}</Tag></a>}
        onRow={(u) => ({ 'data-testid': 'unit-row', onClick: () => setOpen(u.id) }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('partnerUnit.name'), dataIndex: 'name', render: (v: string) => <Typography.Link>{v}</Typography.Link> },
          { title: t('partnerUnit.kind'), dataIndex: 'partnerKind', render: (k: PartnerKind | null) => k && t(`partnerUnit.kinds.${k}`) },
          { title: t('partnerUnit.community'), dataIndex: 'placeName' },
          { title: t('partnerUnit.contact'), dataIndex: 'contactName' },
          { title: t('partnerUnit.termEnd'), render: (_, u) => u.agreement?.termEnd },
          { title: t('partnerUnit.agreement'), dataIndex: 'agreementState', render: (s: AgreementState) => <Tag color={stateColor[s]}>{t(`partnerUnit.agreementStates.${s}`)}</Tag> },
        ]} />
      {open && <UnitDrawer id={open} onClose={() => setOpen(undefined)} onChanged={list.reload} />}
      <Modal open={adding} title={t('partnerUnit.add')} onCancel={() => setAdding(false)} onOk={add} okText={t('common.ok')} cancelText={t('common.cancel')} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="placeId" label={t('partnerUnit.community')} rules={[{ required: true }]}><PlaceSelect /></Form.Item>
          <Form.Item name="name" label={t('partnerUnit.name')} rules={[{ required: true, min: 2 }]}><Input maxLength={80} /></Form.Item>
          <Form.Item name="partnerKind" label={t('partnerUnit.kind')} rules={[{ required: true }]}><Select options={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partnerUnit.kinds.${k}`) }))} /></Form.Item>
          <Form.Item name="contactName" label={t('partnerUnit.contact')}><Input maxLength={40} /></Form.Item>
          <Form.Item name="contactTitle" label={t('partnerUnit.contactTitle')}><Input maxLength={40} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
