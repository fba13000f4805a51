import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Progress, Result, Spin, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, type RowError } from '../../app/api/client';
import type { Place } from '../../app/api/types';
import { uploadFile } from '../../app/api/upload';
import { useNotify } from '../../app/hooks/useNotify';
import { useI18n } from '../../app/i18n/I18nProvider';
import { placesApi, type RosterResult } from './api';

type Phase =
  | { step: 'choose' }
  | { step: 'uploading'; percent: number }
  | { step: 'processing' }
  | { step: 'done'; result: RosterResult }
  | { step: 'rejected'; errors: RowError[]; text: string };

/** Uploads a compound's roster: a progress bar while it goes up, a spinner while the server checks every row. */
export function RosterImportModal({ place, onClose, onDone }: { place: Place; onClose: () => void; onDone: () => void }) {
  const { t, tr, pick } = useI18n();
  const { errorText } = useNotify();
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const busy = phase.step === 'uploading' || phase.step === 'processing';

  const upload = async (file: File) => {
    setPhase({ step: 'uploading', percent: 0 });
    try {
      const result = await uploadFile<RosterResult>(placesApi.rosterUrl(place.id), file, 'file', {
        onProgress: (percent) => setPhase((p) => (p.step === 'uploading' ? { step: 'uploading', percent } : p)),
        onUploaded: () => setPhase({ step: 'processing' }),
      });
      setPhase({ step: 'done', result });
      onDone();
    } catch (err) {
      setPhase({ step: 'rejected', errors: err instanceof ApiError ? err.errors : [], text: errorText(err) });
    }
  };

  const body = (() => {
    switch (phase.step) {
      case 'uploading':
        return (
          <div data-testid="roster-uploading">
            <Typography.Text>{t('roster.uploading')}</Typography.Text>
            <Progress percent={phase.percent} status="active" />
          </div>
        );
      case 'processing':
        return <Spin description={t('roster.processing')} size="large" data-testid="roster-processing"><div style={{ height: 120 }} /></Spin>;
      case 'done': {
        const { created, updated } = phase.result;
        return <Result status="success" title={t('roster.done')} data-testid="roster-done"
          subTitle={t('roster.summary', { ...created, updated })} />;
      }
      case 'rejected':
        return (
          <div data-testid="roster-rejected">
            <Alert type="error" showIcon title={phase.errors.length ? t('roster.badRows') : phase.text} style={{ marginBottom: 12 }} />
            {phase.errors.length > 0 && (
              <Table<RowError>
                size="small"
                rowKey={(e) => `${e.row}-${e.field}`}
                dataSource={phase.errors}
                pagination={phase.errors.length > 10 ? { pageSize: 10, size: 'small' } : false}
                columns={[
                  { key: 'row', title: t('roster.row'), dataIndex: 'row', width: 70 },
                  { key: 'field', title: t('roster.field'), render: (_, e) => tr(`roster.fields.${e.field}`, e.field), width: 110 },
                  { key: 'reason', title: t('roster.reason'), render: (_, e) => pick(e.message) },
                ]}
                data-testid="roster-errors"
              />
            )}
            <Button style={{ marginTop: 12 }} onClick={() => setPhase({ step: 'choose' })}>{t('roster.choose')}</Button>
          </div>
        );
      default:
        return (
          <>
            <Typography.Paragraph type="secondary">{t('roster.hint')}</Typography.Paragraph>
            <Upload.Dragger accept=".xlsx" multiple={false} showUploadList={false} data-testid="roster-upload"
              beforeUpload={(file) => { void upload(file); return false; }}>
              <p className="ant-upload-drag-icon"><InboxOutlined /></p>
              <p className="ant-upload-text">{t('roster.choose')}</p>
            </Upload.Dragger>
          </>
        );
    }
  })();

  return (
    <Modal open title={`${t('roster.title')} · ${place.name}`} onCancel={busy ? undefined : onClose} closable={!busy}
      footer={<Button onClick={onClose} disabled={busy} data-testid="roster-close">{t('common.close')}</Button>} destroyOnHidden width={640}>
      {body}
    </Modal>
  );
}
