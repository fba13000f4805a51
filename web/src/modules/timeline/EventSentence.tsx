import { Typography } from 'antd';
import type { Event, EventRefs } from '../../app/api/types';
import { useI18n } from '../../app/i18n/I18nProvider';
import { DiffList } from './DiffList';
import { actionLabel, actorLabel, reasonLabel } from './format';

/** One event as a sentence: who (name and role) did which step, why or with what note, and what changed. */
export function EventSentence({ event, refs, withFields = true }: { event: Event; refs: EventRefs; withFields?: boolean }) {
  const i18n = useI18n();
  return (
    <>
      <Typography.Text strong data-testid="event-actor">{actorLabel(i18n, event)}</Typography.Text> {actionLabel(i18n, event.action, event)}
      {event.reason && (
        <div>
          <Typography.Text type="secondary">{reasonLabel(i18n, event.action)}:</Typography.Text>
          {event.reason}
        </div>
      )}
      {withFields && <DiffList event={event} refs={refs} />}
    </>
  );
}
