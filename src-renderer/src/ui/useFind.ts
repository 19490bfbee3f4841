// The find bar's state: whether it is open and the matches it reports to the document view.
import { useCallback, useState, type RefObject } from 'react';
import type { FindState } from './FindBar';

export function useFind(documentViewRef: RefObject<HTMLElement | null>) {
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<FindState | null>(null);
  const show = useCallback(() => setOpen(true), []);
  /** Closes the bar and gives the keyboard back to the text. */
  const close = useCallback(() => {
    setOpen(false);
    setState(null);
    documentViewRef.current?.focus();
  }, [documentViewRef]);
  return { open, state, setState, show, close };
}
