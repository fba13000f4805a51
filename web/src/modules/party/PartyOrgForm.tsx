import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Select, Space } from 'antd';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { PARTY_ORG_KINDS, PARTY_ORG_PLACE_LEVELS, PARTY_SEATS, type PartyOrgKind, type TPartySeatHolder } from '../../../../contracts/party';
import { PlaceSelect } from '../places/PlaceSelect';
import { partnerUnits, partyApi, type PartyOrgItem } from './api';
import { useSubmit } from './useSubmit';
import { validated } from '../../app/forms';

/** The seats with a name: an empty row left in the form is no seat. */
const seated = (committee?: TPartySeatHolder[]) => (committee ?? []).filter((s) => s.name?.trim());

/** The committee's seats: seat, name and, for part-time members and first secretaries, their unit. */
export function CommitteeFields() {
  const t = useT();
  const units = useLoad(partnerUnits, []);
  return (
    <Form.List name="committee">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Space key={f.key} align="baseline" wrap data-testid="seat-row">
              <Form.Item name={[f.name, 'seat']} rules={[{ required: true }]}>
                <Select style={{ width: 120 }} options={PARTY_SEATS.map((s) => ({ value: s, label: t(`partyOrg.seats.${s}`) }))} />
              </Form.Item>
              <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: t('partyOrg.personName') }]}>
                <Input placeholder={t('partyOrg.personName')} maxLength={30} style={{ width: 120 }} data-testid="seat-name" />
              </Form.Item>
              <Form.Item name={[f.name, 'unitId']}>
                <Select allowClear style={{ width: 160 }} placeholder={t('partyOrg.unit')} options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} />
              </Form.Item>
              <MinusCircleOutlined onClick={() => remove(f.name)} />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ seat: fields.length ? 'committee_member' : 'secretary' })} data-testid="seat-add">
            {t('partyOrg.addSeat')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

interface Values { kind: PartyOrgKind; name: string; placeId: string; unitId?: string; committee?: TPartySeatHolder[] }

/** Sets up an org: its kind decides the level of place it may be bound to; a partner unit's org names its unit. */
export function PartyOrgForm({ open, preset, onClose, onDone }: {
  open: boolean; preset?: { kind: PartyOrgKind; placeId: string; name: string }; onClose: () => void; onDone: () => void;
}) {
  const t = useT();
  const { busy, submit: run } = useSubmit();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? preset?.kind;
  const units = useLoad(partnerUnits, [], kind === 'partner_unit_org');
  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    await run(() => partyApi.create({ ...v, committee: seated(v.committee) }), t('partyOrg.created'), onDone);
  };
  return (
    <Modal open={open} title={t('partyOrg.new')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} destroyOnHidden width={640}
      okText={t('common.ok')} cancelText={t('common.cancel')} okButtonProps={{ 'data-testid': 'party-org-submit' } as Record<string, string>}>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ ...preset, committee: [{ seat: 'secretary', name: '' }] }}>
        <Form.Item name="kind" label={t('partyOrg.kind')} rules={[{ required: true }]}>
          <Select options={PARTY_ORG_KINDS.map((k) => ({ value: k, label: t(`partyOrg.kinds.${k}`) }))} data-testid="party-org-kind" />
        </Form.Item>
        {preset ? <Form.Item name="placeId" hidden><Input /></Form.Item> : (
          <Form.Item name="placeId" label={t('partyOrg.place')} rules={[{ required: true, message: t('partyOrg.pickPlace') }]}>
            <PlaceSelect level={kind ? PARTY_ORG_PLACE_LEVELS[kind][0] : undefined} placeholder={t('partyOrg.pickPlace')} testId="party-org-place" />
          </Form.Item>
        )}
        {kind === 'partner_unit_org' && (
          <Form.Item name="unitId" label={t('partyOrg.unit')} rules={[{ required: true, message: t('partyOrg.pickUnit') }]}>
            <Select options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('partyOrg.name')} rules={[{ required: true, min: 2, whitespace: true, message: t('partyOrg.name') }]}>
          <Input maxLength={60} data-testid="party-org-name" />
        </Form.Item>
        <Form.Item label={t('partyOrg.committee')}><CommitteeFields /></Form.Item>
      </Form>
    </Modal>
  );
}

/** Edits an org's name and committee (the `edit` step) at the version shown. */
export function PartyOrgEdit({ org, onClose, onDone }: { org: PartyOrgItem; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { busy, submit: run } = useSubmit();
  const [form] = Form.useForm<{ name: string; committee: TPartySeatHolder[] }>();
  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    await run(() => partyApi.step(org.id, 'edit', { version: org.version, name: v.name, committee: seated(v.committee) }), t('partyOrg.saved'), onDone);
  };
  return (
    <Modal open title={t('partyOrg.edit')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} destroyOnHidden width={640}
      okText={t('common.ok')} cancelText={t('common.cancel')} okButtonProps={{ 'data-testid': 'party-org-save' } as Record<string, string>}>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ name: org.name, committee: org.committee }}>
        <Form.Item name="name" label={t('partyOrg.name')} rules={[{ required: true, min: 2, whitespace: true }]}><Input maxLength={60} /></Form.Item>
        <Form.Item label={t('partyOrg.committee')}><CommitteeFields /></Form.Item>
      </Form>
    </Modal>
  );
}
