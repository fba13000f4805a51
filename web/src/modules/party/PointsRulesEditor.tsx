import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { POINTS_CAP_PERIODS, POINTS_ITEM_KINDS } from '../../../../contracts/party-points';
import { pointsApi, type PointsItem } from './pointsApi';
import { useSubmit } from './useSubmit';
import { validated } from '../../app/forms';

/** A community's points rules: the items, each with its points and an optional cap per month or year. Saving replaces the list; past entries keep their points. */
export function PointsRulesEditor({ placeId, editable }: { placeId: string; editable: boolean }) {
  const t = useT();
  const { busy, submit } = useSubmit();
  const rules = useLoad(() => pointsApi.rules(placeId), [placeId]);
  const [form] = Form.useForm<{ items: PointsItem[] }>();
  useEffect(() => { if (rules.data) form.setFieldsValue({ items: rules.data.items }); }, [rules.data, form]);
  const save = async () => {
    const values = await validated(form);
    if (!values) return;
    const { items } = values;
    await submit(() => pointsApi.setRules(placeId, rules.data?.version ?? 0, items), t('partyPoints.rulesSaved'), rules.reload);
  };
  return (
    <Card size="small" title={t('partyPoints.rules')} data-testid="points-rules"
      extra={rules.data?.updatedAt && <Typography.Text type="secondary">{t('partyPoints.rulesVersion', { n: rules.data.version })}</Typography.Text>}>
      <Typography.Paragraph type="secondary">{t('partyPoints.rulesHint')}</Typography.Paragraph>
      <Form form={form} disabled={!editable} layout="vertical">
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap align="start" data-testid="points-rule-row">
                  <Form.Item name={[f.name, 'id']} hidden><Input /></Form.Item>
                  <Form.Item name={[f.name, 'kind']} label={t('partyPoints.kind')} rules={[{ required: true }]}>
                    <Select style={{ width: 170 }} options={POINTS_ITEM_KINDS.map((k) => ({ value: k, label: t(`partyPoints.kinds.${k}`) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} label={t('partyPoints.itemName')}><Input style={{ width: 160 }} maxLength={30} /></Form.Item>
                  <Form.Item name={[f.name, 'points']} label={t('partyPoints.points')} rules={[{ required: true }]}><InputNumber min={1} max={1000} precision={0} /></Form.Item>
                  <Form.Item name={[f.name, 'cap']} label={t('partyPoints.cap')}><InputNumber min={1} precision={0} /></Form.Item>
                  <Form.Item name={[f.name, 'capPeriod']} label={t('partyPoints.capPeriod')}>
                    <Select allowClear style={{ width: 90 }} options={POINTS_CAP_PERIODS.map((p) => ({ value: p, label: t(`partyPoints.capPeriods.${p}`) }))} />
                  </Form.Item>
                  {editable && <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('partyPoints.remove')} onClick={() => remove(f.name)} style={{ marginTop: 30 }} />}
                </Space>
              ))}
              {editable && <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'other', points: 1 })}>{t('partyPoints.addItem')}</Button>}
            </>
          )}
        </Form.List>
      </Form>
      {editable && <Button type="primary" loading={busy} onClick={() => void save()} style={{ marginTop: 12 }} data-testid="points-rules-save">{t('common.save')}</Button>}
    </Card>
  );
}
