import { DatePicker, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../app/i18n/I18nProvider';
import { currentMonth } from './api';

/** A month of the three rates, up to the current one (Beijing time), which is marked as still in progress. */
export function MonthPicker({ month, onChange, testId }: { month: string; onChange: (month: string) => void; testId?: string }) {
  const t = useT();
  const now = currentMonth();
  return (
    <Space size={4}>
      <span data-testid={testId}>
        <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} inputReadOnly
          disabledDate={(d) => d.format('YYYY-MM') > now} onChange={(d) => d && onChange(d.format('YYYY-MM'))} />
      </span>
      {month === now && <Tag color="processing" style={{ marginInlineEnd: 0 }} data-testid="month-in-progress">{t('rates.inProgress')}</Tag>}
    </Space>
  );
}
