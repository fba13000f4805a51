import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Checkbox, Descriptions, Drawer, Form, Image, Input, Modal, Select, Space, Tag, Upload } from 'antd';
import { useState } from 'react';
import { LedgerButton } from '../../app/components/LedgerButton';
import { ListPage } from '../../app/components/ListPage';
import { RevealField } from '../../app/components/RevealField';
import { useLoad } from '../../app/hooks/useLoad';
import { useQueryPatch } from '../../app/hooks/useQueryPatch';
import { useT } from '../../app/i18n/I18nProvider';
import { useMe, useSession } from '../../app/session/SessionProvider';
import { PARTY_MEMBER_CATEGORIES, type PartyMemberCategory } from '../../../../contracts/party';
import { memberApi, partyApi, type PartyMemberItem } from './api';
import { MemberImportModal } from './MemberImportModal';
import { PartyMemberForm } from './PartyMemberForm';
import { useSubmit } from './useSubmit';
import { validated } from '../../app/forms';

const PAGE_SIZE = 20;

/** The member's own sign-in (what their points, check-in and messages read): linked, changed or unlinked by an office. */
function MemberAccountField({ memberId }: { memberId: string }) {
  const t = useT();
  const { submit, busy } = useSubmit();
  const account = useLoad(() => memberApi.account(memberId), [memberId]);
  const [userId, setUserId] = useState<string>();
  const linked = account.data?.linked;
  const name = (a: { username: string | null; displayName: string | null }) => a.displayName ? `${a.displayName}(${a.username ?? ''})` : a.username ?? '';
  return (
    <Space wrap data-testid="member-account">
      <span data-testid="member-account-linked">{linked ? name(linked) : t('partyMember.accountNone')}</span>
      <Select size="small" style={{ width: 200 }} placeholder={t('partyMember.accountPick')} value={userId} onChange={setUserId} data-testid="member-account-pick"
        options={(account.data?.candidates ?? []).map((c) => ({ value: c.id, label: name(c) }))} />
      <Button size="small" disabled={!userId} loading={busy} data-testid="member-account-link"
        onClick={() => void submit(() => memberApi.setAccount(memberId, userId!), t('partyMember.accountSaved'), () => { setUserId(undefined); account.reload(); }, account.reload)}>
        {t('partyMember.accountLink')}
      </Button>
      {linked && <Button size="small" danger loading={busy} data-testid="member-account-unlink"
        onClick={() => void submit(() => memberApi.setAccount(memberId, null), t('partyMember.accountSaved'), account.reload, account.reload)}>{t('partyMember.accountUnlink')}</Button>}
    </Space>
  );
}

