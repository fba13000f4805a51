import { useState } from 'react';
import { useNotify } from '../../app/hooks/useNotify';

/** One submit of a form: busy while it runs, the success text or the server's error shown, `then` on success. */
export function useSubmit() {
  const { error, success } = useNotify();
  const [busy, setBusy] = useState(false);
  const submit = async (work: () => Promise<unknown>, done: string, then: () => void) => {
    setBusy(true);
    try {
      await work();
      success(done);
      then();
    } catch (err) {
      error(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit };
}
