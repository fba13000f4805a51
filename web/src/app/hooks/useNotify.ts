import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';

/** Every error reaches the user through antd's message, in the chosen language. */
export function useNotify() {
  const { message } = App.useApp();
  const { t, pick } = useI18n();
  const errorText = useCallback(
    (err: unknown): string => {
      if (err instanceof ApiError) {
        if (err.status === 0) return t('common.networkError');
        if (err.messages) return pick(err.messages);
      }
      return t('common.unknownError');
    },
    [t, pick],
  );
  const error = useCallback((err: unknown) => void message.error(errorText(err)), [message, errorText]);
  const success = useCallback((text: string) => void message.success(text), [message]);
  return { error, success, errorText };
}
