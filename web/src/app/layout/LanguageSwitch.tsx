import { Segmented } from 'antd';
import { api } from '../api/client';
import { useNotify } from '../hooks/useNotify';
import { useI18n } from '../i18n/I18nProvider';
import type { Locale } from '../i18n/types';

/** Chinese / English; remembered in this browser and, when signed in, on the user's account. */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const { locale, setLocale, t } = useI18n();
  const { error } = useNotify();
  const change = (next: Locale) => {
    setLocale(next);
    if (signedIn) api.put('/api/me/locale', { locale: next }).catch(error);
  };
  return (
    <Segmented<Locale>
      size="small"
      aria-label={t('lang.switch')}
      value={locale}
      onChange={change}
      options={[
        { label: t('lang.zh'), value: 'zh-CN' },
        { label: t('lang.en'), value: 'en' },
      ]}
    />
  );
}
