import { Button, Form, Input, List, Modal, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../app/i18n/I18nProvider';
import type { MemberLedger, PointsEntry } from './pointsApi';
import { validated } from '../../app/forms';

/**
 * A member's ledger: the totals (each the sum of the entries) and every entry, newest first, wrapping on a phone. With
 * `onCounter`, each entry not yet corrected offers a counter-entry that asks for the reason.
 */
export function PointsLedgerList({ ledger, onCounter }: { ledger: MemberLedger; onCounter?: (entry: PointsEntry, reason: string) => Promise<void> }) {
  const t = useT();
  const [asking, setAsking] = useState<PointsEntry>();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <>
      <Space size="large" wrap style={{ marginBottom: 12 }}>
        <Statistic title={t('partyPoints.yearTotal', { year: ledger.year })} value={ledger.yearTotal} data-testid="points-year-total" />
        <Statistic title={t('partyPoints.total')} value={ledger.total} data-testid="points-total" />
      </Space>
      <List size="small" dataSource={ledger.entries} locale={{ emptyText: t('partyPoints.noEntries') }} data-testid="points-ledger"
        renderItem={(e) => (
          <List.Item data-testid="points-entry" data-id={e.id} style={{ flexWrap: 'wrap', gap: 8 }}
            actions={onCounter && !e.countersId && !e.countered ? [
              <Button key="counter" size="small" danger data-testid="points-counter" onClick={() => { form.resetFields(); setAsking(e); }}>{t('partyPoints.counter')}</Button>,
            ] : undefined}>
            <div style={{ minWidth: 0, flex: '1 1 200px', overflowWrap: 'anywhere' }}>
              <Space size={4} wrap>
                <Typography.Text strong>{e.itemName}</Typography.Text>
                {e.capped && <Tag color="orange">{t('partyPoints.capped')}</Tag>}
                {e.countersId && <Tag color="red">{t('partyPoints.counterEntry')}</Tag>}
                {e.countered && <Tag>{t('partyPoints.countered')}</Tag>}
              </Space>
              <div><Typography.Text type="secondary">{e.earnedOn} · {e.reason} · {e.createdByName === 'system' ? t('partyPoints.system') : e.createdByName}</Typography.Text></div>
            </div>
            <Typography.Text strong style={{ color: e.points < 0 ? '#cf1322' : '#389e0d' }} data-testid="points-entry-points">{e.points > 0 ? `+${e.points}` : e.points}</Typography.Text>
          </List.Item>
        )} />
      <Modal open={Boolean(asking)} title={t('partyPoints.counter')} onCancel={() => setAsking(undefined)} destroyOnHidden okText={t('common.ok')} cancelText={t('common.cancel')}
        onOk={async () => { const v = await validated(form); if (!v) return; await onCounter?.(asking!, v.reason); setAsking(undefined); }}>
        <Typography.Paragraph>{asking && `${asking.earnedOn} ${asking.itemName} ${asking.points}`}</Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('partyPoints.counterReason')} rules={[{ required: true, min: 2, whitespace: true, message: t('common.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} data-testid="points-counter-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
