import { createContext, useCallback, useContext, useMemo, useRef, useState, type DependencyList, type ReactNode } from 'react';
import { errorMessage } from '../app/api/client';
import { useLoadWith, type Loaded } from '../app/hooks/useLoad-core';
import { useI18n } from './i18n';

/** The light pages' few components: plain elements styled by h5.css. */

interface Toast { id: number; kind: 'error' | 'success'; text: string }
const NoticeContext = createContext<(kind: Toast['kind'], text: string) => void>(() => undefined);

/** Short messages at the top of the screen (role="alert" for errors), gone after three seconds. */
export function Notices({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(0);
  const show = useCallback((kind: Toast['kind'], text: string) => {
    const id = ++next.current;
    setToasts((all) => [...all, { id, kind, text }]);
    setTimeout(() => setToasts((all) => all.filter((x) => x.id !== id)), 3000);
  }, []);
  return (
    <NoticeContext.Provider value={show}>
      {children}
      <div className="toasts">
        {toasts.map((x) => <div key={x.id} className={`toast ${x.kind}`} role={x.kind === 'error' ? 'alert' : 'status'} data-testid={`toast-${x.kind}`}>{x.text}</div>)}
      </div>
    </NoticeContext.Provider>
  );
}

/** Errors and confirmations in the chosen language: the server's own sentence when it gave one. */
export function useNotify() {
  const show = useContext(NoticeContext);
  const { t, pick } = useI18n();
  return useMemo(() => {
    const errorText = (err: unknown) => {
      const m = errorMessage(err);
      return typeof m === 'string' ? t(m) : pick(m);
    };
    return { errorText, error: (err: unknown) => show('error', errorText(err)), success: (text: string) => show('success', text) };
  }, [show, t, pick]);
}

/** Runs `load` whenever deps change; failures are told to the user. */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList, enabled = true): Loaded<T> {
  const { error } = useNotify();
  return useLoadWith(load, deps, enabled, error);
}

export const Spinner = () => <div className="spinner" role="progressbar" aria-busy="true" />;

export function Card({ title, extra, children, testId }: { title?: ReactNode; extra?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className="card" data-testid={testId}>
      {title !== undefined && <header><h2>{title}</h2>{extra}</header>}
      <div className="card-body">{children}</div>
    </section>
  );
}

/** A labelled form field with what is wrong with it underneath. */
export function Field({ id, label, error, children, required }: { id?: string; label: ReactNode; error?: string | null; children: ReactNode; required?: boolean }) {
  const mark = required && <span className="req" aria-hidden>*</span>;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      {/* Without a control of its own (a group of radios), the label is a caption. */}
      {id ? <label htmlFor={id}>{mark}{label}</label> : <div className="caption">{mark}{label}</div>}
      {children}
      {error && <div className="field-error" role="alert">{error}</div>}
    </div>
  );
}

export function Button({ primary, block, busy, children, ...rest }: { primary?: boolean; block?: boolean; busy?: boolean } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button type="button" className={['btn', primary && 'primary', block && 'block'].filter(Boolean).join(' ')} disabled={busy || rest.disabled} aria-busy={busy || undefined} {...rest}>
      {children}
    </button>
  );
}

/** The red bar at the top of every light page: its title and the language switch. */
export function TopBar({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return <div className="topbar"><h1>{title}</h1>{children}</div>;
}
