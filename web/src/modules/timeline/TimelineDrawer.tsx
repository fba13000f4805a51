import { Drawer, Empty, Skeleton, Timeline, Typography } from 'antd';
import { useState } from 'react';
import type { Event } from '../../app/api/types';
import { RevealButton } from '../../app/components/RevealField';
import { useI18n } from '../../app/i18n/I18nProvider';
import { useIsPhone } from '../../app/hooks/useIsPhone';
import { useLoad } from '../../app/hooks/useLoad';
import { timelineApi } from './api';
import { EventSentence } from './EventSentence';
import { localTime } from './format';

interface Props {
  open: boolean;
  onClose: () => void;
  entityType: string;
  entityId: string;
  title: string;
  /** Reveals an entry's text as typed (its phone and ID numbers come masked), for records whose module offers it. */
  revealText?: (eventId: number, reason: string) => Promise<Pick<Event, 'reason' | 'from' | 'to'>>;
}

/** A record's events in order, read from the event log. Reusable for any entity type. */
export function TimelineDrawer({ open, onClose, entityType, entityId, title, revealText }: Props) {
  const i18n = useI18n();
  const isPhone = useIsPhone();
  const { data, loading } = useLoad(() => timelineApi.of(entityType, entityId), [entityType, entityId, open], open);
  // Entries revealed while the drawer is open, by event id: shown as typed.
  const [revealed, setRevealed] = useState<Record<number, Pick<Event, 'reason' | 'from' | 'to'>>>({});

  const items = (data?.items ?? []).map((e) => ({
    key: e.id,
    title: <Typography.Text type="secondary" style={{ fontSize: 12 }}>{localTime(e.at)}</Typography.Text>,
    content: (
      <div data-testid="timeline-event">
        <EventSentence event={revealed[e.id] ? { ...e, ...revealed[e.id] } : e} refs={data?.refs ?? {}} />
        {e.masked && revealText && !revealed[e.id] && (
          <RevealButton label={i18n.t('timeline.textAsTyped')} testId={`event-${e.id}`}
            onReveal={async (reason) => { const text = await revealText(e.id, reason); setRevealed((r) => ({ ...r, [e.id]: text })); }} />
        )}
      </div>
    ),
  }));

  return (
    <Drawer open={open} onClose={onClose} title={`${i18n.t('timeline.title')} · ${title}`} size={isPhone ? '100%' : 480} destroyOnHidden>
      {loading ? <Skeleton active /> : items.length ? <Timeline items={items} /> : <Empty description={i18n.t('timeline.empty')} />}
    </Drawer>
  );
}
