import { Drawer, Empty, Skeleton, Timeline, Typography } from 'antd';
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
}

/** A record's events in order, read from the event log. Reusable for any entity type. */
export function TimelineDrawer({ open, onClose, entityType, entityId, title }: Props) {
  const i18n = useI18n();
  const isPhone = useIsPhone();
  const { data, loading } = useLoad(() => timelineApi.of(entityType, entityId), [entityType, entityId, open], open);

  const items = (data?.items ?? []).map((e) => ({
    key: e.id,
    title: <Typography.Text type="secondary" style={{ fontSize: 12 }}>{localTime(e.at)}</Typography.Text>,
    content: (
      <div data-testid="timeline-event">
        <EventSentence event={e} refs={data?.refs ?? {}} />
      </div>
    ),
  }));

  return (
    <Drawer open={open} onClose={onClose} title={`${i18n.t('timeline.title')} · ${title}`} size={isPhone ? '100%' : 480} destroyOnHidden>
      {loading ? <Skeleton active /> : items.length ? <Timeline items={items} /> : <Empty description={i18n.t('timeline.empty')} />}
    </Drawer>
  );
}