/** One member: masked personal data with an audited reveal, and the steps the server offers (transfer, leave). */
function MemberDrawer({ member, onClose, onDone }: { member: PartyMemberItem; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { can } = useSession();
  const { submit } = useSubmit();
  const detail = useLoad(() => memberApi.get(member.id), [member.id]);
  const orgs = useLoad(() => partyApi.tree(), []);
  const [asking, setAsking] = useState<'leave' | 'transfer'>();
  const [form] = Form.useForm<{ reason?: string; orgId?: string }>();
  const take = async () => {
    const v = await validated(form);
    if (!v) return;
    await submit(() => memberApi.step(member.id, asking!, { version: detail.data!.version, ...v }),
      t(asking === 'leave' ? 'partyMember.left' : 'partyMember.transferred'), () => { setAsking(undefined); onDone(); });
  };
  const actions = detail.data?.actions ?? [];
  return (
    <Drawer open title={member.name} onClose={onClose} size="default" data-testid="member-drawer"
      extra={<Space>
        {actions.includes('transfer') && <Button onClick={() => { form.resetFields(); setAsking('transfer'); }}>{t('partyMember.steps.transfer')}</Button>}
        {actions.includes('leave') && <Button danger onClick={() => { form.resetFields(); setAsking('leave'); }}>{t('partyMember.steps.leave')}</Button>}
      </Space>}>
      <Descriptions column={1} size="small" items={[
        { key: 'category', label: t('partyMember.category'), children: t(`partyMember.categories.${member.category}`) },
        { key: 'org', label: t('partyMember.org'), children: member.orgName },
        { key: 'household', label: t('partyMember.household'), children: member.householdName ?? t('common.none') },
        { key: 'unit', label: t('partyMember.unit'), children: member.unitName ?? t('common.none') },
        { key: 'phone', label: t('partyMember.phone'), children: <RevealField masked={member.phoneMasked} label={t('partyMember.phone')} testId="member-phone"
          canReveal={can('party_member', 'reveal')} reveal={(reason) => memberApi.reveal(member.id, 'phone', reason)} /> },
        { key: 'idNumber', label: t('partyMember.idNumber'), children: <RevealField masked={member.idNumberMasked} label={t('partyMember.idNumber')}
          canReveal={can('party_member', 'reveal')} reveal={(reason) => memberApi.reveal(member.id, 'idNumber', reason)} /> },
        { key: 'central', label: t('partyMember.central'), children: member.centralHousehold ? t('common.yes') : t('common.no') },
        { key: 'photo', label: t('partyMember.photo'), children: <Space align="start">
          {detail.data?.photo ? <Image src={detail.data.photo} width={72} height={72} style={{ objectFit: 'cover' }} data-testid="member-photo" /> : t('common.none')}
          {actions.includes('edit') && <Upload accept="image/jpeg,image/png,image/webp" showUploadList={false} beforeUpload={(file) => {
            void submit(() => memberApi.uploadPhoto(member.id, file), t('partyMember.photoSaved'), detail.reload);
            return false;
          }}><Button size="small" data-testid="member-photo-upload">{t('partyMember.photoUpload')}</Button></Upload>}
        </Space> },
        ...(actions.includes('edit') ? [{ key: 'account', label: t('partyMember.account'), children: <MemberAccountField memberId={member.id} /> }] : []),
      ]} />
      <Modal open={Boolean(asking)} title={asking && t(`partyMember.steps.${asking}`)} onCancel={() => setAsking(undefined)} onOk={() => void take()} destroyOnHidden
        okText={t('common.ok')} cancelText={t('common.cancel')}>
        <Form form={form} layout="vertical" preserve={false}>
          {asking === 'leave' ? (
            <Form.Item name="reason" label={t('partyMember.leaveReason')} rules={[{ required: true, min: 2, whitespace: true, message: t('common.reasonRequired') }]}>
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          ) : (
            <Form.Item name="orgId" label={t('partyMember.org')} rules={[{ required: true, message: t('partyMember.pickOrg') }]}>
              <Select showSearch optionFilterProp="label" options={(orgs.data?.items ?? []).filter((o) => o.id !== member.orgId).map((o) => ({ value: o.id, label: o.name }))} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Drawer>
  );
}

/** 党员: the members of my area by category, filters in the URL; enter, export and import the roster. */
export function PartyMembersPage() {
  const t = useT();
  const me = useMe();
  const { can } = useSession();
  const [params, set] = useQueryPatch();
  const category = (params.get('category') as PartyMemberCategory | null) ?? undefined;
  const q = params.get('q') ?? undefined;
  const central = params.get('central') === 'true';
  const page = Number(params.get('page') ?? '1');
  const list = useLoad(() => memberApi.list({ category, q, centralHousehold: central, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }), [category, q, central, page]);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [open, setOpen] = useState<PartyMemberItem>();
  const office = me.roles.find((r) => ['district_admin', 'street_staff', 'community_worker'].includes(r.role));
  return (
    <>
      <ListPage<PartyMemberItem>
        title={t('partyMember.title')}
        extra={<Space wrap>
          {can('party_member', 'export') && office && (
            <LedgerButton href={memberApi.exportHref(office.placeId)} fallbackName="party-members.xlsx" testId="members-export">{t('partyMember.export')}</LedgerButton>
          )}
          {can('party_member', 'import') && office && <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>{t('partyMember.import')}</Button>}
          {can('party_member', 'create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="member-new">{t('partyMember.new')}</Button>}
        </Space>}
        filters={<Space wrap>
          <Select allowClear style={{ width: 150 }} placeholder={t('partyMember.anyCategory')} value={category} onChange={(v?: string) => set({ category: v, page: undefined })}
            options={PARTY_MEMBER_CATEGORIES.map((c) => ({ value: c, label: t(`partyMember.categories.${c}`) }))} data-testid="member-filter-category" />
          <Input.Search allowClear style={{ width: 200 }} placeholder={t('partyMember.search')} defaultValue={q} onSearch={(v) => set({ q: v.trim() || undefined, page: undefined })} />
          <Checkbox checked={central} onChange={(e) => set({ central: e.target.checked ? 'true' : undefined, page: undefined })}>{t('partyMember.centralOnly')}</Checkbox>
        </Space>}
        rowKey="id"
        items={list.data?.items ?? []}
        loading={list.loading}
        paging={{ page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onPage: (p) => set({ page: String(p) }) }}
        empty={t('partyMember.empty')}
        testIds={{ page: 'party-members-page' }}
        onRow={(m) => ({ 'data-testid': 'member-row', 'data-id': m.id, onClick: () => setOpen(m), style: { cursor: 'pointer' } }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('partyMember.name'), dataIndex: 'name', render: (v: string, m) => <>{v} {m.centralHousehold && <Tag color="red">{t('partyMember.central')}</Tag>}</> },
          { title: t('partyMember.category'), dataIndex: 'category', width: 110, render: (c: PartyMemberCategory) => t(`partyMember.categories.${c}`) },
          { title: t('partyMember.org'), dataIndex: 'orgName', ellipsis: true },
          { title: t('partyMember.household'), dataIndex: 'householdName', width: 140, render: (v: string | null) => v ?? t('common.none') },
          { title: t('partyMember.unit'), dataIndex: 'unitName', width: 140, render: (v: string | null) => v ?? t('common.none') },
          { title: t('partyMember.phone'), dataIndex: 'phoneMasked', width: 130, render: (v: string | null) => v ?? t('common.none') },
        ]}
      />
      {creating && <PartyMemberForm onClose={() => setCreating(false)} onDone={() => { setCreating(false); list.reload(); }} />}
      {importing && office && <MemberImportModal placeId={office.placeId} onClose={() => setImporting(false)} onDone={() => list.reload()} />}
      {open && <MemberDrawer member={open} onClose={() => setOpen(undefined)} onDone={() => { setOpen(undefined); list.reload(); }} />}
    </>
  );
}
