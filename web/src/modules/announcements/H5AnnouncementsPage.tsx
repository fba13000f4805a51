import { Button, Card, Collapse, Empty, Form, Layout, Select, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../app/api/client';
import { useLoad } from '../../app/hooks/useLoad';
import { useNotify } from '../../app/hooks/useNotify';
import { useT } from '../../app/i18n/I18nProvider';
import { LanguageSwitch } from '../../app/layout/LanguageSwitch';
import { h5Api } from '../h5/api';
import { CompoundPicker } from '../h5/CompoundPicker';
import { H5SignIn } from '../h5/H5SignIn';
import { localTime } from '../timeline/format';
import { announcementsApi } from './api';

/** Where the resident last said they live, kept on the phone: a compound, and optionally a building and a household. */
interface Home { compoundId: string; compoundName: string; buildingId?: string; householdId?: string }
const HOME_KEY = 'onegrid.h5.home';
const loadHome = (): Home | null => { try { return JSON.parse(localStorage.getItem(HOME_KEY) ?? 'null') as Home | null; } catch { return null; } };

/** Compound (by name or the QR link's ?place=), then building and room if the resident likes: reads count for that household. */
function HomePicker({ qrPlace, onPicked }: { qrPlace: string | null; onPicked: (home: Home) => void }) {
  const t = useT();
  const [form] = Form.useForm<{ compoundId: string; buildingId?: string; householdId?: string }>();
  const qr = useLoad(() => h5Api.place(qrPlace!), [qrPlace], Boolean(qrPlace));
  const qrCompound = qr.data ? (qr.data.level === 'compound' ? { id: qr.data.id, name: qr.data.name } : qr.data.compound) : null;
  useEffect(() => {
    if (qr.data) form.setFieldsValue({ compoundId: qrCompound?.id, buildingId: qr.data.level === 'building' ? qr.data.id : undefined });
  }, [qr.data]);
  const compoundId = Form.useWatch('compoundId', form);
  const buildingId = Form.useWatch('buildingId', form);
  const compound = useLoad(() => h5Api.place(compoundId), [compoundId], Boolean(compoundId));
  const building = useLoad(() => h5Api.place(buildingId!), [buildingId], Boolean(buildingId));
  const options = (p: typeof compound.data) => (p?.children ?? []).map((c) => ({ value: c.id, label: c.name }));
  const pick = (v: { compoundId: string; buildingId?: string; householdId?: string }) => onPicked({ ...v, compoundName: compound.data?.name ?? '' });
  return (
    <Card title={t('h5Announcement.pickCompound')} size="small" data-testid="h5-home-picker">
      <Form form={form} layout="vertical" onFinish={pick}>
        <Form.Item name="compoundId" label={t('h5.compound')} rules={[{ required: true, message: t('common.required') }]}><CompoundPicker initial={qrCompound} /></Form.Item>
        {options(compound.data).length > 0 && (
          <Form.Item name="buildingId" label={t('h5.building')}><Select allowClear options={options(compound.data)} data-testid="h5-building" /></Form.Item>
        )}
        {buildingId && options(building.data).length > 0 && (
          <Form.Item name="householdId" label={t('h5Announcement.household')}><Select allowClear options={options(building.data)} data-testid="h5-household" /></Form.Item>
        )}
        <Button type="primary" htmlType="submit" block disabled={!compound.data} data-testid="h5-home-submit">{t('common.ok')}</Button>
      </Form>
    </Card>
  );
}

/** The notices of the resident's compound, newest first; opening one marks it read (once) for their household or compound. */
function NoticeList({ home }: { home: Home }) {
  const t = useT();
  const { error } = useNotify();
  const where = home.householdId ?? home.buildingId ?? home.compoundId;
  const { data, loading } = useLoad(() => announcementsApi.h5List(where), [where]);
  const [read, setRead] = useState<Record<string, boolean>>({});
  const open = (keys: string | string[]) => {
    for (const id of [keys].flat()) {
      if (read[id] || data?.items.find((a) => a.id === id)?.readAt) continue;
      announcementsApi.h5Read(id, where).then(() => setRead((r) => ({ ...r, [id]: true })), error);
    }
  };
  if (loading) return <Spin style={{ display: 'block', marginTop: 40 }} />;
  if (!data?.items.length) return <Empty description={t('h5Announcement.empty')} data-testid="h5-announcements-empty" />;
  return (
    <Collapse accordion onChange={open} data-testid="h5-announcements" items={data.items.map((a) => ({
      key: a.id,
      label: <span data-testid="h5-announcement" data-id={a.id}>
        <Typography.Text strong>{a.title}</Typography.Text>{' '}
        {a.readAt || read[a.id] ? <Tag color="default" data-testid="h5-read">{t('h5Announcement.read')}</Tag> : <Tag color="red">{t('h5Announcement.unread')}</Tag>}
        <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('h5Announcement.from', { place: a.placeName })} · {localTime(a.publishedAt)}</Typography.Text></div>
      </span>,
      children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="h5-announcement-body">{a.body}</Typography.Paragraph>,
    }))} />
  );
}

/** The residents' notices page (/h5/announcements): SMS sign-in, their compound, its notices. */
export function H5AnnouncementsPage() {
  const t = useT();
  const [params] = useSearchParams();
  const [tick, setTick] = useState(0);
  const me = useLoad(() => h5Api.me().catch((err: unknown) => {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }), [tick]);
  const [home, setHome] = useState<Home | null>(() => (params.get('place') ? null : loadHome()));
  const pick = (h: Home | null) => {
    if (h) localStorage.setItem(HOME_KEY, JSON.stringify(h));
    setHome(h);
  };
  let body;
  if (me.data === undefined) body = <Spin style={{ display: 'block', marginTop: 80 }} />;
  else if (me.data === null) body = <H5SignIn onSignedIn={() => setTick((n) => n + 1)} />;
  else if (!home) body = <HomePicker qrPlace={params.get('place')} onPicked={pick} />;
  else body = <NoticeList home={home} />;
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Layout.Header style={{ background: '#c8161d', padding: '0 12px', height: 52, display: 'flex', alignItems: 'center', gap: 8 }}>
        <Typography.Title level={5} style={{ margin: 0, color: '#fff', flex: 1, whiteSpace: 'nowrap' }}>{t('app.name')} · {t('h5Announcement.title')}</Typography.Title>
        <LanguageSwitch signedIn={false} />
      </Layout.Header>
      {me.data && home && (
        <div style={{ display: 'flex', gap: 8, padding: '8px 12px', background: '#fff', alignItems: 'center' }}>
          <Typography.Text style={{ flex: 1 }} data-testid="h5-home">{home.compoundName}</Typography.Text>
          <Button size="small" onClick={() => pick(null)} data-testid="h5-change-home">{t('h5Announcement.changeCompound')}</Button>
        </div>
      )}
      <Layout.Content style={{ padding: 12, maxWidth: 560, width: '100%', margin: '0 auto' }}>{body}</Layout.Content>
    </Layout>
  );
}
