import { Button, Card, Empty, Layout, Select, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../app/api/client';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { h5Api } from '../h5/api';
import { CompoundPicker } from '../h5/CompoundPicker';
import { H5SignIn } from '../h5/H5SignIn';
import { postApi } from './api';
import { useSubmit } from './useSubmit';

/** The open posts of the compound, each with a member to recommend: names only, the community party committee decides. */
function PostList({ compoundId }: { compoundId: string }) {
  const t = useT();
  const { submit } = useSubmit();
  const { data, loading, reload } = useLoad(() => postApi.h5List(compoundId), [compoundId]);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  if (loading) return <Spin style={{ display: 'block', marginTop: 40 }} />;
  if (!data?.posts.length) return <Empty description={t('h5Post.empty')} />;
  return <>{data.posts.map((p) => (
    <Card key={p.id} size="small" title={p.title} extra={t('h5Post.left', { n: p.placesLeft })} style={{ marginBottom: 8 }} data-testid="h5-post" data-id={p.id}>
      <Typography.Paragraph type="secondary">{p.placeName} · {p.duties}</Typography.Paragraph>
      <Space.Compact style={{ width: '100%' }}>
        <Select style={{ flex: 1 }} placeholder={t('h5Post.pickMember')} value={chosen[p.id]} onChange={(v: string) => setChosen((c) => ({ ...c, [p.id]: v }))}
          options={data.members.map((m) => ({ value: m.id, label: m.name }))} data-testid="h5-post-member" />
        <Button type="primary" disabled={!chosen[p.id]} data-testid="h5-post-recommend"
          onClick={() => void submit(() => postApi.h5Recommend(p.id, chosen[p.id]!, compoundId), t('h5Post.sent'), reload)}>{t('h5Post.recommend')}</Button>
      </Space.Compact>
    </Card>
  ))}</>;
}

/** The residents' posts page (/h5/party-posts): SMS sign-in, their compound, its open posts and a recommendation. */
export function H5PartyPostsPage() {
  const t = useT();
  const [tick, setTick] = useState(0);
  const [compoundId, setCompoundId] = useState<string>();
  const me = useLoad(() => h5Api.me().catch((err: unknown) => {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }), [tick]);
  let body;
  if (me.data === undefined) body = <Spin style={{ display: 'block', marginTop: 80 }} />;
  else if (me.data === null) body = <H5SignIn onSignedIn={() => setTick((n) => n + 1)} />;
  else if (!compoundId) body = <Card size="small" title={t('h5Post.pick')} data-testid="h5-post-picker"><CompoundPicker onChange={(id: string) => setCompoundId(id)} /></Card>;
  else body = <PostList compoundId={compoundId} />;
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Layout.Header style={{ background: '#c8161d', padding: '0 12px', height: 52, display: 'flex', alignItems: 'center' }}>
        <Typography.Title level={5} style={{ margin: 0, color: '#fff' }}>{t('app.name')} · {t('h5Post.title')}</Typography.Title>
      </Layout.Header>
      <Layout.Content style={{ padding: 12, maxWidth: 560, width: '100%', margin: '0 auto' }}>{body}</Layout.Content>
    </Layout>
  );
}
