import { useState } from 'react';
import { postApi } from '../modules/party/api';
import { CompoundPicker, type Picked } from './CompoundPicker';
import { useT } from './i18n';
import { Button, Card, Spinner, useLoad, useNotify } from './ui';

/** The open posts of the compound, each with a member to recommend: names only, the community party committee decides. */
function PostList({ compoundId }: { compoundId: string }) {
  const t = useT();
  const { error, success } = useNotify();
  const { data, reload } = useLoad(() => postApi.h5List(compoundId), [compoundId]);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  if (!data) return <Spinner />;
  if (!data.posts.length) return <p className="empty">{t('h5Post.empty')}</p>;
  const recommend = async (postId: string) => {
    setBusy(postId);
    try {
      await postApi.h5Recommend(postId, chosen[postId]!, compoundId);
      success(t('h5Post.sent'));
      reload();
    } catch (err) {
      error(err);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="stack">
      {data.posts.map((p) => (
        <section key={p.id} className="card" data-testid="h5-post" data-id={p.id}>
          <header><h2>{p.title}</h2><span className="muted">{t('h5Post.left', { n: p.placesLeft })}</span></header>
          <div className="card-body">
            <p className="muted wrap">{p.placeName} · {p.duties}</p>
            <div className="compact">
              <select aria-label={t('h5Post.pickMember')} value={chosen[p.id] ?? ''} onChange={(e) => setChosen((c) => ({ ...c, [p.id]: e.target.value }))} data-testid="h5-post-member">
                <option value="" disabled>{t('h5Post.pickMember')}</option>
                {data.members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
              </select>
              <Button primary disabled={!chosen[p.id]} busy={busy === p.id} data-testid="h5-post-recommend" onClick={() => void recommend(p.id)}>{t('h5Post.recommend')}</Button>
            </div>
          </div>
        </section>
      ))}
    </div>
  );
}

/** The residents' posts page (/h5/party-posts): their compound, its open posts and a recommendation. */
export function PostsPage() {
  const t = useT();
  const [compound, setCompound] = useState<Picked | null>(null);
  if (!compound) return <Card title={t('h5Post.pick')} testId="h5-post-picker"><CompoundPicker value={null} onChange={setCompound} /></Card>;
  return <PostList compoundId={compound.id} />;
}
