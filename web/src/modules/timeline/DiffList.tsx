import { Image, Space, Typography } from 'antd';
import type { Event, EventRefs } from '../../app/api/types';
import { useI18n } from '../../app/i18n/I18nProvider';
import { fieldLabel, formatValue } from './format';

type State = Record<string, unknown> | null;

/** Bookkeeping fields nobody reads: a path says again where a place went; a 12345 client's own ids; the entry a reveal showed (its time is shown). */
const HIDDEN = new Set(['path', 'clientUpdateId', 'eventId']);

/** Photos an event added, as thumbnails (work orders' photos are served under the order). */
function Thumbnails({ entityType, entityId, ids }: { entityType: string; entityId: string; ids: string[] }) {
  if (entityType !== 'work_order') return null;
  return (
    <Image.PreviewGroup>
      <Space wrap size={4} data-testid="timeline-photos">
        {ids.map((id) => <Image key={id} width={56} height={56} style={{ objectFit: 'cover' }} src={`/api/work-orders/${entityId}/photos/${id}`} />)}
      </Space>
    </Image.PreviewGroup>
  );
}

/** An event's from → to, one line per field that appears in either, each field and value by its label. */
export function DiffList({ event, refs }: { event: Pick<Event, 'from' | 'to' | 'fromState' | 'toState' | 'entityType' | 'entityId'>; refs: EventRefs }) {
  const i18n = useI18n();
  const { from, to } = event as { from: State; to: State };
  const keys = [...new Set([...Object.keys(from ?? {}), ...Object.keys(to ?? {})])].filter((k) => !HIDDEN.has(k));
  if (keys.length === 0) return null;
  const value = (side: 'from' | 'to', k: string) =>
    formatValue(i18n, k, (side === 'from' ? from : to)?.[k], { refs, state: side === 'from' ? event.fromState : event.toState });
  return (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 18, fontSize: 13 }} data-testid="event-fields">
      {keys.map((k) => (
        <li key={k}>
          <Typography.Text type="secondary">{fieldLabel(i18n, k)}:</Typography.Text>
          {k === 'photoIds' && Array.isArray(to?.[k]) ? (
            <Thumbnails entityType={event.entityType} entityId={event.entityId} ids={to[k] as string[]} />
          ) : (
            <>
              {from && k in from && (
                <>
                  <Typography.Text delete>{value('from', k)}</Typography.Text>
                  {' → '}
                </>
              )}
              <Typography.Text>{to && k in to ? value('to', k) : i18n.t('common.none')}</Typography.Text>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
