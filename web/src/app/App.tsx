import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { BrowserRouter } from 'react-router';
import { catalogues } from './i18n/catalogues';
import { I18nProvider, useI18n } from './i18n/I18nProvider';
import { AppRoutes } from './router';
import { SessionProvider } from './session/SessionProvider';

// zeroRuntime: component styles come from antd's prebuilt stylesheet (imported in main.tsx) instead of being generated
// in the browser on first render, which cost a few hundred milliseconds on a cold start; the tokens below still apply
// through the CSS variables that ConfigProvider writes.
const theme = { zeroRuntime: true, token: { colorPrimary: '#c8161d', borderRadius: 6 } };
// Every dialog here holds work in progress (a form, an import preview, a drawing): a click beside it does not close it,
// so a stray click, or one that lands there as the dialog grows, loses nothing. Esc, × and the buttons still close it.
const modal = { mask: { closable: false } };

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={theme} modal={modal}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider dictionaries={catalogues}>
      <LocalizedAntd>
        <BrowserRouter>
          <SessionProvider>
            <AppRoutes />
          </SessionProvider>
        </BrowserRouter>
      </LocalizedAntd>
    </I18nProvider>
  );
}
