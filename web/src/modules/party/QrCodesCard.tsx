import { Card, List, Space } from 'antd';
import { LedgerButton } from '../../app/components/LedgerButton';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { identityApi } from './identityApi';
import { useCommunityChoice } from './useCommunityChoice';

/** 码上通 for staff: the A4 sheet of a community's QR codes to print, and each compound's public page to check. */
export function QrCodesCard() {
  const t = useT();
  const { placeId, picker } = useCommunityChoice('qr-community');
  const codes = useLoad(() => (placeId ? identityApi.codes(placeId) : Promise.resolve(undefined)), [placeId]);
  const compounds = (codes.data?.items ?? []).filter((c) => c.level === 'compound');
  return (
    <Card size="small" title={t('showIdentity.qrCodes')} style={{ marginBottom: 12 }} data-testid="qr-codes">
      <Space wrap style={{ marginBottom: 8 }}>
        {picker}
        <LedgerButton href={placeId ? identityApi.sheetHref(placeId) : undefined} fallbackName="qr-sheet.pdf" testId="qr-sheet">{t('showIdentity.qrSheet')}</LedgerButton>
      </Space>
      <List size="small" loading={codes.loading} dataSource={compounds} renderItem={(c) => (
        <List.Item data-testid="qr-code-row" data-key={c.key} actions={[<a key="open" href={`/q/${c.key}`} target="_blank" rel="noreferrer">{t('showIdentity.openPage')}</a>]}>{c.label}</List.Item>
      )} />
    </Card>
  );
}
