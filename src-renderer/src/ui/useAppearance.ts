// The colour theme and the document text's size: remembered in the settings table (for every
// project), the theme applied to the page as `data-theme` (light or dark; "system" follows the
// operating system's preference as it changes).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SpanwrightDatabase } from '../storage/database';
import { isNumber, readSetting, rememberSetting, SETTING } from '../storage/settings';
import { useMediaQuery } from './useMediaQuery';

export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEMES)[number];

/** The document text's font size in CSS pixels: the range offered, and the size before any choice. */
export const DOCUMENT_FONT_SIZE = { min: 12, max: 24, initial: 17 } as const;

const isThemeChoice = (v: unknown): v is ThemeChoice => THEMES.includes(v as ThemeChoice);

// The settings table is read only once the database is open: a copy of the theme choice in
// localStorage lets the page take its theme before anything is drawn (no light flash in dark).
const THEME_CACHE_KEY = 'spanwright:theme';

function resolveTheme(choice: ThemeChoice, systemDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

/** Gives the page the theme last chosen, before the app starts (main.tsx). */
export function applyRememberedTheme(): void {
  try {
    const cached = localStorage.getItem(THEME_CACHE_KEY);
    const choice = isThemeChoice(cached) ? cached : 'system';
    document.documentElement.dataset.theme = resolveTheme(choice, window.matchMedia('(prefers-color-scheme: dark)').matches);
  } catch {
    // No storage (a locked-down browser): the theme comes with the settings a moment later.
  }
}
const clampFontSize = (size: number) => Math.min(DOCUMENT_FONT_SIZE.max, Math.max(DOCUMENT_FONT_SIZE.min, Math.round(size)));

export interface Appearance {
  theme: ThemeChoice;
  /** The theme in effect: the choice, or the system's when the choice is "system". */
  resolvedTheme: 'light' | 'dark';
  setTheme(theme: ThemeChoice): void;
  documentFontSize: number;
  setDocumentFontSize(size: number): void;
}

export function useAppearance(db: SpanwrightDatabase): Appearance {
  const [theme, setThemeState] = useState<ThemeChoice>('system');
  const [documentFontSize, setFontSizeState] = useState<number>(DOCUMENT_FONT_SIZE.initial);
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)');
  // A choice made before the stored one is read wins over it.
  const chosen = useRef({ theme: false, fontSize: false });

  useEffect(() => {
    let cancelled = false;
    void Promise.all([readSetting(db, SETTING.theme, isThemeChoice), readSetting(db, SETTING.documentFontSize, isNumber)]).then(
      ([storedTheme, storedSize]) => {
        if (cancelled) return;
        if (storedTheme && !chosen.current.theme) {
          setThemeState(storedTheme);
          rememberTheme(storedTheme);
        }
        if (storedSize !== undefined && !chosen.current.fontSize) setFontSizeState(clampFontSize(storedSize));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [db]);

  const resolvedTheme = resolveTheme(theme, systemDark);
  useEffect(() => {
    document.documentElement.dataset.theme = resolvedTheme;
  }, [resolvedTheme]);

  const setTheme = useCallback(
    (next: ThemeChoice) => {
      chosen.current.theme = true;
      setThemeState(next);
      rememberSetting(db, SETTING.theme, next);
      rememberTheme(next);
    },
    [db],
  );
  const setDocumentFontSize = useCallback(
    (size: number) => {
      if (!Number.isFinite(size)) return;
      const next = clampFontSize(size);
      chosen.current.fontSize = true;
      setFontSizeState(next);
      rememberSetting(db, SETTING.documentFontSize, next);
    },
    [db],
  );

  return { theme, resolvedTheme, setTheme, documentFontSize, setDocumentFontSize };
}

function rememberTheme(choice: ThemeChoice): void {
  try {
    localStorage.setItem(THEME_CACHE_KEY, choice);
  } catch {
    // Only a copy: the settings table keeps the choice.
  }
}
