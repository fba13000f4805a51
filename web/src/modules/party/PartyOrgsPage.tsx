import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Empty, Form, Input, List, Modal, Row, Space, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { useMe, useSession } from '../../app/session/SessionProvider';
import type { PartyOrgKind } from '../../../../contracts/party';
import { partyApi, type GapPlace, type PartyOrgItem } from './api';
import { PartyOrgEdit, PartyOrgForm } from './PartyOrgForm';
import { useSubmit } from './useSubmit';
import { validated } from '../../app/forms';
import { QrCodesCard } from './QrCodesCard';

const KIND_COLOR: Record<PartyOrgKind, string> = {
  street_working_committee: 'red', community_party_committee: 'volcano', compound_branch: 'orange', building_group: 'gold', partner_unit_org: 'blue',
};

/** The orgs as a tree: each under its parent, roots where the parent lies outside what I see. */
function toTree(items: PartyOrgItem[], label: (o: PartyOrgItem) => React.ReactNode): DataNode[] {
  const children = new Map<string | null, PartyOrgItem[]>();
  const ids = new Set(items.map((o) => o.id));
  for (const o of items) {
    const parent = o.parentId && ids.has(o.parentId) ? o.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), o]);
  }
  const build = (parent: string | null): DataNode[] =>
    (children.get(parent) ?? []).map((o) => ({ key: o.id, title: label(o), children: build(o.id) }));
  return build(null);
}

/** One list of gaps: the place, its parent, and a button to set up the missing org there. */
function GapList({ title, testId, data, onBuild }: { title: string; testId: string; data?: { items: GapPlace[]; total: number }; onBuild: (p: GapPlace) => void }) {
  const t = useT();
  const { can } = useSession();
  return (
    <Card size="small" title={title} extra={data && t('partyOrg.total', { n: data.total })} style={{ marginBottom: 12 }} data-testid={testId}>
      <List size="small" dataSource={data?.items ?? []} locale={{ emptyText: t('partyOrg.noGaps') }}
        renderItem={(p) => (
          <List.Item data-testid="gap-row" data-id={p.id}
            actions={can('party_org', 'create') ? [<Button key="b" size="small" type="link" onClick={() => onBuild(p)} data-testid="gap-build">{t('partyOrg.buildHere')}</Button>] : []}>
            <Typography.Text>{p.name}</Typography.Text> <Typography.Text type="secondary">{p.parentName}</Typography.Text>
          </List.Item>
        )} />
    </Card>
  );
}

