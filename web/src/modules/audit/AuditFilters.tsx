import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useIsPhone } from '../../app/hooks/useIsPhone';
import { useI18n } from '../../app/i18n/I18nProvider';
import { ACTIONS, ENTITY_TYPES, type AuditFilter } from './api';

interface Values {
  person?: string;
  entityType?: string;
  record?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Person (username or name), record (type, and its tracking number or name), action and time range. */
export function AuditFilters({ onSearch }: { onSearch: (filter: AuditFilter) => void }) {
  const { t, tr } = useI18n();
  const [form] = Form.useForm<Values>();
  const isPhone = useIsPhone();
  // On a phone the filters stack, each as wide as the screen.
  const w = (desktop: number) => ({ width: isPhone ? '100%' : desktop });

  const submit = (v: Values) => {
    const person = v.person?.trim();
    // Actor ids are the server's lowercase ids; anything else is taken as a username.
    const byId = person && /^[0-9a-z]{16,32}$/.test(person);
    onSearch({
      username: byId ? undefined : person || undefined,
      actorId: byId ? person : undefined,
      entityType: v.entityType,
      record: v.record?.trim() || undefined,
      action: v.action,
      from: v.range?.[0]?.startOf('day').toISOString(),
      to: v.range?.[1]?.endOf('day').toISOString(),
    });
  };

  return (
    <Form form={form} layout={isPhone ? 'vertical' : 'inline'} onFinish={submit} style={{ rowGap: 8 }} data-testid="audit-filters">
      <Form.Item name="person" label={t('audit.actor')}>
        <Input allowClear placeholder={t('audit.actorPlaceholder')} style={w(150)} />
      </Form.Item>
      <Form.Item name="entityType" label={t('audit.entityType')}>
        <Select allowClear style={w(110)} options={ENTITY_TYPES.map((e) => ({ value: e, label: t(`entity.${e}`) }))} />
      </Form.Item>
      <Form.Item name="record" label={t('audit.record')}>
        <Input allowClear style={w(170)} placeholder={t('audit.recordPlaceholder')} data-testid="audit-record" />
      </Form.Item>
      <Form.Item name="action" label={t('audit.action')}>
        <Select allowClear style={w(150)} data-testid="audit-action"
          options={ACTIONS.map((a) => ({ value: a, label: tr(`action.${a}`, a) }))} />
      </Form.Item>
      <Form.Item name="range" label={t('audit.timeRange')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} style={w(260)} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">{t('common.search')}</Button>
          <Button onClick={() => { form.resetFields(); onSearch({}); }}>{t('common.reset')}</Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
