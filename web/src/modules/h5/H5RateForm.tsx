import { Button, Card, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { useNotify } from '../../app/hooks/useNotify';
import { useT } from '../../app/i18n/I18nProvider';
import { RATINGS, type Rating } from '../../../../contracts/work-orders';
import { h5Api, type H5Demand } from './api';

/** Satisfied, basically satisfied or not; "not satisfied" sends the order back to be handled again. */
export function H5RateForm({ demand, onRated }: { demand: H5Demand; onRated: () => void }) {
  const t = useT();
  const { error, success } = useNotify();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { rating: Rating; comment?: string }) => {
    setBusy(true);
    try {
      await h5Api.rate(demand.id, { version: demand.version, rating: v.rating, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}) });
      success(t('h5.rated'));
      onRated();
    } catch (err) {
      error(err);
      onRated();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('h5.rateTitle')} data-testid="h5-rate">
      <Form layout="vertical" onFinish={submit}>
        <Form.Item name="rating" rules={[{ required: true, message: t('h5.invalid.rating') }]}>
          <Radio.Group options={RATINGS.map((r) => ({ value: r, label: t(`rating.${r}`) }))} />
        </Form.Item>
        <Form.Item name="comment" label={t('h5.comment')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="h5-rate-submit">{t('h5.rate')}</Button>
      </Form>
    </Card>
  );
}
