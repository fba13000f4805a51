import { useState } from 'react';
import { useNotify } from '../../app/hooks/useNotify';

/** One submit of a form: busy while it runs, the success text or the server's error shown, `then` on success and
 * `failed` (e.g. reload what someone else changed) on an error. */
export function useSubmit() {
  const { error, success } = useNotify();
  const [busy, setBusy] = useState(false);
  const submit = async (work: () => Promise<unknown>, done: string, then: () => void, failed?: () => void) => {
    setBusy(true);
    try {
      await work();
      success(done);
      then();
    } catch (err) {
      error(err);
      failed?.();
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit };
}
