import { Alert, Button, Form, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNotify } from '../../app/hooks/useNotify';
import { useI18n } from '../../app/i18n/I18nProvider';
import { AssigneeField } from './AssigneeField';
import { workOrdersApi, type Step, type WorkOrder } from './api';
import { validated } from '../../app/forms';

interface Failure { order: WorkOrder; why: string }

/**
 * Accept or dispatch the selected orders: each is its own step with its own event, one after the other; the report says
 * which went through and, for each that did not, why.
 */
export function BatchSteps({ selected, onDone }: { selected: WorkOrder[]; onDone: () => void }) {
  const { t } = useI18n();
  const { errorText } = useNotify();
  const [form] = Form.useForm<{ assignee: { kind: 'user' | 'unit'; id: string } }>();
  const [dispatching, setDispatching] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<{ done: number; failures: Failure[] } | null>(null);

  const run = async (step: Step, body: Record<string, unknown> = {}) => {
    setBusy(true);
    const failures: Failure[] = [];
    let done = 0;
    for (const order of selected) {
      try {
        await workOrdersApi.step(order.id, step, { version: order.version, ...body });
        done++;
      } catch (err) {
        failures.push({ order, why: errorText(err) });
      }
    }
    setBusy(false);
    setDispatching(false);
    setReport({ done, failures });
    onDone();
  };

  const first = selected[0];
  return (
    <>
      <Space wrap data-testid="batch-steps">
        <Button disabled={!selected.length} loading={busy && !dispatching} onClick={() => run('accept')} data-testid="batch-accept">
          {t('workOrder.batchAccept', { count: selected.length })}
        </Button>
        <Button disabled={!selected.length} onClick={() => { form.resetFields(); setDispatching(true); }} data-testid="batch-dispatch">
          {t('workOrder.batchDispatch', { count: selected.length })}
        </Button>
      </Space>
      <Modal open={dispatching} title={t('workOrder.batchDispatch', { count: selected.length })} confirmLoading={busy} destroyOnHidden
        okButtonProps={{ 'data-testid': 'batch-submit' } as Record<string, string>} onCancel={() => setDispatching(false)}
        onOk={async () => { const v = await validated(form); if (v) await run('dispatch', { assignee: v.assignee }); }}>
        {first && (
          <Form form={form} layout="vertical" preserve={false}>
            <AssigneeField officeId={first.officeId} placeId={first.placeId} label={t('field.assignee')} rules={[{ required: true, message: t('common.required') }]} />
          </Form>
        )}
      </Modal>
      <Modal open={report !== null} title={t('workOrder.batchReport')} footer={null} onCancel={() => setReport(null)} destroyOnHidden>
        {report && (
          <div data-testid="batch-report">
            <Alert type={report.failures.length ? 'warning' : 'success'} showIcon
              title={t('workOrder.batchSummary', { done: report.done, failed: report.failures.length })} />
            {report.failures.map((f) => (
              <div key={f.order.id} data-testid="batch-failure" style={{ marginTop: 8 }}>
                <Typography.Text strong>{f.order.trackingNo}</Typography.Text> {f.order.title}:{f.why}
              </div>
            ))}
          </div>
        )}
      </Modal>
    </>
  );
}
