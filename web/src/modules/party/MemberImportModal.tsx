import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Result, Spin, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, type RowError } from '../../app/api/client';
import { uploadFile } from '../../app/api/upload';
import { useNotify } from '../../app/hooks/useNotify';
import { useI18n } from '../../app/i18n/I18nProvider';
import { memberApi } from './api';

type Phase = { step: 'choose' } | { step: 'busy' } | { step: 'done'; created: number; updated: number } | { step: 'rejected'; errors: RowError[]; text: string };

/** Uploads the party-member roster of my area: all rows or none, every bad row listed. */
export function MemberImportModal({ placeId, onClose, onDone }: { placeId: string; onClose: () => void; onDone: () => void }) {
  const { t, pick } = useI18n();
  const { errorText } = useNotify();
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const upload = async (file: File) => {
    setPhase({ step: 'busy' });
    try {
      const r = await uploadFile<{ created: number; updated: number }>(memberApi.importUrl(placeId), file, 'file', { onProgress: () => undefined, onUploaded: () => undefined });
      setPhase({ step: 'done', ...r });
      onDone();
    } catch (err) {
      setPhase({ step: 'rejected', errors: err instanceof ApiError ? err.errors : [], text: errorText(err) });
    }
  };
  return (
    <Modal open title={t('partyMember.import')} onCancel={onClose} footer={<Button onClick={onClose}>{t('common.close')}</Button>} destroyOnHidden width={640}>
      {phase.step === 'busy' && <Spin size="large"><div style={{ height: 120 }} /></Spin>}
      {phase.step === 'done' && <Result status="success" data-testid="member-import-done" title={t('partyMember.imported', { created: phase.created, updated: phase.updated })} />}
      {phase.step === 'rejected' && (
        <div data-testid="member-import-rejected">
          <Alert type="error" showIcon title={phase.errors.length ? t('partyMember.badRows') : phase.text} style={{ marginBottom: 12 }} />
          {phase.errors.length > 0 && <Table<RowError> size="small" rowKey={(e) => `${e.row}-${e.field}`} dataSource={phase.errors} pagination={false}
            columns={[{ title: t('partyMember.row'), dataIndex: 'row', width: 70 }, { title: t('partyMember.field'), dataIndex: 'field', width: 110 },
              { title: t('partyMember.reason'), render: (_, e) => pick(e.message) }]} />}
          <Button style={{ marginTop: 12 }} onClick={() => setPhase({ step: 'choose' })}>{t('partyMember.choose')}</Button>
        </div>
      )}
      {phase.step === 'choose' && <>
        <Typography.Paragraph type="secondary">{t('partyMember.importHint')}</Typography.Paragraph>
        <Upload.Dragger accept=".xlsx" multiple={false} showUploadList={false} beforeUpload={(file) => { void upload(file); return false; }}>
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">{t('partyMember.choose')}</p>
        </Upload.Dragger>
      </>}
    </Modal>
  );
}
