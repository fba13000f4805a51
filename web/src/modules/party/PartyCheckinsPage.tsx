import { Button, Card, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { validated } from '../../app/forms';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { useSession } from '../../app/session/SessionProvider';
import { PARTY_REPORT_PERIODS, type PartyCheckinAction, type PartyCheckinState, type PartyReportPeriod } from '../../../../contracts/party-checkins';
import { useCommunityChoice } from './useCommunityChoice';
import { checkinApi, type CheckinItem, type MissingRow } from './checkinApi';
import { useSubmit } from './useSubmit';

const thisYear = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4);

/** The check-ins of a community in one state, with the steps the server offers each (declining asks for a reason). */
function CheckinList({ placeId, state, onChanged }: { placeId: string; state: PartyCheckinState; onChanged: () => void }) {
  const t = useT();
  const { submit } = useSubmit();
  const list = useLoad(() => checkinApi.list(placeId, state, thisYear()), [placeId, state]);
  const [declining, setDeclining] = useState<CheckinItem>();
  const [form] = Form.useForm<{ reason: string }>();
  const take = (c: CheckinItem, action: PartyCheckinAction, body: Record<string, unknown> = {}) =>
    submit(() => checkinApi.step(c.id, action, { version: c.version, ...body }), t('partyCheckin.done'), () => { setDeclining(undefined); list.reload(); onChanged(); });
  return (
    <>
      <Table<CheckinItem> rowKey="id" size="small" dataSource={list.data?.items ?? []} loading={list.loading} pagination={false} scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('partyCheckin.empty') }} data-testid={`checkins-${state}`}
        onRow={(c) => ({ 'data-testid': 'checkin-row', 'data-id': c.id, 'data-member': c.memberName }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('partyCheckin.member'), dataIndex: 'memberName' },
          { title: t('partyCheckin.kind'), dataIndex: 'kind', render: (k: CheckinItem['kind']) => t(`partyCheckin.kinds.${k}`) },
          { title: t('partyCheckin.unit'), dataIndex: 'unitName' },
          { title: t('partyCheckin.at'), dataIndex: 'createdAt', render: (v: string) => v.slice(0, 10) },
          { title: t('partyCheckin.state'), dataIndex: 'state', render: (s: PartyCheckinState, c) => <>
            <Tag color={s === 'confirmed' ? 'green' : s === 'declined' ? 'red' : 'gold'} data-testid="checkin-state">{t(`partyCheckin.states.${s}`)}</Tag>
            {c.declineReason && <Typography.Text type="secondary">{c.declineReason}</Typography.Text>}
          </> },
          { title: '', render: (_, c) => <Space>{c.actions.map((a) => (
            <Button key={a} size="small" danger={a === 'decline'} type={a === 'confirm' ? 'primary' : 'default'} data-testid={`checkin-${a}`}
              onClick={() => (a === 'decline' ? (form.resetFields(), setDeclining(c)) : void take(c, a))}>{t(`partyCheckin.steps.${a}`)}</Button>
          ))}</Space> },
        ]} />
      <Modal open={Boolean(declining)} title={t('partyCheckin.steps.decline')} onCancel={() => setDeclining(undefined)} destroyOnHidden okText={t('common.ok')} cancelText={t('common.cancel')}
        onOk={async () => { const v = declining && await validated(form); if (declining && v) await take(declining, 'decline', v); }}>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('partyCheckin.declineReason')} rules={[{ required: true, min: 2, whitespace: true, message: t('common.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} data-testid="checkin-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** Who is missing by the community's rule: not checked in by the deadline, not reported in the period. */
function MissingLists({ placeId }: { placeId: string }) {
  const t = useT();
  const checkin = useLoad(() => checkinApi.missing(placeId, 'checkin'), [placeId]);
  const report = useLoad(() => checkinApi.missing(placeId, 'report'), [placeId]);
  const columns = [
    { title: t('partyCheckin.member'), dataIndex: 'name' },
    { title: t('partyCheckin.unit'), dataIndex: 'unitName' },
    { title: '', dataIndex: 'late', render: (late: boolean) => late && <Tag color="orange">{t('partyCheckin.late')}</Tag> },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('partyCheckin.notCheckedIn', { deadline: checkin.data?.deadline ?? '' })} data-testid="missing-checkin">
        <Table<MissingRow> rowKey="memberId" size="small" dataSource={checkin.data?.items ?? []} loading={checkin.loading} pagination={false} columns={columns}
          locale={{ emptyText: t('partyCheckin.noneMissing') }} />
      </Card>
      <Card size="small" title={t('partyCheckin.notReported', { of: report.data?.of ?? '' })} data-testid="missing-report">
        <Table<MissingRow> rowKey="memberId" size="small" dataSource={report.data?.items ?? []} loading={report.loading} pagination={false} columns={columns.slice(0, 2)}
          locale={{ emptyText: t('partyCheckin.noneMissing') }} />
      </Card>
    </Space>
  );
}

/** The community's period rule: check in by a month-day each year, report service every half year or year. */
function RuleEditor({ placeId, editable }: { placeId: string; editable: boolean }) {
  const t = useT();
  const { busy, submit } = useSubmit();
  const rules = useLoad(() => checkinApi.rules(placeId), [placeId]);
  const [form] = Form.useForm<{ deadline: string; reportPeriod: PartyReportPeriod }>();
  useEffect(() => { if (rules.data) form.setFieldsValue({ deadline: rules.data.deadline, reportPeriod: rules.data.reportPeriod }); }, [rules.data, form]);
  return (
    <Card size="small" data-testid="checkin-rules" style={{ maxWidth: 480 }}>
      <Form form={form} layout="vertical" disabled={!editable}>
        <Form.Item name="deadline" label={t('partyCheckin.deadline')} rules={[{ required: true, pattern: /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, message: t('partyCheckin.deadlineFormat') }]}>
          <Input placeholder="06-30" maxLength={5} style={{ width: 120 }} data-testid="checkin-deadline" />
        </Form.Item>
        <Form.Item name="reportPeriod" label={t('partyCheckin.reportPeriod')}>
          <Select style={{ width: 160 }} options={PARTY_REPORT_PERIODS.map((p) => ({ value: p, label: t(`partyCheckin.reportPeriods.${p}`) }))} />
        </Form.Item>
        {editable && <Button type="primary" loading={busy} data-testid="checkin-rules-save" onClick={async () => {
          const v = await validated(form);
          if (v && rules.data) await submit(() => checkinApi.setRules({ placeId, version: rules.data!.version, ...v }), t('partyCheckin.rulesSaved'), rules.reload);
        }}>{t('common.save')}</Button>}
      </Form>
    </Card>
  );
}

/** 双报到: a community's check-ins to confirm, those confirmed, who is missing, and the period rule. */
export function PartyCheckinsPage() {
  const t = useT();
  const { can } = useSession();
  const { placeId, picker } = useCommunityChoice('checkin-community');
  const [tick, setTick] = useState(0);
  const changed = () => setTick((n) => n + 1);
  return (
    <div data-testid="party-checkins-page">
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('partyCheckin.title')}</Typography.Title>
        {picker}
      </Space>
      {!placeId ? <Typography.Paragraph type="secondary">{t('partyPoints.pickCommunity')}</Typography.Paragraph> : (
        <Tabs items={[
          { key: 'submitted', label: t('partyCheckin.toConfirm'), children: <CheckinList key={`s-${placeId}-${tick}`} placeId={placeId} state="submitted" onChanged={changed} /> },
          { key: 'confirmed', label: t('partyCheckin.confirmed'), children: <CheckinList key={`c-${placeId}-${tick}`} placeId={placeId} state="confirmed" onChanged={changed} /> },
          { key: 'declined', label: t('partyCheckin.declined'), children: <CheckinList key={`d-${placeId}-${tick}`} placeId={placeId} state="declined" onChanged={changed} /> },
          { key: 'missing', label: t('partyCheckin.missing'), children: <MissingLists key={`m-${placeId}-${tick}`} placeId={placeId} /> },
          { key: 'rules', label: t('partyCheckin.rules'), children: <RuleEditor placeId={placeId} editable={can('party_checkin', 'rules')} /> },
        ]} />
      )}
    </div>
  );
}
