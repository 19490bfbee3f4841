// Snap to words: the project's switch (on unless turned off, remembered in settings), and Alt
// held while selecting in the document with the mouse, which keeps that one selection's
// characters exactly (Januari in Januaritempat).
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { SpanwrightDatabase } from '../storage/database';
import { isBoolean, readSetting, SETTING, writeSetting } from '../storage/settings';

export interface Snapping {
  /** The project's switch. */
  snapToWords: boolean;
  setSnapToWords(on: boolean): void;
  /** Whether the current selection snaps: the switch is on and Alt was not held while making it. */
  selectionSnaps(): boolean;
}

/** Keys that make or change a selection from the keyboard (with Shift). */
const SELECTING_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

export function useSnapping(
  db: SpanwrightDatabase,
  projectId: string,
  documentView: RefObject<HTMLElement | null>,
  onError: (message: string) => void,
): Snapping {
  const stored = useLiveQuery(() => readSetting(db, SETTING.snapToWords(projectId), isBoolean), [db, projectId]);
  const snapToWords = stored ?? true;
  const setSnapToWords = useCallback(
    (on: boolean) => {
      writeSetting(db, SETTING.snapToWords(projectId), on).catch(() => onError('Could not remember the Snap to words setting.'));
    },
    [db, onError, projectId],
  );

  // Whether Alt was held when the last mouse selection in the document ended; a selection made
  // from the keyboard clears it. Clicks elsewhere (a label button) leave it as it is.
  const altSelection = useRef(false);
  useEffect(() => {
    let selecting = false;
    const onMouseDown = (event: MouseEvent) => {
      selecting = event.target instanceof Node && documentView.current?.contains(event.target) === true;
    };
    const onMouseUp = (event: MouseEvent) => {
      if (selecting) altSelection.current = event.altKey;
      selecting = false;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.shiftKey && SELECTING_KEYS.has(event.key)) altSelection.current = false;
    };
    document.addEventListener('mousedown', onMouseDown, true);
    document.addEventListener('mouseup', onMouseUp, true);
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('mousedown', onMouseDown, true);
      document.removeEventListener('mouseup', onMouseUp, true);
      document.removeEventListener('keydown', onKeyDown, true);
    };
  }, [documentView]);
  const selectionSnaps = useCallback(() => snapToWords && !altSelection.current, [snapToWords]);

  return { snapToWords, setSnapToWords, selectionSnaps };
}
