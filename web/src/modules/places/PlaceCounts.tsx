import { Card, Col, Row, Statistic } from 'antd';
import { PLACE_LEVELS } from '../../../../contracts/places';
import type { Place } from '../../app/api/types';
import { useT } from '../../app/i18n/I18nProvider';
import type { Counts } from './api';

const SHOWN = ['community', 'grid', 'compound', 'building', 'household', 'residents'] as const;

/** How many of each kind lie under the place: only the levels below it, and always the residents. */
export function PlaceCounts({ place, counts, phone }: { place: Place; counts: Counts; phone: boolean }) {
  const t = useT();
  const depth = PLACE_LEVELS.indexOf(place.level);
  const shown = SHOWN.filter((k) => k === 'residents' || PLACE_LEVELS.indexOf(k) > depth);
  return (
    <Row gutter={[8, 8]}>
      {shown.map((k) => (
        <Col key={k} xs={8} sm={8} md={4}>
          <Card size="small" styles={{ body: { padding: phone ? 8 : 12 } }}>
            <Statistic title={t(`count.${k}`)} value={counts[k] ?? 0} data-testid={`count-${k}`} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
