import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover, Space, Tooltip } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useT } from '../i18n/I18nProvider';

type Column<T> = ColumnType<T>;
const keyOf = <T,>(c: Column<T>) => String(c.key ?? c.dataIndex);

/** Where a user's hidden columns of a table are kept: in this browser, per user. */
const storageKey = (table: string, userId: string) => `onegrid.columns.${table}.${userId}`;

function readHidden(key: string): string[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(v) ? v.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The table's column picker as Ant Design Pro has it: a settings icon opening a list of checkboxes, one per column, the
 * choice remembered per user in localStorage. `fixed`: columns that cannot be hidden (the one that opens the row).
 */
export function useColumnPicker<T>(table: string, userId: string, columns: Column<T>[], fixed: string[] = []) {
  const t = useT();
  const key = storageKey(table, userId);
  const [hidden, setHidden] = useState<string[]>(() => readHidden(key));
  const save = (next: string[]) => {
    setHidden(next);
    localStorage.setItem(key, JSON.stringify(next));
  };
  const shown = columns.filter((c) => fixed.includes(keyOf(c)) || !hidden.includes(keyOf(c)));
  const options = columns.map((c) => ({ value: keyOf(c), label: c.title as string, disabled: fixed.includes(keyOf(c)) }));
  const content = (
    <Space orientation="vertical" data-testid={`columns-${table}`}>
      <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }} options={options}
        value={options.filter((o) => o.disabled || !hidden.includes(o.value)).map((o) => o.value)}
        onChange={(checked) => save(options.map((o) => o.value).filter((v) => !checked.includes(v)))} />
      <Button size="small" type="link" style={{ padding: 0 }} disabled={hidden.length === 0} onClick={() => save([])} data-testid="columns-reset">
        {t('common.columnsReset')}
      </Button>
    </Space>
  );
  const picker = (
    <Popover trigger="click" placement="bottomRight" title={t('common.columns')} content={content}>
      <Tooltip title={t('common.columns')}>
        <Button icon={<SettingOutlined />} aria-label={t('common.columns')} data-testid="columns-open" />
      </Tooltip>
    </Popover>
  );
  return { columns: shown, picker };
}
