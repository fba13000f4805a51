import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Progress, Radio, Result, Space, Spin, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { Place } from '../../app/api/types';
import { useNotify } from '../../app/hooks/useNotify';
import { useI18n } from '../../app/i18n/I18nProvider';
import { GeometryApiError, geometryApi, postJsonWithProgress, type Crs, type GeometryImportReport, type GeometryImportResult } from './geometry-api';

type Phase =
  | { step: 'choose'; error?: string }
  | { step: 'uploading'; percent: number; importing: boolean }
  | { step: 'processing'; importing: boolean }
  | { step: 'preview'; report: GeometryImportReport }
  | { step: 'done'; result: GeometryImportResult }
  | { step: 'rejected'; report: GeometryImportReport | null; text: string };

interface Row { key: string; index: number; ref: string; name: string; status: 'changed' | 'unchanged' | 'unmatched' | 'invalid'; reason: string }

/**
 * Imports boundaries and points from a GeoJSON file: the file is read in the browser, previewed by the server (nothing
 * written: matched and changed, unmatched, invalid with the reason, overlaps with siblings), then imported all or nothing;
 * a refused import shows the server's report. A progress bar while the file goes up, a spinner while the server checks.
 */
export function GeometryImportModal({ place, onClose, onDone }: { place: Place; onClose: () => void; onDone: () => void }) {
  const { t, pick } = useI18n();
  const { errorText } = useNotify();
  const [crs, setCrs] = useState<Crs>('WGS84');
  const [text, setText] = useState<{ name: string; body: string } | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const busy = phase.step === 'uploading' || phase.step === 'processing';

  const send = async <T,>(url: string, body: string, importing: boolean): Promise<T> => {
    setPhase({ step: 'uploading', percent: 0, importing });
    return postJsonWithProgress<T>(url, body, {
      onProgress: (percent) => setPhase((p) => (p.step === 'uploading' ? { step: 'uploading', percent, importing } : p)),
      onUploaded: () => setPhase({ step: 'processing', importing }),
    });
  };
  const refused = (err: unknown) => {
    const report = err instanceof GeometryApiError ? (err.body?.report as GeometryImportReport | undefined) ?? null : null;
    setPhase({ step: 'rejected', report, text: errorText(err) });
  };

  const preview = async (file: File) => {
    const body = await file.text();
    try {
      JSON.parse(body);
    } catch {
      setPhase({ step: 'choose', error: t('geometryImport.notJson') });
      return;
    }
    setText({ name: file.name, body });
    try {
      setPhase({ step: 'preview', report: await send<GeometryImportReport>(geometryApi.previewUrl(crs), body, false) });
    } catch (err) {
      refused(err);
    }
  };
  const runImport = async () => {
    if (!text) return;
    try {
      const result = await send<GeometryImportResult>(geometryApi.importUrl(crs), text.body, true);
      setPhase({ step: 'done', result });
      onDone();
    } catch (err) {
      refused(err);
    }
  };

  const rows = (report: GeometryImportReport): Row[] => [
    ...report.matched.map((m) => ({ key: `m${m.index}`, index: m.index, ref: m.ref, name: m.name, status: m.changed ? 'changed' as const : 'unchanged' as const, reason: '' })),
    ...report.unmatched.map((u) => ({ key: `u${u.index}`, index: u.index, ref: u.ref ?? '', name: '', status: 'unmatched' as const, reason: pick(u.message) })),
    ...report.invalid.map((i) => ({ key: `i${i.index}`, index: i.index, ref: i.ref ?? '', name: '', status: 'invalid' as const, reason: pick(i.message) })),
  ].sort((a, b) => a.index - b.index);
  const STATUS_COLOUR = { changed: 'blue', unchanged: 'default', unmatched: 'orange', invalid: 'red' } as const;

  const reportView = (report: GeometryImportReport, testId: string) => {
    const names = new Map(report.matched.map((m) => [m.placeId, m.name]));
    const wrong = report.unmatched.length + report.invalid.length;
    return (
      <div data-testid={testId}>
        <Space wrap style={{ marginBottom: 8 }} data-testid="geometry-import-summary">
          <Tag color="blue">{t('geometryImport.changedCount', { count: report.matched.filter((m) => m.changed).length })}</Tag>
          <Tag>{t('geometryImport.unchangedCount', { count: report.matched.filter((m) => !m.changed).length })}</Tag>
          <Tag color="orange">{t('geometryImport.unmatchedCount', { count: report.unmatched.length })}</Tag>
          <Tag color="red">{t('geometryImport.invalidCount', { count: report.invalid.length })}</Tag>
          <Tag>{report.crs === 'GCJ02' ? 'GCJ-02' : 'WGS-84'}</Tag>
        </Space>
        {wrong > 0 && <Alert type="error" showIcon title={t('geometryImport.willRefuse', { count: wrong })} style={{ marginBottom: 8 }} />}
        {report.overlaps.length > 0 && (
          <Alert type="warning" showIcon style={{ marginBottom: 8 }} data-testid="geometry-import-overlaps" title={t('geometryImport.overlapsTitle')}
            description={report.overlaps.map((o) => (
              <div key={`${o.placeId}-${o.siblingId}`}>
                {t('geometryImport.overlap', { name: names.get(o.placeId) ?? o.placeId, sibling: o.siblingName, area: Math.round(o.squareMetres).toLocaleString() })}
              </div>
            ))} />
        )}
        <Table<Row>
          size="small" rowKey="key" dataSource={rows(report)} data-testid="geometry-import-rows"
          pagination={report.matched.length + wrong > 10 ? { pageSize: 10, size: 'small' } : false}
          columns={[
            { key: 'index', title: t('geometryImport.feature'), render: (_, r) => r.index + 1, width: 70 },
            { key: 'ref', title: t('geometryImport.ref'), dataIndex: 'ref', width: 160 },
            { key: 'name', title: t('place.name'), dataIndex: 'name', width: 140 },
            { key: 'status', title: t('geometryImport.status'), width: 90, render: (_, r) => <Tag color={STATUS_COLOUR[r.status]}>{t(`geometryImport.${r.status}`)}</Tag> },
            { key: 'reason', title: t('geometryImport.reason'), dataIndex: 'reason' },
          ]}
        />
      </div>
    );
  };

  const body = (() => {
    switch (phase.step) {
      case 'uploading':
        return (
          <div data-testid="geometry-import-uploading">
            <Typography.Text>{t('geometryImport.uploading')}</Typography.Text>
            <Progress percent={phase.percent} status="active" />
          </div>
        );
      case 'processing':
        return (
          <Spin description={t(phase.importing ? 'geometryImport.importing' : 'geometryImport.checking')} size="large" data-testid="geometry-import-processing">
            <div style={{ height: 120 }} />
          </Spin>
        );
      case 'preview':
        return reportView(phase.report, 'geometry-import-preview');
      case 'done':
        return (
          <Result status="success" title={t('geometryImport.done')} data-testid="geometry-import-done"
            subTitle={t('geometryImport.doneSummary', { changed: phase.result.changed, unchanged: phase.result.unchanged })} />
        );
      case 'rejected':
        return (
          <div data-testid="geometry-import-rejected">
            <Alert type="error" showIcon title={phase.text} style={{ marginBottom: 12 }} />
            {phase.report && reportView(phase.report, 'geometry-import-report')}
          </div>
        );
      default:
        return (
          <>
            <Typography.Paragraph type="secondary">{t('geometryImport.hint')}</Typography.Paragraph>
            <Space style={{ marginBottom: 12 }}>
              <Typography.Text>{t('geometryImport.crs')}</Typography.Text>
              <Radio.Group value={crs} onChange={(e) => setCrs(e.target.value)} data-testid="geometry-import-crs"
                options={[{ value: 'WGS84', label: t('geometryImport.wgs84') }, { value: 'GCJ02', label: t('geometryImport.gcj02') }]} />
            </Space>
            {phase.error && <Alert type="error" showIcon title={phase.error} style={{ marginBottom: 12 }} />}
            <Upload.Dragger accept=".geojson,.json,application/geo+json,application/json" multiple={false} showUploadList={false} data-testid="geometry-import-upload"
              beforeUpload={(file) => { void preview(file); return false; }}>
              <p className="ant-upload-drag-icon"><InboxOutlined /></p>
              <p className="ant-upload-text">{t('geometryImport.choose')}</p>
            </Upload.Dragger>
          </>
        );
    }
  })();

  const footer = (
    <Space>
      {(phase.step === 'preview' || phase.step === 'rejected') && (
        <Button onClick={() => setPhase({ step: 'choose' })} data-testid="geometry-import-again">{t('geometryImport.chooseAgain')}</Button>
      )}
      {phase.step === 'preview' && (
        <Button type="primary" onClick={() => void runImport()} data-testid="geometry-import-confirm">{t('geometryImport.confirm')}</Button>
      )}
      <Button onClick={onClose} disabled={busy} data-testid="geometry-import-close">{t('common.close')}</Button>
    </Space>
  );

  return (
    <Modal open title={`${t('geometryImport.title')} · ${place.name}${text ? ` · ${text.name}` : ''}`} onCancel={busy ? undefined : onClose} closable={!busy}
      footer={footer} destroyOnHidden width={760}>
      {body}
    </Modal>
  );
}
