// The light entry for residents' phones and the public pages: React and these few files, no back-office code, no
// Ant Design. The server sends h5.html for the paths nav.ts lists; every other path gets the back office (index.html).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './h5.css';
import { I18n } from './i18n';
import { CardPage, CompoundPage } from './IdentityPages';
import { useLocation } from './nav';
import { RankingPage } from './RankingPage';
import { ResidentApp } from './ResidentApp';
import { Notices } from './ui';

function Page() {
  const { path } = useLocation();
  const key = /^\/(q|card)\/([^/]+)$/.exec(path);
  if (key?.[1] === 'q') return <CompoundPage key={path} qrKey={decodeURIComponent(key[2]!)} />;
  if (key?.[1] === 'card') return <CardPage key={path} cardKey={decodeURIComponent(key[2]!)} />;
  if (path === '/public/ranking') return <RankingPage />;
  return <ResidentApp path={path} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18n>
      <Notices>
        <Page />
      </Notices>
    </I18n>
  </StrictMode>,
);
