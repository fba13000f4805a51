import { App } from 'antd';
import { useCallback } from 'react';
import { errorMessage } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';

/** Every error reaches the user through antd's message, in the chosen language. */
export function useNotify() {
  const { message } = App.useApp();
  const { t, pick } = useI18n();
  const errorText = useCallback(
    (err: unknown): string => {
      const m = errorMessage(err);
      return typeof m === 'string' ? t(m) : pick(m);
    },
    [t, pick],
  );
  const error = useCallback((err: unknown) => void message.error(errorText(err)), [message, errorText]);
  const success = useCallback((text: string) => void message.success(text), [message]);
  return { error, success, errorText };
}
