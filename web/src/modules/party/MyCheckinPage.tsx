import { Alert, Button, Card, Empty, Form, Input, List, Radio, Spin, Tag, Typography } from 'antd';
import { ApiError } from '../../app/api/client';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { PARTY_CHECKIN_KINDS, type PartyCheckinKind } from '../../../../contracts/party-checkins';
import { checkinApi } from './checkinApi';
import { useSubmit } from './useSubmit';

/** 双报到 on a phone: an in-service member (or a cadre sent down) checks in to their community and sees how it went. */
export function MyCheckinPage() {
  const t = useT();
  const { busy, submit } = useSubmit();
  const mine = useLoad(() => checkinApi.mine(), []);
  const [form] = Form.useForm<{ kind: PartyCheckinKind; note?: string }>();
  const unlinked = mine.error instanceof ApiError && mine.error.status === 404;
  const year = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4);
  const live = mine.data?.items.find((c) => c.year === year && c.state !== 'declined');
  const lastDeclined = mine.data?.items.find((c) => c.year === year && c.state === 'declined');
  return (
    <Card size="small" title={t('partyCheckin.mine')} data-testid="my-checkin" style={{ maxWidth: 640 }}>
      {unlinked ? <Empty description={t('partyPoints.notLinked')} /> : !mine.data ? <Spin /> : <>
        <Typography.Paragraph>
          {mine.data.member.name} · {mine.data.community?.name}
          {mine.data.community && <Typography.Text type="secondary"> {t('partyCheckin.ruleHint', { deadline: mine.data.community.rules.deadline })}</Typography.Text>}
        </Typography.Paragraph>
        {live ? (
          <Alert type={live.state === 'confirmed' ? 'success' : 'info'} showIcon data-testid="my-checkin-state"
            message={t(`partyCheckin.states.${live.state}`)} description={`${live.placeName} · ${live.createdAt.slice(0, 10)}`} />
        ) : (
          <>
            {lastDeclined && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('partyCheckin.declinedAgain')} description={lastDeclined.declineReason} />}
            <Form form={form} layout="vertical" initialValues={{ kind: 'in_service_member' }}>
              <Form.Item name="kind" label={t('partyCheckin.kind')}>
                <Radio.Group options={PARTY_CHECKIN_KINDS.map((k) => ({ value: k, label: t(`partyCheckin.kinds.${k}`) }))} />
              </Form.Item>
              <Form.Item name="note" label={t('partyCheckin.note')}><Input.TextArea rows={2} maxLength={200} data-testid="my-checkin-note" /></Form.Item>
              <Button type="primary" block size="large" loading={busy} data-testid="my-checkin-submit"
                onClick={() => void submit(() => checkinApi.checkIn(form.getFieldsValue()), t('partyCheckin.sent'), mine.reload)}>{t('partyCheckin.checkIn')}</Button>
            </Form>
          </>
        )}
        <List size="small" header={t('partyCheckin.history')} dataSource={mine.data.items} style={{ marginTop: 12 }}
          renderItem={(c) => <List.Item data-testid="my-checkin-row">{c.year} {c.placeName} <Tag>{t(`partyCheckin.states.${c.state}`)}</Tag>
            {c.declineReason && <Typography.Text type="secondary">{c.declineReason}</Typography.Text>}</List.Item>} />
      </>}
    </Card>
  );
}
