import { Typography } from 'antd';
import { useI18n } from '../../app/i18n/I18nProvider';
import { fieldLabel, formatValue } from './format';

type State = Record<string, unknown> | null;

/** An event's from → to, one line per field that appears in either. */
export function DiffList({ from, to }: { from: State; to: State }) {
  const i18n = useI18n();
  // Paths are the server's bookkeeping; the parent change already says where a place went.
  const keys = [...new Set([...Object.keys(from ?? {}), ...Object.keys(to ?? {})])].filter((k) => k !== 'path');
  if (keys.length === 0) return null;
  return (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 18, fontSize: 13 }}>
      {keys.map((k) => (
        <li key={k}>
          <Typography.Text type="secondary">{fieldLabel(i18n, k)}: </Typography.Text>
          {from && k in from && (
            <>
              <Typography.Text delete>{formatValue(i18n, k, from[k])}</Typography.Text>
              {' → '}
            </>
          )}
          <Typography.Text>{to && k in to ? formatValue(i18n, k, to[k]) : i18n.t('common.none')}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}
