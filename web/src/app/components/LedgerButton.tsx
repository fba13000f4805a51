import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState, type ReactNode } from 'react';
import { downloadFile } from '../api/download';
import { useNotify } from '../hooks/useNotify';

interface Props {
  /** The export address; undefined while something it needs is not chosen yet. */
  href: string | undefined;
  /** Used only when the server names no file (it names ledgers in Chinese, Content-Disposition `filename*`). */
  fallbackName: string;
  children: ReactNode;
  testId?: string;
  type?: 'primary' | 'default';
}

/** Exports a ledger (台账) as .xlsx: a spinner while the server builds it, then how much has arrived. */
export function LedgerButton({ href, fallbackName, children, testId, type }: Props) {
  const { error } = useNotify();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const run = async () => {
    if (!href) return;
    setBusy(true);
    setProgress(null);
    await downloadFile(href, fallbackName, setProgress).catch(error);
    setBusy(false);
  };
  return (
    <Button type={type} icon={<DownloadOutlined />} loading={busy} disabled={!href} onClick={() => void run()} data-testid={testId}>
      {children}
      {busy && progress !== null && ` ${Math.round(progress * 100)}%`}
    </Button>
  );
}
