import { Alert, Card, Descriptions, Image, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useParams } from 'react-router';
import { useLoad } from '../../app/hooks/useLoad';
import { useNotify } from '../../app/hooks/useNotify';
import { useI18n } from '../../app/i18n/I18nProvider';
import { localTime } from '../timeline/format';
import { h5Api, type H5Step } from './api';
import { H5RateForm } from './H5RateForm';

/** The states in which the order's result is the answer the resident has now. */
const RESULT_STANDS = new Set(['resolved', 'followed_up', 'closed']);

/** One demand as the resident follows it: state, photos, the steps so far, and rating once it is resolved. */
export function H5DemandPage() {
  const { t, tr } = useI18n();
  const { id = '' } = useParams();
  const { errorText } = useNotify();
  const { data, error, reload } = useLoad(() => h5Api.get(id), [id]);
  if (error) return <Alert type="error" showIcon title={errorText(error)} />;
  if (!data) return <Skeleton active />;
  const stepText = (s: H5Step) => {
    const parts = [tr(`h5.steps.${s.step}`, s.step)];
    if (s.rating) parts.push(t(`rating.${s.rating}`));
    if (s.comment) parts.push(s.comment);
    if (s.reopened) parts.push(t('h5.reopened'));
    if (s.result) parts.push(s.result);
    if (s.reason) parts.push(s.reason);
    return parts.join(' · ');
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="h5-demand">
      <Card size="small" title={data.title} extra={<Tag color="blue" data-testid="h5-state">{t(`workOrderState.${data.state}`)}</Tag>}>
        <Descriptions column={1} size="small" items={[
          { key: 'no', label: t('h5.trackingNo'), children: data.trackingNo },
          { key: 'place', label: t('h5.compound'), children: data.place.name },
          { key: 'cat', label: t('h5.category'), children: data.category.name },
          { key: 'desc', label: t('h5.description'), children: data.description },
          // After "not satisfied" the order is handled again: the old result stays in the timeline, not as the current one.
          ...(data.result && RESULT_STANDS.has(data.state) ? [{ key: 'result', label: t('h5.result'), children: data.result }] : []),
        ]} />
        {data.photos.length > 0 && (
          <Image.PreviewGroup>
            <Space wrap>{data.photos.map((p) => <Image key={p.id} src={p.url} width={72} height={72} style={{ objectFit: 'cover' }} />)}</Space>
          </Image.PreviewGroup>
        )}
      </Card>
      {data.canRate && <H5RateForm demand={data} onRated={reload} />}
      <Card size="small" title={t('h5.progress')}>
        <Timeline data-testid="h5-timeline" items={data.timeline.map((s, i) => ({
          key: i,
          content: (
            <div data-testid="h5-step" data-step={s.step}>
              <Typography.Text>{stepText(s)}</Typography.Text>
              <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{localTime(s.at)}</Typography.Text></div>
            </div>
          ),
        }))} />
      </Card>
    </Space>
  );
}
