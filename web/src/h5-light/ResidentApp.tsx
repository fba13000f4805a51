import { h5Api } from '../modules/h5/api';
import { ChairPage } from './ChairPage';
import { DemandPage, DemandsPage } from './DemandPages';
import { FilePage } from './FilePage';
import { NeedsPage } from './NeedsPages';
import { NoticesPage } from './NoticesPage';
import { PostsPage } from './PostsPage';
import { LanguageSwitch, useT, useTitle } from './i18n';
import { Link } from './nav';
import { useResident } from './SignIn';
import { TopBar } from './ui';

/** The resident's pages: each its title's key and what it draws once a resident is signed in. */
function pageOf(path: string): { titleKey: string; page: React.ReactNode } {
  const demand = /^\/h5\/demands\/([^/]+)$/.exec(path)?.[1];
  if (demand) return { titleKey: 'h5.progress', page: <DemandPage id={demand} /> };
  const chair = /^\/h5\/chair-months\/([^/]+)$/.exec(path)?.[1];
  if (chair) return { titleKey: 'rotatingChair.h5Title', page: <ChairPage id={chair} /> };
  if (path === '/h5/demands') return { titleKey: 'h5.myDemands', page: <DemandsPage /> };
  if (path === '/h5/announcements') return { titleKey: 'h5Announcement.title', page: <NoticesPage /> };
  if (path === '/h5/party-posts') return { titleKey: 'h5Post.title', page: <PostsPage /> };
  if (path === '/h5/needs' || path.startsWith('/h5/needs/')) return { titleKey: 'h5Need.title', page: <NeedsPage path={path} /> };
  return { titleKey: 'h5.title', page: <FilePage /> };
}

/**
 * The resident's phone pages (/h5 filing, /h5/demands and a demand, /h5/announcements, /h5/party-posts, /h5/needs): signed
 * in by SMS code, a narrow column.
 */
export function ResidentApp({ path }: { path: string }) {
  const t = useT();
  const { me, reload, gate } = useResident();
  const { titleKey, page } = pageOf(path);
  useTitle(titleKey);
  const signOut = () => void h5Api.logout().finally(reload);
  return (
    <>
      <TopBar title={`${t('app.name')} · ${t(titleKey)}`}><LanguageSwitch /></TopBar>
      {me.data && (
        <nav className="subnav">
          <Link to="/h5" className="btn small" data-testid="h5-new">{t('h5.newDemand')}</Link>
          <Link to="/h5/demands" className="btn small" data-testid="h5-my">{t('h5.myDemands')}</Link>
          <Link to="/h5/announcements" className="btn small" data-testid="h5-announcements">{t('h5.announcements')}</Link>
          <Link to="/h5/needs" className="btn small" data-testid="h5-needs">{t('h5Need.title')}</Link>
          <span className="muted grow">{me.data.phoneMasked}</span>
          <button type="button" className="btn small link" onClick={signOut}>{t('h5.signOut')}</button>
        </nav>
      )}
      <main className="content">{gate ?? page}</main>
    </>
  );
}
