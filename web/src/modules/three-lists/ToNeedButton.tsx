import { Button, Modal, Select } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLoad } from '../../app/hooks/useLoad';
import { useNotify } from '../../app/hooks/useNotify';
import { useT } from '../../app/i18n/I18nProvider';
import { useSession } from '../../app/session/SessionProvider';
import { THREE_LIST_CATEGORIES, type ThreeListCategory } from '../../../../contracts/three-lists';
import { threeListsApi } from './api';

/** On a work order's page, for an office: the need it became (a link), or 转为需求 with the need's category. */
export function ToNeedButton({ workOrderId }: { workOrderId: string }) {
  const t = useT();
  const { can } = useSession();
  const { error } = useNotify();
  const navigate = useNavigate();
  const office = can('need', 'suggest');
  const linked = useLoad(() => threeListsApi.needs({ workOrderId, limit: 1 }), [workOrderId], office);
  const [open, setOpen] = useState(false);
  const [category, setCategory] = useState<ThreeListCategory>();
  if (!office || !linked.data) return null;
  const need = linked.data.items[0];
  if (need) return <Link to={`/needs/${need.id}`} data-testid="work-order-need"><Button>{t('threeLists.linkedNeed')}</Button></Link>;
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="work-order-to-need">{t('threeLists.toNeed')}</Button>
      <Modal open={open} title={t('threeLists.toNeed')} onCancel={() => setOpen(false)} okButtonProps={{ disabled: !category }} okText={t('common.ok')} cancelText={t('common.cancel')}
        onOk={async () => {
          try { const n = await threeListsApi.fromWorkOrder({ workOrderId, category: category! }); navigate(`/needs/${n.id}`); } catch (e) { error(e); }
        }}>
        <Select style={{ width: '100%' }} placeholder={t('threeLists.category')} value={category} onChange={setCategory}
          options={THREE_LIST_CATEGORIES.map((c) => ({ value: c, label: t(`threeLists.categories.${c}`) }))} />
      </Modal>
    </>
  );
}
