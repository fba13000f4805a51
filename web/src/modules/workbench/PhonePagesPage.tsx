import { Card, List, Typography } from 'antd';
import { useT } from '../../app/i18n/I18nProvider';
import { useSession } from '../../app/session/SessionProvider';

const LINKS = [
  { href: '/h5', key: 'file' },
  { href: '/h5/demands', key: 'demands' },
  { href: '/h5/announcements', key: 'announcements' },
  { href: '/h5/party-posts', key: 'partyPosts', partyOnly: true },
  { href: '/public/ranking', key: 'ranking' },
] as const;

/**
 * Where a resident or a party member lands in the back office: their pages are the phone pages (a code by text
 * message, no account), so this lists them instead of an empty household page.
 */
export function PhonePagesPage() {
  const t = useT();
  const { me } = useSession();
  const party = (me?.roles ?? []).some((r) => r.role === 'party_member');
  return (
    <Card title={t('phonePages.title')} data-testid="phone-pages">
      <Typography.Paragraph>{t('phonePages.intro')}</Typography.Paragraph>
      <List dataSource={LINKS.filter((l) => !('partyOnly' in l) || party)} renderItem={(l) => (
        // Plain links: the phone pages have their own shell and sign-in.
        <List.Item><List.Item.Meta title={<a href={l.href}>{t(`phonePages.${l.key}`)}</a>} description={t(`phonePages.${l.key}Hint`)} /></List.Item>
      )} />
    </Card>
  );
}
