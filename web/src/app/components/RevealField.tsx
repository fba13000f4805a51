import { EyeOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Revealed } from '../api/types';
import { useNotify } from '../hooks/useNotify';
import { useT } from '../i18n/I18nProvider';
import { validated } from '../forms';

interface ButtonProps {
  /** What is revealed, for the modal title (e.g. the phone label). */
  label: string;
  /** Asks the server with the reason given (the server logs the reveal). */
  onReveal: (reason: string) => Promise<void>;
  testId?: string;
}

/** The reveal link and its modal asking for a reason: whatever is masked, a field or a timeline entry's text. */
export function RevealButton({ label, onReveal, testId }: ButtonProps) {
  const t = useT();
  const { error } = useNotify();
  const [form] = Form.useForm<{ reason: string }>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const values = await validated(form);
    if (!values) return;
    setBusy(true);
    try {
      await onReveal(values.reason.trim());
      setOpen(false);
    } catch (err) {
      error(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => setOpen(true)} data-testid={testId && `${testId}-reveal`}>
        {t('common.reveal')}
      </Button>
      <Modal open={open} title={t('common.revealTitle', { field: label })} onOk={submit} onCancel={() => setOpen(false)}
        confirmLoading={busy} destroyOnHidden okText={t('common.ok')} cancelText={t('common.cancel')}>
        <Typography.Paragraph type="secondary">{t('common.revealHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('common.reason')}
            rules={[{ required: true, whitespace: true, min: 2, message: t('common.reasonRequired') }]}>
            <Input.TextArea rows={2} maxLength={500} placeholder={t('common.reasonPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

interface Props {
  /** The masked value as lists show it. */
  masked: string | null;
  /** What is revealed, for the modal title (e.g. the phone label). */
  label: string;
  canReveal: boolean;
  reveal: (reason: string) => Promise<Revealed>;
  testId?: string;
  /** Long text (a description) keeps its line breaks. */
  multiline?: boolean;
}

/** A masked personal field; revealing it asks for a reason (the server logs the reveal) and then shows the value. */
export function RevealField({ masked, label, canReveal, reveal, testId, multiline }: Props) {
  const t = useT();
  const [value, setValue] = useState<string | null>(null);
  const style = multiline ? { whiteSpace: 'pre-wrap' as const } : undefined;

  if (!masked) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  if (value !== null) return <Typography.Text copyable style={style} data-testid={testId && `${testId}-value`}>{value}</Typography.Text>;

  return (
    <Space size={4} wrap>
      <Typography.Text style={style} data-testid={testId && `${testId}-masked`}>{masked}</Typography.Text>
      {canReveal && <RevealButton label={label} testId={testId} onReveal={async (reason) => setValue((await reveal(reason)).value)} />}
    </Space>
  );
}
