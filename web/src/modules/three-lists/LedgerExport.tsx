import { LedgerButton } from '../../app/components/LedgerButton';
import { useT } from '../../app/i18n/I18nProvider';
import { useMe, useSession } from '../../app/session/SessionProvider';

const OFFICES = ['district_admin', 'street_staff', 'community_worker'];

/** 导出台账 of a list page: the office's own place's ledger (.xlsx), for whoever may export it. */
export function LedgerExport({ subject, ledger, testId }: { subject: 'need' | 'resource' | 'partner_unit'; ledger: 'needs' | 'resources' | 'partner-units'; testId: string }) {
  const t = useT();
  const { can } = useSession();
  const office = useMe().roles.find((r) => OFFICES.includes(r.role));
  if (!office || !can(subject, 'export')) return null;
  return <LedgerButton href={`/api/${ledger}.xlsx?placeId=${encodeURIComponent(office.placeId)}`} fallbackName={`${ledger}.xlsx`} testId={testId}>{t('threeLists.export')}</LedgerButton>;
}
