import { Typography } from 'antd';
import { useState } from 'react';
import { ListPage } from '../../app/components/ListPage';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { localTime } from '../timeline/format';
import { contactMessageApi, type ContactMessage } from './api';

const PAGE_SIZE = 20;

/** 联系我留言: what passers-by left through the members' public cards, newest first, for the community to follow up. */
export function ContactMessagesPage() {
  const t = useT();
  const [page, setPage] = useState(1);
  const list = useLoad(() => contactMessageApi.list(PAGE_SIZE, (page - 1) * PAGE_SIZE), [page]);
  return (
    <ListPage<ContactMessage>
      title={t('showIdentity.messages')} rowKey="id" items={list.data?.items ?? []} loading={list.loading} empty={t('showIdentity.messagesEmpty')}
      paging={{ page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onPage: setPage }}
      testIds={{ page: 'party-messages-page' }}
      onRow={(m) => ({ 'data-testid': 'party-message-row', 'data-id': m.id }) as React.HTMLAttributes<HTMLElement>}
      card={(m) => (
        <div data-testid="party-message-row" data-id={m.id}>
          <Typography.Text strong>{m.memberName}</Typography.Text> · {m.senderName}
          <Typography.Paragraph style={{ margin: '4px 0' }}>{m.text}</Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{localTime(m.createdAt)}</Typography.Text>
        </div>
      )}
      columns={[
        { title: t('showIdentity.messageTime'), dataIndex: 'createdAt', width: 170, render: (v: string) => localTime(v) },
        { title: t('showIdentity.messageMember'), dataIndex: 'memberName', width: 120 },
        { title: t('showIdentity.messageSender'), dataIndex: 'senderName', width: 120 },
        { title: t('showIdentity.messageText'), dataIndex: 'text' },
      ]}
    />
  );
}
