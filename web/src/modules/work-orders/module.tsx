import { SolutionOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../app/lazy';
import type { Ability, WebModule } from '../../app/module';
import { en, zh } from './i18n';
import { NotificationBell } from './NotificationBell';

const WorkOrdersPage = lazyNamed(() => import('./WorkOrdersPage'), 'WorkOrdersPage');
const FileDemandPage = lazyNamed(() => import('./FileDemandPage'), 'FileDemandPage');
const WorkOrderDetailPage = lazyNamed(() => import('./WorkOrderDetailPage'), 'WorkOrderDetailPage');
const WorkOrderPrintPage = lazyNamed(() => import('./WorkOrderPrintPage'), 'WorkOrderPrintPage');

/** Those who handle orders and those who only file them (a building head's mailbox). */
const HANDLES_ORDERS: Ability[] = [{ subject: 'work_order', action: 'read' }, { subject: 'work_order', action: 'file' }];

/** Demands and work orders (接诉即办): the inbox, filing, one order, and the notification bell in the header. */
export const workOrdersModule: WebModule<typeof zh> = {
  name: 'work-orders',
  routes: [
    { path: '/work-orders', element: <WorkOrdersPage />, shell: 'office' },
    { path: '/work-orders/new', element: <FileDemandPage />, shell: 'office', titleKey: 'workOrder.fileTitle' },
    { path: '/work-orders/:id', element: <WorkOrderDetailPage />, shell: 'office', titleKey: 'workOrder.detail' },
    // A sheet on its own, without the menu and header, to print on A4 (signed in: the sheet reads the order's API).
    { path: '/work-orders/:id/print/:sheet', element: <WorkOrderPrintPage />, shell: 'bare', titleKey: 'workOrderPrint.print' },
  ],
  menu: [{ key: '/work-orders', icon: <SolutionOutlined />, labelKey: 'nav.workOrders', order: 20, ability: HANDLES_ORDERS }],
  // The bell also tells a party member of a need dispatched to them (the three lists).
  header: [{ key: 'notifications', element: <NotificationBell />, ability: [...HANDLES_ORDERS, { subject: 'need', action: 'read' }] }],
  // A unit's contact has no workbench: their work is the orders dispatched or called in to the unit.
  landings: [{ path: '/work-orders', roles: ['partner_contact'], order: 20 }],
  i18n: { 'zh-CN': zh, en },
};
