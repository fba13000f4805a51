import { useState } from 'react';
import { ApiError } from '../app/api/client';
import { h5Api, type H5Located } from '../modules/h5/api';
import { compoundLabel } from './CompoundPicker';
import { useT } from './i18n';
import { Button } from './ui';

type State =
  | { step: 'idle' }
  | { step: 'locating' }
  | { step: 'proposed'; compound: H5Located }
  | { step: 'failed'; reason: 'denied' | 'unavailable' | 'none' };

/** The phone's position, asked of the browser (which asks the resident's permission): WGS-84, as the server stores it. */
function position(): Promise<GeolocationPosition> {
  return new Promise((resolve, reject) => navigator.geolocation.getCurrentPosition(resolve, reject, { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 }));
}

/**
 * 使用我的位置: the browser's geolocation (with the resident's permission) proposes the compound it falls in; the
 * resident confirms it (it becomes the form's compound) or dismisses it and searches.
 */
export function UseMyLocation({ onConfirm }: { onConfirm: (compound: H5Located) => void }) {
  const t = useT();
  const [state, setState] = useState<State>({ step: 'idle' });
  if (typeof navigator === 'undefined' || !navigator.geolocation) return null;

  const locate = async () => {
    setState({ step: 'locating' });
    let at: GeolocationPosition;
    try {
      at = await position();
    } catch (err) {
      setState({ step: 'failed', reason: (err as GeolocationPositionError).code === 1 ? 'denied' : 'unavailable' });
      return;
    }
    try {
      setState({ step: 'proposed', compound: await h5Api.locate(at.coords.latitude, at.coords.longitude) });
    } catch (err) {
      setState({ step: 'failed', reason: err instanceof ApiError && err.status === 404 ? 'none' : 'unavailable' });
    }
  };

  return (
    <div className="field">
      <Button onClick={() => void locate()} busy={state.step === 'locating'} data-testid="h5-use-location">◎ {t('h5.useLocation')}</Button>
      {state.step === 'proposed' && (
        <div className="alert info" data-testid="h5-location-proposal">
          <p>{t('h5.locationProposal', { place: compoundLabel(state.compound), metres: state.compound.distanceMetres })}</p>
          <div className="row">
            <Button primary data-testid="h5-location-confirm" onClick={() => {
              onConfirm(state.compound);
              setState({ step: 'idle' });
            }}>{t('h5.locationConfirm')}</Button>
            <Button data-testid="h5-location-dismiss" onClick={() => setState({ step: 'idle' })}>{t('h5.locationDismiss')}</Button>
          </div>
        </div>
      )}
      {state.step === 'failed' && <div className="alert warning" data-testid="h5-location-failed">{t(`h5.location.${state.reason}`)}</div>}
    </div>
  );
}
