import { Checkbox, Form, Input, Modal, Select } from 'antd';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { PARTY_MEMBER_CATEGORIES, type PartyMemberCategory } from '../../../../contracts/party';
import { PlaceSelect } from '../places/PlaceSelect';
import { allUnits, memberApi, partyApi, type NewPartyMember } from './api';
import { useSubmit } from './useSubmit';
import { validated } from '../../app/forms';


/** Enters a member: category, org, household (optional), the employer for an in-service member, phone and ID number. */
export function PartyMemberForm({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { busy, submit: run } = useSubmit();
  const [form] = Form.useForm<NewPartyMember>();
  const category = Form.useWatch('category', form) as PartyMemberCategory | undefined;
  const orgs = useLoad(() => partyApi.tree(), []);
  const units = useLoad(allUnits, [], category === 'in_service_member');
  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    const blank = (s?: string) => (s && s.trim() ? s.trim() : undefined);
    await run(() => memberApi.create({ ...v, phone: blank(v.phone), idNumber: blank(v.idNumber), centralHousehold: Boolean(v.centralHousehold) }),
      t('partyMember.entered'), onDone);
  };
  return (
    <Modal open title={t('partyMember.new')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} destroyOnHidden width={560}
      okText={t('common.ok')} cancelText={t('common.cancel')} okButtonProps={{ 'data-testid': 'member-submit' } as Record<string, string>}>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ category: 'resident_member', centralHousehold: false }}>
        <Form.Item name="name" label={t('partyMember.name')} rules={[{ required: true, whitespace: true }]}><Input maxLength={30} data-testid="member-name" /></Form.Item>
        <Form.Item name="category" label={t('partyMember.category')} rules={[{ required: true }]}>
          <Select options={PARTY_MEMBER_CATEGORIES.map((c) => ({ value: c, label: t(`partyMember.categories.${c}`) }))} data-testid="member-category" />
        </Form.Item>
        <Form.Item name="orgId" label={t('partyMember.org')} rules={[{ required: true, message: t('partyMember.pickOrg') }]}>
          <Select showSearch optionFilterProp="label" placeholder={t('partyMember.pickOrg')} data-testid="member-org"
            options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Form.Item name="householdId" label={t('partyMember.household')}>
          <PlaceSelect level="household" placeholder={t('partyMember.pickHousehold')} testId="member-household" />
        </Form.Item>
        {category === 'in_service_member' && (
          <Form.Item name="unitId" label={t('partyMember.unit')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} data-testid="member-unit" />
          </Form.Item>
        )}
        <Form.Item name="phone" label={t('partyMember.phone')}><Input maxLength={20} /></Form.Item>
        <Form.Item name="idNumber" label={t('partyMember.idNumber')}><Input maxLength={18} /></Form.Item>
        <Form.Item name="centralHousehold" valuePropName="checked"><Checkbox>{t('partyMember.central')}</Checkbox></Form.Item>
      </Form>
    </Modal>
  );
}
