import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, forgetPrefetched, setUnauthorizedHandler } from '../api/client';
import type { Me } from '../api/types';
import { storedLocale, useI18n } from '../i18n/I18nProvider';
import type { Locale } from '../i18n/types';

interface Session {
  /** undefined while the first /api/me is on its way; null when nobody is signed in. */
  me: Me | null | undefined;
  refresh: () => Promise<Me | null>;
  signOut: () => Promise<void>;
  can: (subject: string, action: string) => boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const { setLocale } = useI18n();

  const refresh = useCallback(async () => {
    try {
      const next = await api.get<Me>('/api/me');
      // The server remembers the language for users who have not picked one on this browser.
      if (!storedLocale() && (next.user.locale === 'en' || next.user.locale === 'zh-CN')) setLocale(next.user.locale as Locale);
      setMe(next);
      return next;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        setMe(null);
        return null;
      }
      throw err;
    }
  }, [setLocale]);

  useEffect(() => {
    setUnauthorizedHandler(() => setMe(null));
    refresh().catch(() => setMe(null));
    return () => setUnauthorizedHandler(null);
  }, [refresh]);

  const signOut = useCallback(async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    forgetPrefetched();
    setMe(null);
  }, []);

  const value = useMemo<Session>(
    () => ({ me, refresh, signOut, can: (subject, action) => Boolean(me?.abilities[subject]?.includes(action)) }),
    [me, refresh, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in user; only for pages rendered behind RequireAuth. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}
