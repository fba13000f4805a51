import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router';
import { qs } from '../../app/api/client';
import { useT } from '../../app/i18n/I18nProvider';
import type { Workbench } from './api';

interface Tile { key: string; label: string; value: number; to: string; danger?: boolean }

/** One card per kind of waiting step, then overdue, due soon and the buildings lacking a head; each opens the list it counts. */
export function WaitingCards({ data }: { data: Workbench }) {
  const t = useT();
  const waiting: Tile[] = Object.entries(data.waiting.counts).map(([step, n]) => ({
    key: `awaits-${step}`, label: t(`workOrder.awaits.${step}` as never), value: n ?? 0, to: `/work-orders${qs({ tab: 'mine', awaits: step })}`,
  }));
  const tiles: Tile[] = [
    ...(waiting.length ? waiting : [{ key: 'waiting', label: t('workbench.nothingWaiting'), value: 0, to: '/work-orders?tab=mine' }]),
    { key: 'overdue', label: t('workbench.overdue'), value: data.overdue, to: '/work-orders?tab=overdue', danger: data.overdue > 0 },
    { key: 'due-soon', label: t('workbench.dueSoon'), value: data.dueSoon, to: `/work-orders${qs({ tab: 'all', dueSoon: 'true' })}` },
    // The party-posts page lists them beside the posts.
    { key: 'lacking-head', label: t('workbench.lackingHead'), value: data.party.buildingsLackingHead, to: '/party-posts' },
  ];
  return (
    <Row gutter={[12, 12]} data-testid="waiting-cards">
      {tiles.map((tile) => (
        <Col key={tile.key} xs={12} sm={8} lg={6} xl={4}>
          <Link to={tile.to} data-testid={`card-${tile.key}`}>
            <Card hoverable size="small">
              <Statistic title={tile.label} value={tile.value} styles={{ content: tile.danger ? { color: '#c8161d' } : undefined }} />
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}
