import { InboxOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, Form, Modal, Result, Select, Space, Spin, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { HOTLINE_FIELDS, type HotlineColumn, type HotlineField, type HotlinePreview, type HotlineSource } from '../../../../contracts/hotline';
import { api, ApiError, type RowError } from '../../app/api/client';
import { uploadFile } from '../../app/api/upload';
import { useLoad } from '../../app/hooks/useLoad';
import { useNotify } from '../../app/hooks/useNotify';
import { useI18n } from '../../app/i18n/I18nProvider';
import { localTime } from '../timeline/format';

type Phase =
  | { step: 'choose' }
  | { step: 'busy' }
  | { step: 'mapping'; preview: HotlinePreview; columns: HotlineColumn[] }
  | { step: 'done'; created: number; duplicates: number }
  | { step: 'rejected'; errors: RowError[]; text: string };

const DEFAULT_SOURCE = '市12345平台';
const IMPORT_URL = '/api/hotline/import';

type Sample = HotlinePreview['samples'][number];

/** The first rows as a mapping reads them: each field's column (a category from several columns, joined as the server does). */
function readRows(samples: Sample[], columns: HotlineColumn[]): { row: number; values: Partial<Record<HotlineField, string>> }[] {
  return samples.map((s) => {
    const values: Partial<Record<HotlineField, string>> = {};
    for (const c of columns) {
      const text = c.field ? s.cells[c.column]?.trim() : '';
      if (c.field && text) values[c.field] = values[c.field] ? `${values[c.field]} / ${text}` : text;
    }
    return { row: s.row, values };
  });
}

/** A column's first few values, to tell what it holds. */
const sampleOf = (samples: Sample[], column: string) => samples.map((s) => s.cells[column]?.trim()).filter(Boolean).slice(0, 2).join(';');

/**
 * Imports a 12345 export as the platform emits it: the server proposes which column feeds which field (remembered for the
 * source, else by the headers' synonyms); staff correct it once, and the next file with the same headers goes in unasked.
 */
export function HotlineImportModal({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t, tr, pick } = useI18n();
  const { errorText } = useNotify();
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const [source, setSource] = useState(DEFAULT_SOURCE);
  const [file, setFile] = useState<File | null>(null);
  const hooks = { onProgress: () => undefined, onUploaded: () => undefined };
  const sources = useLoad(() => api.get<{ items: HotlineSource[] }>('/api/hotline/sources'), []);
  const fail = (err: unknown) => setPhase({ step: 'rejected', errors: err instanceof ApiError ? err.errors : [], text: errorText(err) });

  const send = async (f: File, mapping?: HotlineColumn[]) => {
    setPhase({ step: 'busy' });
    try {
      const fields: Record<string, string> = { source: source.trim() || DEFAULT_SOURCE };
      if (mapping) fields.mapping = JSON.stringify(mapping.map((c) => ({ header: c.header, field: c.field })));
      const result = await uploadFile<{ created: number; duplicates: number }>(IMPORT_URL, f, 'file', hooks, fields);
      setPhase({ step: 'done', ...result });
      onDone();
    } catch (err) {
      fail(err);
    }
  };

  const choose = async (f: File) => {
    setFile(f);
    setPhase({ step: 'busy' });
    try {
      const preview = await uploadFile<HotlinePreview>(`${IMPORT_URL}/preview`, f, 'file', hooks, { source: source.trim() || DEFAULT_SOURCE });
      // The source's remembered mapping fits these headers: nothing to ask.
      if (preview.remembered && preview.missing.length === 0) await send(f);
      else setPhase({ step: 'mapping', preview, columns: preview.columns });
    } catch (err) {
      fail(err);
    }
  };

  const fieldName = (f: HotlineField) => tr(`hotlineField.${f}`, f);
  const body = (() => {
    switch (phase.step) {
      case 'busy':
        return <Spin description={t('hotline.processing')} size="large" data-testid="hotline-processing"><div style={{ height: 120 }} /></Spin>;
      case 'mapping': {
        const missing = HOTLINE_FIELDS.filter((f) => phase.preview.missing.includes(f) && !phase.columns.some((c) => c.field === f));
        const setField = (column: string, field: HotlineField | null) =>
          setPhase({ ...phase, columns: phase.columns.map((c) => (c.column === column ? { ...c, field, matched: 'chosen' } : c)) });
        const samples = phase.preview.samples;
        const shownFields = HOTLINE_FIELDS.filter((f) => phase.columns.some((c) => c.field === f));
        return (
          <div data-testid="hotline-mapping">
            <Typography.Paragraph type="secondary">{t('hotline.mappingHint', { total: phase.preview.total })}</Typography.Paragraph>
            {missing.length > 0 && (
              <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="hotline-missing"
                title={t('hotline.missing', { fields: missing.map(fieldName).join('、') })} />
            )}
            <Table<HotlineColumn> size="small" rowKey="column" pagination={false} dataSource={phase.columns} scroll={{ y: 360 }}
              onRow={(c) => ({ 'data-testid': 'mapping-row', 'data-header': c.header }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { key: 'column', title: t('hotline.column'), width: 60, dataIndex: 'column' },
                { key: 'header', title: t('hotline.header'), dataIndex: 'header', width: 140 },
                { key: 'sample', title: t('hotline.sample'), ellipsis: true, render: (_, c) => <Typography.Text type="secondary">{sampleOf(samples, c.column)}</Typography.Text> },
                {
                  key: 'field', title: t('hotline.field'), width: 220, render: (_, c) => (
                    <Select style={{ width: '100%' }} value={c.field ?? ''} data-testid={`mapping-${c.column}`} onChange={(v: string) => setField(c.column, (v || null) as HotlineField | null)}
                      options={[{ value: '', label: t('hotline.ignore') }, ...HOTLINE_FIELDS.map((f) => ({ value: f, label: fieldName(f) }))]} />
                  ),
                },
                { key: 'matched', title: t('hotline.matched'), width: 100, render: (_, c) => c.matched && c.field && <Tag>{t(`hotline.how.${c.matched}`)}</Tag> },
              ]} />
            {samples.length > 0 && shownFields.length > 0 && (
              <>
                <Typography.Title level={5} style={{ marginTop: 16 }}>{t('hotline.previewRows', { count: samples.length })}</Typography.Title>
                <Table size="small" rowKey="row" pagination={false} dataSource={readRows(samples, phase.columns)} scroll={{ x: shownFields.length * 140 }}
                  data-testid="hotline-preview-rows"
                  columns={[
                    { key: 'row', title: t('hotline.row'), dataIndex: 'row', width: 56, fixed: 'left' },
                    ...shownFields.map((f) => ({ key: f, title: fieldName(f), width: 140, ellipsis: true, render: (_: unknown, r: ReturnType<typeof readRows>[number]) => r.values[f] ?? '' })),
                  ]} />
              </>
            )}
            <Space style={{ marginTop: 12 }}>
              <Button type="primary" disabled={missing.length > 0} data-testid="hotline-import" onClick={() => void (file && send(file, phase.columns))}>
                {t('hotline.import')}
              </Button>
              <Button onClick={() => setPhase({ step: 'choose' })}>{t('hotline.chooseAgain')}</Button>
            </Space>
          </div>
        );
      }
      case 'done':
        return <Result status="success" title={t('hotline.done')} data-testid="hotline-done" subTitle={t('hotline.summary', { created: phase.created, duplicates: phase.duplicates })} />;
      case 'rejected':
        return (
          <div data-testid="hotline-rejected">
            <Alert type="error" showIcon title={phase.errors.length ? t('hotline.badRows') : phase.text} style={{ marginBottom: 12 }} />
            {phase.errors.length > 0 && (
              <Table<RowError> size="small" rowKey={(e) => `${e.row}-${e.field}`} dataSource={phase.errors} data-testid="hotline-errors"
                pagination={phase.errors.length > 10 ? { pageSize: 10, size: 'small' } : false}
                columns={[
                  { key: 'row', title: t('hotline.row'), dataIndex: 'row', width: 70 },
                  { key: 'column', title: t('hotline.column'), width: 60, dataIndex: 'column' },
                  { key: 'field', title: t('hotline.field'), width: 110, render: (_, e) => fieldName(e.field as HotlineField) },
                  { key: 'reason', title: t('hotline.reason'), render: (_, e) => pick(e.message) },
                ]} />
            )}
            <Button style={{ marginTop: 12 }} onClick={() => setPhase({ step: 'choose' })}>{t('hotline.chooseAgain')}</Button>
          </div>
        );
      default:
        return (
          <>
            <Form layout="vertical">
              <Form.Item label={t('hotline.source')} extra={t('hotline.sourceHint')}>
                <AutoComplete value={source} maxLength={50} onChange={(v: string) => setSource(v)} data-testid="hotline-source"
                  placeholder={t('hotline.sourcePlaceholder')} showSearch={{ filterOption: false }}
                  options={(sources.data?.items ?? []).map((s) => ({
                    value: s.name,
                    label: <Space><span>{s.name}</span><Typography.Text type="secondary">{t('hotline.savedSource', { mapped: s.mapped, time: localTime(s.updatedAt) })}</Typography.Text></Space>,
                  }))} />
              </Form.Item>
            </Form>
            <Upload.Dragger accept=".xlsx" multiple={false} showUploadList={false} data-testid="hotline-upload"
              beforeUpload={(f) => { void choose(f); return false; }}>
              <p className="ant-upload-drag-icon"><InboxOutlined /></p>
              <p className="ant-upload-text">{t('hotline.choose')}</p>
            </Upload.Dragger>
          </>
        );
    }
  })();

  return (
    <Modal open title={t('hotline.title')} onCancel={phase.step === 'busy' ? undefined : onClose} closable={phase.step !== 'busy'} destroyOnHidden width={760}
      footer={<Button onClick={onClose} disabled={phase.step === 'busy'} data-testid="hotline-close">{t('common.close')}</Button>}>
      {body}
    </Modal>
  );
}
