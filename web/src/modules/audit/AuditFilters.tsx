import { Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../app/i18n/I18nProvider';
import { ACTIONS, ENTITY_TYPES, type AuditFilter } from './api';

interface Values {
  person?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Person (username or actor id), record (type + id), action and time range. */
export function AuditFilters({ onSearch }: { onSearch: (filter: AuditFilter) => void }) {
  const { t, tr } = useI18n();
  const [form] = Form.useForm<Values>();

  const submit = (v: Values) => {
    const person = v.person?.trim();
    // Actor ids are the server's lowercase ids; anything else is taken as a username.
    const byId = person && /^[0-9a-z]{16,32}$/.test(person);
    onSearch({
      username: byId ? undefined : person || undefined,
      actorId: byId ? person : undefined,
      entityType: v.entityType,
      entityId: v.entityId?.trim() || undefined,
      action: v.action,
      from: v.range?.[0]?.startOf('day').toISOString(),
      to: v.range?.[1]?.endOf('day').toISOString(),
    });
  };

  return (
    <Form form={form} layout="inline" onFinish={submit} style={{ rowGap: 8, marginBottom: 12 }} data-testid="audit-filters">
      <Form.Item name="person" label={t('audit.actor')}>
        <Input allowClear placeholder={t('audit.actorPlaceholder')} style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="entityType" label={t('audit.entityType')}>
        <Select allowClear style={{ width: 110 }} options={ENTITY_TYPES.map((e) => ({ value: e, label: t(`entity.${e}`) }))} />
      </Form.Item>
      <Form.Item name="entityId" label={t('audit.entityId')}>
        <Input allowClear style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="action" label={t('audit.action')}>
        <Select allowClear style={{ width: 150 }} data-testid="audit-action"
          options={ACTIONS.map((a) => ({ value: a, label: tr(`action.${a}`, a) }))} />
      </Form.Item>
      <Form.Item name="range" label={t('audit.timeRange')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">{t('common.search')}</Button>
      </Form.Item>
      <Form.Item>
        <Button onClick={() => { form.resetFields(); onSearch({}); }}>{t('common.reset')}</Button>
      </Form.Item>
    </Form>
  );
}
