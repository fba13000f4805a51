import { Typography } from 'antd';
import { useT } from '../../app/i18n/I18nProvider';

/** An office's name and, when it had nothing to count this month, why it has no rank. */
export function OfficeName({ name, ranked }: { name: string; ranked: boolean }) {
  const t = useT();
  return (
    <>
      <span data-testid="office-name">{name}</span>
      {!ranked && <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }} data-testid="not-ranked">{t('rates.notRanked')}</Typography.Text>}
    </>
  );
}
