import { Button, Card, Descriptions, Form, Image, Input, InputNumber, List, Modal, Select, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { validated } from '../../app/forms';
import { useLoad } from '../../app/hooks/useLoad';
import { useNotify } from '../../app/hooks/useNotify';
import { useI18n } from '../../app/i18n/I18nProvider';
import type { NeedAction, TMemberSuggestion, TSuggestion } from '../../../../contracts/three-lists';
import { PhotoPicker, filesOf } from '../work-orders/PhotoPicker';
import { threeListsApi, type NeedDetail } from './api';
import { stateColor } from './NeedsPage';

/** The suggested resources, ranked, each with why it ranks there (zh or en), and a 派单 button. */
function Suggestions({ need, onDispatched }: { need: NeedDetail; onDispatched: () => void }) {
  const { t } = useI18n();
  const { error, success } = useNotify();
  const list = useLoad(() => threeListsApi.suggestions(need.id), [need.id, need.version]);
  const dispatch = async (s: TSuggestion) => {
    try { await threeListsApi.step(need.id, 'dispatch', { version: need.version, unitId: s.unitId, resourceId: s.resourceId }); success(t('threeLists.done')); onDispatched(); } catch (e) { error(e); }
  };
  const canDispatch = need.actions.includes('dispatch');
  return (
    <Card size="small" title={t('threeLists.suggestions')} data-testid="need-suggestions" style={{ marginTop: 12 }}>
      <List<TSuggestion> loading={list.loading} dataSource={list.data?.items ?? []} locale={{ emptyText: t('threeLists.noSuggestions') }}
        renderItem={(s) => (
          <List.Item data-testid="suggestion" data-unit={s.unitName} data-resource={s.resourceId}
            actions={canDispatch ? [<Button key="d" type="primary" size="small" data-testid="suggestion-dispatch" onClick={() => void dispatch(s)}>{t('threeLists.dispatchTo')}</Button>] : []}>
            <List.Item.Meta title={<Space wrap>{s.title}<Typography.Text type="secondary">{s.unitName}</Typography.Text><Tag>{t('threeLists.score')} {s.score}</Tag></Space>}
              description={<>
                <Reasons reasons={s.reasons} />
                {(s.schedule || s.conditions) && <Typography.Text type="secondary" data-testid="suggestion-terms">
                  {s.schedule && `${t('threeLists.schedule')}: ${s.schedule}`}{s.schedule && s.conditions && ' · '}{s.conditions && `${t('threeLists.conditions')}: ${s.conditions}`}
                </Typography.Text>}
              </>} />
          </List.Item>
        )} />
    </Card>
  );
}

/** Why a suggestion ranks where it does, in the language shown. */
function Reasons({ reasons }: { reasons: { zh: string; en: string }[] }) {
  const { locale } = useI18n();
  return <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="suggestion-reasons">{reasons.map((r, i) => <li key={i}>{locale === 'en' ? r.en : r.zh}</li>)}</ul>;
}

const TOP_MEMBERS = 5;

/**
 * 派给党员: the party members of the need's community with their own sign-in, ranked beside the resources (where they
 * live, a post they hold here, what they already hold, past ratings), the first five with their reasons and a 派单 button,
 * any of them by name in the picker; the member then takes, declines and delivers it.
 */
function MemberDispatch({ need, onDispatched }: { need: NeedDetail; onDispatched: () => void }) {
  const { t } = useI18n();
  const { error, success } = useNotify();
  const members = useLoad(() => threeListsApi.members(need.id), [need.id]);
  const [memberId, setMemberId] = useState<string>();
  const dispatch = async (id: string | undefined) => {
    try { await threeListsApi.step(need.id, 'dispatch', { version: need.version, memberId: id }); success(t('threeLists.done')); onDispatched(); } catch (e) { error(e); }
  };
  const items = members.data?.items ?? [];
  return (
    <Card size="small" title={t('threeLists.toMember')} data-testid="need-member-dispatch" style={{ marginTop: 12 }}>
      <List<TMemberSuggestion> loading={members.loading} dataSource={items.slice(0, TOP_MEMBERS)} locale={{ emptyText: t('threeLists.noMembers') }}
        renderItem={(m) => (
          <List.Item data-testid="member-suggestion" data-member={m.name}
            actions={[<Button key="d" size="small" data-testid="member-suggestion-dispatch" onClick={() => void dispatch(m.id)}>{t('threeLists.dispatchTo')}</Button>]}>
            <List.Item.Meta title={<Space wrap>{m.name}<Typography.Text type="secondary">{m.unitName ?? m.orgName}</Typography.Text><Tag>{t('threeLists.score')} {m.score}</Tag></Space>}
              description={<Reasons reasons={m.reasons} />} />
          </List.Item>
        )} />
      {items.length > TOP_MEMBERS && <Space wrap style={{ marginTop: 8 }}>
        <Select showSearch optionFilterProp="label" style={{ minWidth: 260 }} placeholder={t('threeLists.pickMember')} value={memberId} onChange={setMemberId}
          data-testid="need-member-pick" notFoundContent={t('threeLists.noMembers')}
          options={items.map((m) => ({ value: m.id, label: `${m.name} · ${m.unitName ?? m.orgName} · ${t('threeLists.score')} ${m.score}` }))} />
        <Button type="primary" disabled={!memberId} onClick={() => void dispatch(memberId)} data-testid="need-member-dispatch-ok">{t('threeLists.dispatchTo')}</Button>
      </Space>}
    </Card>
  );
}

const REASONED: NeedAction[] = ['reject', 'decline'];

/** A need: what and where, its state, the caller's next steps (from the server), the suggestions for an office, photos and the timeline. */
export function NeedDetailPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { error, success } = useNotify();
  const need = useLoad(() => threeListsApi.need(id), [id]);
  const [asking, setAsking] = useState<NeedAction>();
  const [form] = Form.useForm<{ reason?: string; note?: string; intoId?: string; rating?: number; comment?: string; photos?: never }>();
  if (!need.data) return <Spin style={{ display: 'block', marginTop: 60 }} />;
  const n = need.data;
  const take = async (action: NeedAction, body: Record<string, unknown> = {}) => {
    try {
      if (action === 'deliver') await threeListsApi.deliver(n.id, n.version, String(body.note), filesOf(body.photos as never));
      else await threeListsApi.step(n.id, action, { version: n.version, ...body });
      success(t('threeLists.done'));
      setAsking(undefined);
      need.reload();
    } catch (e) { error(e); }
  };
  const needsForm = (a: NeedAction) => REASONED.includes(a) || a === 'deliver' || a === 'merge' || a === 'rate';
  const actions = n.actions.filter((a) => a !== 'dispatch');
  return (
    <div data-testid="need-detail" data-state={n.state}>
      <Link to="/needs">{t('threeLists.back')}</Link>
      <Card title={<Space wrap>{n.title}<Tag color={stateColor(n.state)} data-testid="need-state">{t(`threeLists.states.${n.state}`)}</Tag></Space>} style={{ marginTop: 8 }}
        extra={<Space wrap>{actions.map((a) => (
          <Button key={a} type={a === 'decline' || a === 'reject' ? 'default' : 'primary'} danger={a === 'decline' || a === 'reject'} data-testid={`need-${a}`}
            onClick={() => (needsForm(a) ? (form.resetFields(), setAsking(a)) : void take(a))}>{t(`threeLists.steps.${a}`)}</Button>
        ))}</Space>}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('threeLists.category')}>{t(`threeLists.categories.${n.category}`)}</Descriptions.Item>
          <Descriptions.Item label={t('threeLists.place')}>{n.placeName}</Descriptions.Item>
          <Descriptions.Item label={t('threeLists.description')}>{n.description}</Descriptions.Item>
          <Descriptions.Item label={t('threeLists.urgency')}>{t(`threeLists.urgencies.${n.urgency}`)}</Descriptions.Item>
          <Descriptions.Item label={t('threeLists.channel')}>{t(`threeLists.channels.${n.channel}`)}</Descriptions.Item>
          {n.workOrderId && <Descriptions.Item label={t('threeLists.workOrder')}><Link to={`/work-orders/${n.workOrderId}`}>{n.workOrderId}</Link></Descriptions.Item>}
          {n.unitName && <Descriptions.Item label={t('threeLists.unit')}><span data-testid="need-unit">{n.unitName}</span>{n.resourceTitle && ` · ${n.resourceTitle}`}</Descriptions.Item>}
          {n.memberName && <Descriptions.Item label={t('threeLists.member')}><span data-testid="need-member">{n.memberName}</span></Descriptions.Item>}
          {n.declineReason && <Descriptions.Item label={t('threeLists.declineReason')}>{n.declineReason}</Descriptions.Item>}
          {n.rejectReason && <Descriptions.Item label={t('threeLists.rejectReason')}>{n.rejectReason}</Descriptions.Item>}
          {n.deliveryNote && <Descriptions.Item label={t('threeLists.deliveryNote')}><span data-testid="need-delivery">{n.deliveryNote}</span></Descriptions.Item>}
          {n.rating !== null && <Descriptions.Item label={t('threeLists.rating')}><span data-testid="need-rating">{'★'.repeat(n.rating)}</span> {n.ratingComment}</Descriptions.Item>}
        </Descriptions>
        {n.photos.length > 0 && <Image.PreviewGroup>{n.photos.map((p) => <Image key={p.id} width={96} src={threeListsApi.photoHref(n.id, p.id)} data-testid="need-photo" />)}</Image.PreviewGroup>}
      </Card>
      {n.maySuggest && ['published', 'reported'].includes(n.state) && <Suggestions need={n} onDispatched={need.reload} />}
      {n.actions.includes('dispatch') && <MemberDispatch need={n} onDispatched={need.reload} />}
      <Card size="small" title={t('threeLists.timeline')} style={{ marginTop: 12 }}>
        <Timeline items={n.events.map((e) => ({ key: e.id, children: <>{e.at.slice(0, 16).replace('T', ' ')} {t(`action.${e.action}` as never)} {e.actorName && `· ${e.actorName}`} {e.reason && e.reason !== 'demo data' && `· ${e.reason}`}</> }))} />
      </Card>
      <Modal open={Boolean(asking)} title={asking && t(`threeLists.steps.${asking}`)} onCancel={() => setAsking(undefined)} destroyOnHidden okText={t('common.ok')} cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': 'need-step-ok' } as never}
        onOk={async () => { const v = await validated(form); if (v && asking) await take(asking, v); }}>
        <Form form={form} layout="vertical" preserve={false} initialValues={{ rating: 5 }}>
          {asking && REASONED.includes(asking) && <Form.Item name="reason" label={t('threeLists.reason')} rules={[{ required: true, min: 2, whitespace: true, message: t('common.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} data-testid="need-reason" /></Form.Item>}
          {asking === 'merge' && <Form.Item name="intoId" label={t('threeLists.intoId')} rules={[{ required: true, message: t('threeLists.required') }]}><Input /></Form.Item>}
          {asking === 'deliver' && <>
            <Form.Item name="note" label={t('threeLists.note')} rules={[{ required: true, min: 2, whitespace: true, message: t('threeLists.required') }]}><Input.TextArea rows={3} maxLength={1000} data-testid="need-note" /></Form.Item>
            <Form.Item name="photos" label={t('threeLists.photos')}><PhotoPicker max={6} /></Form.Item>
          </>}
          {asking === 'rate' && <>
            <Form.Item name="rating" label={t('threeLists.rating')} rules={[{ required: true }]}><InputNumber min={1} max={5} data-testid="need-rating-input" /></Form.Item>
            <Form.Item name="comment" label={t('threeLists.comment')}><Input.TextArea rows={2} maxLength={300} data-testid="need-comment" /></Form.Item>
          </>}
        </Form>
      </Modal>
    </div>
  );
}