/** 党组织架构: the org tree beside the places, one org's committee and steps, and what is still to set up in my area. */
export function PartyOrgsPage() {
  const t = useT();
  const me = useMe();
  const { can } = useSession();
  const { submit } = useSubmit();
  const home = me.roles[0]?.placeId;
  const tree = useLoad(() => partyApi.tree(), []);
  const gaps = useLoad(() => (home ? partyApi.gaps(home) : Promise.resolve(undefined)), [home], can('party_org', 'gaps'));
  const [selected, setSelected] = useState<string>();
  const [creating, setCreating] = useState<{ kind: PartyOrgKind; placeId: string; name: string } | 'blank'>();
  const [editing, setEditing] = useState(false);
  const [dissolving, setDissolving] = useState(false);
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const detail = useLoad(() => (selected ? partyApi.get(selected) : Promise.resolve(undefined)), [selected]);
  const reload = () => { tree.reload(); gaps.reload(); detail.reload(); };

  const nodes = useMemo(() => toTree(tree.data?.items ?? [], (o) => (
    <span data-testid="party-org-node" data-id={o.id}>
      <Tag color={KIND_COLOR[o.kind]}>{t(`partyOrg.kinds.${o.kind}`)}</Tag>{o.name}
      <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{o.secretary ? `${t('partyOrg.secretary')} ${o.secretary}` : t('partyOrg.noSecretary')}</Typography.Text>
    </span>
  )), [tree.data, t]);

  const dissolve = async () => {
    const values = await validated(reasonForm);
    if (!values) return;
    const { reason } = values;
    await submit(() => partyApi.step(detail.data!.id, 'dissolve', { version: detail.data!.version, reason }), t('partyOrg.dissolved'), () => {
      setDissolving(false);
      setSelected(undefined);
      reload();
    });
  };
  const org = detail.data;
  return (
    <div data-testid="party-orgs-page">
      <Space style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('partyOrg.title')}</Typography.Title>
        {can('party_org', 'create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating('blank')} data-testid="party-org-new">{t('partyOrg.new')}</Button>}
      </Space>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('partyOrg.tree')} loading={tree.loading} style={{ marginBottom: 12 }}>
            {nodes.length ? <Tree treeData={nodes} defaultExpandAll showLine selectedKeys={selected ? [selected] : []}
              onSelect={(keys) => setSelected(keys[0] as string | undefined)} data-testid="party-org-tree" /> : <Empty description={t('partyOrg.empty')} />}
          </Card>
          {org && (
            <Card size="small" title={org.name} data-testid="party-org-detail" extra={<Space>
              {org.actions.includes('edit') && <Button size="small" onClick={() => setEditing(true)} data-testid="party-org-edit">{t('partyOrg.steps.edit')}</Button>}
              {org.actions.includes('dissolve') && <Button size="small" danger onClick={() => { reasonForm.resetFields(); setDissolving(true); }} data-testid="party-org-dissolve">{t('partyOrg.steps.dissolve')}</Button>}
            </Space>}>
              <Descriptions size="small" column={1} items={[
                { key: 'kind', label: t('partyOrg.kind'), children: t(`partyOrg.kinds.${org.kind}`) },
                { key: 'place', label: t('partyOrg.place'), children: org.placeName },
                { key: 'committee', label: t('partyOrg.committee'), children: (
                  <Space direction="vertical" size={2}>
                    {org.committee.map((s, i) => <span key={i} data-testid="party-org-seat">{t(`partyOrg.seats.${s.seat}`)}:{s.name}</span>)}
                  </Space>
                ) },
              ]} />
            </Card>
          )}
        </Col>
        <Col xs={24} lg={10}>
          {can('party_org', 'print_qr') && <QrCodesCard />}
          {can('party_org', 'gaps') && <>
            <GapList title={t('partyOrg.compoundsWithoutBranch')} testId="gaps-compounds" data={gaps.data?.compoundsWithoutBranch}
              onBuild={(p) => setCreating({ kind: 'compound_branch', placeId: p.id, name: t('partyOrg.branchName', { place: p.name }) })} />
            <GapList title={t('partyOrg.buildingsWithoutGroup')} testId="gaps-buildings" data={gaps.data?.buildingsWithoutGroup}
              onBuild={(p) => setCreating({ kind: 'building_group', placeId: p.id, name: t('partyOrg.groupName', { place: `${p.parentName ?? ''}${p.name}` }) })} />
          </>}
        </Col>
      </Row>
      {creating && <PartyOrgForm open preset={creating === 'blank' ? undefined : creating} onClose={() => setCreating(undefined)}
        onDone={() => { setCreating(undefined); reload(); }} />}
      {editing && org && <PartyOrgEdit org={org} onClose={() => setEditing(false)} onDone={() => { setEditing(false); reload(); }} />}
      <Modal open={dissolving} title={t('partyOrg.steps.dissolve')} onCancel={() => setDissolving(false)} onOk={() => void dissolve()} destroyOnHidden
        okText={t('common.ok')} cancelText={t('common.cancel')} okButtonProps={{ danger: true, ...({ 'data-testid': 'dissolve-submit' } as Record<string, string>) }}>
        <Form form={reasonForm} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('partyOrg.dissolveReason')} rules={[{ required: true, min: 2, whitespace: true, message: t('common.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
