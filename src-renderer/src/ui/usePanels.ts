// The side panels (document list, sidebar): shown or hidden by their toggles in the top bar.
// Below the narrow breakpoint (about 200 % zoom of a laptop window) both start hidden and open
// over the document, one at a time, so the text keeps the whole width.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useMediaQuery } from './useMediaQuery';

export const NARROW_WINDOW = '(max-width: 960px)';

export interface Panels {
  narrow: boolean;
  listOpen: boolean;
  sideOpen: boolean;
  /** Element ids of the panels, for the toggles' aria-controls. */
  listId: string;
  sideId: string;
  toggleList(): void;
  toggleSide(): void;
  /** After a document is chosen: on a narrow window the list makes way for the text. */
  documentChosen(): void;
  /** The toggles (in the top bar), which take the focus back when Escape closes a panel. */
  listToggle: RefObject<HTMLButtonElement | null>;
  sideToggle: RefObject<HTMLButtonElement | null>;
  /** Escape in a panel lying over the text (narrow windows) closes it. */
  onPanelKeyDown(panel: 'list' | 'side', event: KeyboardEvent): void;
}

export function usePanels(): Panels {
  const narrow = useMediaQuery(NARROW_WINDOW);
  const [open, setOpen] = useState({ list: !narrow, side: !narrow });
  // Crossing the breakpoint collapses both panels (narrowing) or shows both again (widening).
  useEffect(() => setOpen({ list: !narrow, side: !narrow }), [narrow]);

  const toggleList = useCallback(() => setOpen((o) => ({ list: !o.list, side: narrow ? false : o.side })), [narrow]);
  const toggleSide = useCallback(() => setOpen((o) => ({ list: narrow ? false : o.list, side: !o.side })), [narrow]);
  const documentChosen = useCallback(() => {
    if (narrow) setOpen((o) => ({ ...o, list: false }));
  }, [narrow]);

  const listToggle = useRef<HTMLButtonElement>(null);
  const sideToggle = useRef<HTMLButtonElement>(null);
  const onPanelKeyDown = useCallback(
    (panel: 'list' | 'side', event: KeyboardEvent) => {
      if (!narrow || event.key !== 'Escape' || event.defaultPrevented) return;
      event.stopPropagation();
      setOpen((o) => ({ ...o, [panel]: false }));
      (panel === 'list' ? listToggle : sideToggle).current?.focus();
    },
    [narrow],
  );

  return {
    narrow,
    listOpen: open.list,
    sideOpen: open.side,
    listId: 'workbench-document-list',
    sideId: 'workbench-side-panel',
    toggleList,
    toggleSide,
    documentChosen,
    listToggle,
    sideToggle,
    onPanelKeyDown,
  };
}
