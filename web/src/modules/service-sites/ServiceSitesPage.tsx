import { EditOutlined, EnvironmentOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Collapse, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { SERVICE_SITE_KINDS, SERVICE_SITE_STATES, type ServiceSiteKind, type ServiceSiteState } from '../../../../contracts/service-sites';
import { ApiError } from '../../app/api/client';
import { ListPage } from '../../app/components/ListPage';
import { showFieldError, validated } from '../../app/forms';
import { useIsPhone } from '../../app/hooks/useIsPhone';
import { useLoad } from '../../app/hooks/useLoad';
import { useNotify } from '../../app/hooks/useNotify';
import { useI18n } from '../../app/i18n/I18nProvider';
import { useSession } from '../../app/session/SessionProvider';
import { PlaceSelect } from '../places/PlaceSelect';
import { TimelineDrawer } from '../timeline/TimelineDrawer';
import { serviceSitesApi, type ServiceSite, type SiteFields } from './api';
import { closeRing, openRing, SiteMap, useGround, type Pos } from './SiteMap';

const PAGE_SIZE = 20;
const FIELDS = ['name', 'placeId', 'address', 'hours', 'services'] as const;
/** The fields the map answers for: a refusal of them shows under the map. */
const WHERE_FIELDS = ['lng', 'lat', 'outline'];
type Values = Omit<SiteFields, 'outline'> & { kind: ServiceSiteKind; placeId: string };

const fieldOf = (err: unknown) => (err instanceof ApiError ? err.field?.split('.')[0] : undefined);

/**
 * Registers a site (kind, name, place, address, hours, services, an optional point and outline) or edits one at the
 * version it was read. The point is placed, and the outline drawn, on a small map of the place's ground (or the nearest
 * place above it that has one); the coordinates can be typed instead, under 手动输入经纬度.
 */
function SiteForm({ site, onClose, onDone }: { site: ServiceSite | null; onClose: () => void; onDone: () => void }) {
  const { t, pick } = useI18n();
  const { error, success } = useNotify();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const placeId = Form.useWatch('placeId', form) ?? site?.placeId;
  const lng = Form.useWatch('lng', form);
  const lat = Form.useWatch('lat', form);
  const ground = useGround(placeId);
  const [outline, setOutline] = useState<Pos[] | null>(site?.outline ? openRing(site.outline.coordinates[0]!) : null);
  const [whereError, setWhereError] = useState<string | null>(null);
  const [manual, setManual] = useState<string[]>([]);
  // No map for this place: the typed fields are the way in.
  useEffect(() => { if (ground === null) setManual(['manual']); }, [ground]);
  const point: Pos | null = typeof lng === 'number' && typeof lat === 'number' ? [lng, lat] : null;
  const setPoint = (p: Pos | null) => { form.setFieldsValue({ lng: p?.[0], lat: p?.[1] }); setWhereError(null); };
  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    if (outline && outline.length > 0 && outline.length < 3) return setWhereError(t('serviceSite.map.fewCorners'));
    const drawn = outline && outline.length >= 3 ? { type: 'Polygon' as const, coordinates: [closeRing(outline)] } : null;
    const [x, y] = [form.getFieldValue('lng') as number | undefined, form.getFieldValue('lat') as number | undefined];
    const fields = { name: v.name.trim(), address: v.address?.trim() ?? '', hours: v.hours?.trim() ?? '', services: v.services?.trim() ?? '', lng: x ?? null, lat: y ?? null };
    // An edit sends the outline only when it changed, so its event says so only then.
    const outlineChanged = JSON.stringify(drawn) !== JSON.stringify(site?.outline ?? null);
    setSaving(true);
    setWhereError(null);
    try {
      if (site) await serviceSitesApi.step(site.id, 'edit', { version: site.version, ...fields, ...(outlineChanged ? { outline: drawn } : {}) });
      else await serviceSitesApi.create({ kind: v.kind, placeId: v.placeId, ...fields, outline: drawn });
      success(t('serviceSite.saved'));
      onClose();
      onDone();
    } catch (err) {
      const field = fieldOf(err);
      if (err instanceof ApiError && err.messages && field && WHERE_FIELDS.includes(field)) setWhereError(pick(err.messages));
      else if (!showFieldError(form, err, FIELDS, pick)) {
        error(err);
        // Someone else saved first: the list shows the site as it is now.
        if (err instanceof ApiError && err.status === 409) { onClose(); onDone(); }
      }
    } finally {
      setSaving(false);
    }
  };
  const initial = site ? { ...site, lng: site.lng ?? undefined, lat: site.lat ?? undefined } : { kind: 'service_point' as const };
  return (
    <Modal open title={site ? `${t('serviceSite.editTitle')} · ${site.name}` : t('serviceSite.newTitle')} onOk={submit} onCancel={onClose}
      confirmLoading={saving} destroyOnHidden okText={t('common.save')} cancelText={t('common.cancel')} width={620}>
      <Form form={form} layout="vertical" initialValues={initial} data-testid="site-form">
        {!site && (
          <Form.Item name="kind" label={t('serviceSite.kind')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={SERVICE_SITE_KINDS.map((k) => ({ value: k, label: t(`serviceSite.kinds.${k}`) }))} data-testid="site-kind" />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('serviceSite.name')} rules={[{ required: true, min: 2, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={50} />
        </Form.Item>
        {!site && (
          <Form.Item name="placeId" label={t('serviceSite.place')} extra={t('serviceSite.placeHint')} rules={[{ required: true, message: t('common.required') }]}>
            <PlaceSelect testId="site-place" />
          </Form.Item>
        )}
        <Form.Item name="address" label={t('serviceSite.address')}><Input maxLength={100} /></Form.Item>
        <Form.Item name="hours" label={t('serviceSite.hours')}><Input maxLength={100} /></Form.Item>
        <Form.Item name="services" label={t('serviceSite.services')}><Input.TextArea rows={3} maxLength={500} showCount /></Form.Item>
        <Form.Item label={t('serviceSite.point')} extra={t('serviceSite.pointHint')} validateStatus={whereError ? 'error' : undefined} help={whereError ?? undefined}
          style={{ marginBottom: 8 }} data-testid="site-where">
          {!placeId ? <Typography.Text type="secondary">{t('serviceSite.map.pickPlace')}</Typography.Text>
            : ground === undefined ? <Skeleton active paragraph={{ rows: 4 }} title={false} />
              : ground === null ? <Alert type="info" showIcon title={t('serviceSite.map.noGround')} data-testid="site-map-none" />
                : <SiteMap ground={ground} point={point} outline={outline} edit={{ onPoint: setPoint, onOutline: (o) => { setOutline(o); setWhereError(null); } }} />}
        </Form.Item>
        <Collapse ghost size="small" activeKey={manual} onChange={(keys) => setManual(keys as string[])} data-testid="site-manual" items={[{
          key: 'manual', label: t('serviceSite.map.manual'), forceRender: true, children: (
            <Row gutter={8}>
              <Col span={12}>
                <Form.Item name="lng"><InputNumber min={-180} max={180} step={0.0001} placeholder={t('serviceSite.lng')} style={{ width: '100%' }} aria-label={t('serviceSite.lng')} /></Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="lat"><InputNumber min={-90} max={90} step={0.0001} placeholder={t('serviceSite.lat')} style={{ width: '100%' }} aria-label={t('serviceSite.lat')} /></Form.Item>
              </Col>
            </Row>
          ),
        }]} />
      </Form>
    </Modal>
  );
}

/** Where a site is: its point (and outline) over its place's ground, or its coordinates where there is no map. */
function SiteLocation({ site, onClose }: { site: ServiceSite; onClose: () => void }) {
  const { t } = useI18n();
  const ground = useGround(site.placeId);
  const point: Pos | null = site.lng !== null && site.lat !== null ? [site.lng, site.lat] : null;
  const outline = site.outline ? openRing(site.outline.coordinates[0]!) : null;
  return (
    <Modal open title={`${t('serviceSite.map.title')} · ${site.name}`} onCancel={onClose} destroyOnHidden width={620}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}>
      <div data-testid="site-location">
        {ground === undefined ? <Skeleton active paragraph={{ rows: 4 }} title={false} />
          : ground === null ? <Alert type="info" showIcon title={t('serviceSite.map.noGroundView')} />
            : <SiteMap ground={ground} point={point} outline={outline} />}
        {point && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {site.placeName} · {t('serviceSite.map.coordinates', { lng: point[0], lat: point[1] })}{outline && ` · ${t('serviceSite.map.outline')}`}
          </Typography.Paragraph>
        )}
      </div>
    </Modal>
  );
}

/** 党群服务中心与便民服务点 of the caller's area: filter by kind and state, register, edit, close with a reason, reopen. */
export function ServiceSitesPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { error, success } = useNotify();
  const isPhone = useIsPhone();
  const [kind, setKind] = useState<ServiceSiteKind>();
  const [state, setState] = useState<ServiceSiteState>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<ServiceSite | 'new' | null>(null);
  const [closing, setClosing] = useState<ServiceSite | null>(null);
  const [timelineOf, setTimelineOf] = useState<ServiceSite | null>(null);
  const [locationOf, setLocationOf] = useState<ServiceSite | null>(null);
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const { data, loading, reload } = useLoad(() => serviceSitesApi.list({ kind, state, q: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }), [kind, state, q, page]);

  const step = async (site: ServiceSite, action: 'close' | 'reopen', body: Record<string, unknown> = {}) => {
    try {
      await serviceSitesApi.step(site.id, action, { version: site.version, ...body });
      success(t('serviceSite.done'));
      setClosing(null);
    } catch (err) {
      error(err);
    } finally {
      reload();
    }
  };

  const kindTag = (k: ServiceSiteKind) => <Tag color={k === 'service_centre' ? 'red' : 'gold'}>{t(`serviceSite.kinds.${k}`)}</Tag>;
  const stateTag = (s: ServiceSiteState) => <Tag color={s === 'open' ? 'green' : 'default'}>{t(`serviceSite.states.${s}`)}</Tag>;
  const actions = (s: ServiceSite) => (
    <Space size={0} wrap>
      {s.lng !== null && (
        <Button type="link" size="small" icon={<EnvironmentOutlined />} onClick={() => setLocationOf(s)} data-testid={`site-location-${s.name}`}>{t('serviceSite.map.show')}</Button>
      )}
      {s.actions.includes('edit') && <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(s)} data-testid={`site-edit-${s.name}`}>{t('serviceSite.steps.edit')}</Button>}
      {s.actions.includes('close') && <Button type="link" size="small" danger onClick={() => setClosing(s)} data-testid={`site-close-${s.name}`}>{t('serviceSite.steps.close')}</Button>}
      {s.actions.includes('reopen') && (
        <Popconfirm title={t('serviceSite.steps.reopen')} onConfirm={() => step(s, 'reopen')} okText={t('common.ok')} cancelText={t('common.cancel')}>
          <Button type="link" size="small" data-testid={`site-reopen-${s.name}`}>{t('serviceSite.steps.reopen')}</Button>
        </Popconfirm>
      )}
      {can('audit', 'timeline') && <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setTimelineOf(s)} aria-label={t('common.timeline')} />}
    </Space>
  );

  return (
    <>
      <ListPage<ServiceSite>
        title={t('serviceSite.title')}
        extra={can('service_site', 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="site-create">{t('serviceSite.new')}</Button>
        )}
        filters={(
          <Space wrap>
            <Select allowClear placeholder={t('serviceSite.anyKind')} style={{ width: 180 }} value={kind} data-testid="site-kind-filter"
              onChange={(v: ServiceSiteKind | undefined) => { setKind(v); setPage(1); }} options={SERVICE_SITE_KINDS.map((k) => ({ value: k, label: t(`serviceSite.kinds.${k}`) }))} />
            <Select allowClear placeholder={t('serviceSite.anyState')} style={{ width: 140 }} value={state}
              onChange={(v: ServiceSiteState | undefined) => { setState(v); setPage(1); }} options={SERVICE_SITE_STATES.map((s) => ({ value: s, label: t(`serviceSite.states.${s}`) }))} />
            <Input.Search allowClear placeholder={t('serviceSite.searchPlaceholder')} style={{ maxWidth: 240 }} data-testid="site-search"
              onSearch={(v) => { setQ(v.trim()); setPage(1); }} />
          </Space>
        )}
        rowKey="id"
        size="small"
        loading={loading}
        items={data?.items ?? []}
        empty={t('serviceSite.empty')}
        paging={{ page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onPage: setPage }}
        testIds={{ table: 'sites-table', cards: 'sites-cards' }}
        card={(s) => (
          <div data-testid="site-card">
            <Space wrap>{kindTag(s.kind)}<Typography.Text strong>{s.name}</Typography.Text>{stateTag(s.state)}</Space>
            <div><Typography.Text type="secondary">{s.placeName}{s.hours && ` · ${s.hours}`}</Typography.Text></div>
            {s.services && <div>{s.services}</div>}
            {actions(s)}
          </div>
        )}
        scroll={isPhone ? { x: 720 } : undefined}
        columns={[
          { key: 'kind', title: t('serviceSite.kind'), render: (_, s) => kindTag(s.kind) },
          { key: 'name', title: t('serviceSite.name'), dataIndex: 'name' },
          { key: 'place', title: t('serviceSite.place'), dataIndex: 'placeName' },
          { key: 'hours', title: t('serviceSite.hours'), dataIndex: 'hours' },
          { key: 'services', title: t('serviceSite.services'), dataIndex: 'services', ellipsis: true },
          { key: 'state', title: t('serviceSite.state'), render: (_, s) => stateTag(s.state) },
          { key: 'actions', title: t('common.actions'), render: (_, s) => actions(s) },
        ]}
      />
      {locationOf && <SiteLocation site={locationOf} onClose={() => setLocationOf(null)} />}
      {editing && <SiteForm site={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onDone={reload} />}
      <Modal open={Boolean(closing)} title={closing && `${t('serviceSite.steps.close')} · ${closing.name}`} onCancel={() => setClosing(null)} destroyOnHidden
        onOk={async () => { const v = closing && await validated(reasonForm); if (closing && v) await step(closing, 'close', v); }} okText={t('common.ok')} cancelText={t('common.cancel')}>
        <Form form={reasonForm} layout="vertical" preserve={false} data-testid="site-close-form">
          <Form.Item name="reason" label={t('serviceSite.closeReason')} rules={[{ required: true, min: 2, whitespace: true, message: t('common.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
      <TimelineDrawer open={Boolean(timelineOf)} onClose={() => setTimelineOf(null)} entityType="service_site"
        entityId={timelineOf?.id ?? ''} title={timelineOf?.name ?? ''} />
    </>
  );
}
