import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Drawer, Form, Input, InputNumber, List, Modal, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ListPage } from '../../app/components/ListPage';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { useMe, useSession } from '../../app/session/SessionProvider';
import { PARTY_POST_KINDS, type PartyClaimAction, type PartyPostKind } from '../../../../contracts/party';
import { PlaceSelect } from '../places/PlaceSelect';
import { memberApi, postApi, type NewPartyPost, type PartyClaim, type PartyPostItem } from './api';
import { useSubmit } from './useSubmit';
import { validated } from '../../app/forms';

const PAGE_SIZE = 20;
const NEEDS_REASON: PartyClaimAction[] = ['decline', 'vacate'];

/** One post: its candidates with the steps the server offers each, and a self-nomination recorded by staff. */
function PostDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const t = useT();
  const { can } = useSession();
  const { submit } = useSubmit();
  const post = useLoad(() => postApi.get(id), [id]);
  const members = useLoad(() => memberApi.list({ limit: 200, offset: 0 }), []);
  const [memberId, setMemberId] = useState<string>();
  const [asking, setAsking] = useState<{ claim: PartyClaim; action: PartyClaimAction }>();
  const [form] = Form.useForm<{ reason: string }>();
  const changed = () => { post.reload(); onChanged(); };
  const take = async (claim: PartyClaim, action: PartyClaimAction, body: Record<string, unknown> = {}) =>
    submit(() => postApi.claimStep(claim.id, action, { version: claim.version, ...body }), t('partyPost.done'), () => { setAsking(undefined); changed(); },
      // Someone else took the last place or changed the claim: show the post as it is now.
      () => post.reload());
  return (
    <Drawer open title={post.data?.title} onClose={onClose} size="large" data-testid="post-drawer">
      {post.data && <>
        <Typography.Paragraph>{post.data.duties}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('partyPost.taken')}: <span data-testid="post-taken">{post.data.placesTaken}/{post.data.placesTotal}</span></Typography.Paragraph>
        {can('party_post', 'nominate') && post.data.state === 'open' && (
          <Space style={{ marginBottom: 12 }}>
            <Select showSearch optionFilterProp="label" style={{ width: 220 }} placeholder={t('partyPost.pickMember')} value={memberId} onChange={setMemberId}
              options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))} data-testid="post-nominate-member" />
            <Button disabled={!memberId} onClick={() => void submit(() => postApi.nominate(id, memberId!), t('partyPost.done'), changed)} data-testid="post-nominate">
              {t('partyPost.nominate')}
            </Button>
          </Space>
        )}
        <List header={t('partyPost.claims')} dataSource={post.data.claims} renderItem={(c) => (
          <List.Item data-testid="claim-row" data-id={c.id} actions={c.actions.map((a) => (
            <Button key={a} size="small" danger={NEEDS_REASON.includes(a)} data-testid={`claim-${a}`}
              onClick={() => (NEEDS_REASON.includes(a) ? (form.resetFields(), setAsking({ claim: c, action: a })) : void take(c, a))}>{t(`partyPost.steps.${a}`)}</Button>
          ))}>
            {c.memberName} <Tag>{t(`partyPost.sources.${c.source}`)}</Tag> <Tag color={c.state === 'holding' ? 'green' : undefined} data-testid="claim-state">{t(`partyPost.claimStates.${c.state}`)}</Tag>
          </List.Item>
        )} />
      </>}
      <Modal open={Boolean(asking)} title={asking && t(`partyPost.steps.${asking.action}`)} onCancel={() => setAsking(undefined)} destroyOnHidden
        onOk={async () => { const v = asking && await validated(form); if (asking && v) await take(asking.claim, asking.action, v); }} okText={t('common.ok')} cancelText={t('common.cancel')}>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('partyPost.reason')} rules={[{ required: true, min: 2, whitespace: true, message: t('common.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}

/** Publishes a post: its kind (a building-head post is for one building), title, duties, place and number of places. */
function PostForm({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { busy, submit } = useSubmit();
  const [form] = Form.useForm<NewPartyPost>();
  const kind = Form.useWatch('kind', form) as PartyPostKind | undefined;
  return (
    <Modal open title={t('partyPost.new')} onCancel={onClose} confirmLoading={busy} destroyOnHidden okText={t('common.ok')} cancelText={t('common.cancel')}
      onOk={async () => { const v = await validated(form); if (!v) return; await submit(() => postApi.create(v), t('partyPost.published'), onDone); }}>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'building_head', places: 1 }}>
        <Form.Item name="kind" label={t('partyPost.kind')}><Select options={PARTY_POST_KINDS.map((k) => ({ value: k, label: t(`partyPost.kinds.${k}`) }))} /></Form.Item>
        <Form.Item name="title" label={t('partyPost.titleField')} rules={[{ required: true, min: 2, whitespace: true }]}><Input maxLength={60} /></Form.Item>
        <Form.Item name="duties" label={t('partyPost.duties')} rules={[{ required: true, min: 2, whitespace: true }]}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
        <Form.Item name="placeId" label={t('partyPost.place')} rules={[{ required: true }]}><PlaceSelect level={kind === 'building_head' ? 'building' : undefined} /></Form.Item>
        <Form.Item name="places" label={t('partyPost.places')} rules={[{ required: true }]}><InputNumber min={1} max={100} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** 党员岗位: the posts of my area with their places held, one post's candidates and steps, and the buildings still lacking a head. */
export function PartyPostsPage() {
  const t = useT();
  const me = useMe();
  const { can } = useSession();
  const [page, setPage] = useState(1);
  const list = useLoad(() => postApi.list(PAGE_SIZE, (page - 1) * PAGE_SIZE), [page]);
  const home = me.roles[0]?.placeId;
  const lacking = useLoad(() => (home ? postApi.lacking(home) : Promise.resolve(undefined)), [home]);
  const [open, setOpen] = useState<string>();
  const [creating, setCreating] = useState(false);
  const reload = () => { list.reload(); lacking.reload(); };
  return (
    <Row gutter={16}>
      <Col xs={24} lg={16}>
        <ListPage<PartyPostItem>
          title={t('partyPost.title')} rowKey="id" items={list.data?.items ?? []} loading={list.loading} empty={t('partyPost.empty')}
          extra={can('party_post', 'create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="post-new">{t('partyPost.new')}</Button>}
          paging={{ page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onPage: setPage }}
          testIds={{ page: 'party-posts-page' }}
          onRow={(p) => ({ 'data-testid': 'post-row', 'data-id': p.id, onClick: () => setOpen(p.id), style: { cursor: 'pointer' } }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('partyPost.titleField'), dataIndex: 'title', ellipsis: true },
            { title: t('partyPost.kind'), dataIndex: 'kind', width: 130, render: (k: PartyPostKind) => t(`partyPost.kinds.${k}`) },
            { title: t('partyPost.place'), dataIndex: 'placeName', width: 140 },
            { title: t('partyPost.taken'), width: 100, render: (_, p) => `${p.placesTaken}/${p.placesTotal}` },
            { title: t('partyPost.state'), dataIndex: 'state', width: 90, render: (s: 'open' | 'closed') => t(`partyPost.states.${s}`) },
          ]}
        />
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" title={t('partyPost.lacking')} extra={lacking.data && t('partyOrg.total', { n: lacking.data.total })} data-testid="lacking-heads">
          <List size="small" dataSource={lacking.data?.items ?? []} locale={{ emptyText: t('partyPost.noneLacking') }}
            renderItem={(b) => <List.Item data-testid="lacking-row" data-id={b.id}>{b.name} <Typography.Text type="secondary">{b.parentName}</Typography.Text></List.Item>} />
        </Card>
      </Col>
      {creating && <PostForm onClose={() => setCreating(false)} onDone={() => { setCreating(false); reload(); }} />}
      {open && <PostDrawer id={open} onClose={() => setOpen(undefined)} onChanged={reload} />}
    </Row>
  );
}
