import { IntlMessageFormat } from 'intl-messageformat';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setRequestLanguage } from './client';
import { isLocale, loadMessages, messagesOf, type Locale, type MessageKey } from './messages';

export interface Viewer {
  personId: string;
  name: string;
  locale: Locale;
  timeZone: string;
  /** Whether the header offers the shared registers (people, organisations); unknown until a page or the layout asks. */
  registers?: boolean;
}

interface I18n {
  locale: Locale;
  timeZone: string;
  viewer: Viewer | null;
  /** Pages that loaded the signed-in person (their query asks for it) hand it here. */
  setViewer(viewer: Viewer | null): void;
  setLocale(locale: Locale): void;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  dateTime(iso: string, timeZone?: string): string;
  date(iso: string): string;
}

// Only the language choice is remembered here: never a token.
const LOCALE_KEY = 'samverkan.locale';
// Who is signed in (name, language, zone: no token), for this tab, so a page whose data could not load still shows it.
const VIEWER_KEY = 'samverkan.viewer';

function storedViewer(): Viewer | null {
  try {
    const value = JSON.parse(window.sessionStorage.getItem(VIEWER_KEY) ?? 'null') as Viewer | null;
    return value && typeof value.personId === 'string' && isLocale(value.locale) ? value : null;
  } catch {
    return null;
  }
}
const formats = new Map<string, IntlMessageFormat>();

/** The language the application opens in: ?lang=, then the reader's last choice, then the browser's. */
export function initialLocale(): Locale {
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (isLocale(asked)) return asked;
  const stored = window.localStorage.getItem(LOCALE_KEY);
  if (isLocale(stored)) return stored;
  const browser = navigator.languages.map((l) => l.slice(0, 2)).find(isLocale);
  return browser ?? 'sv';
}

const Context = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const [viewer, setViewerState] = useState<Viewer | null>(storedViewer);
  const timeZone = viewer?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

  // Set during render, so the first request of a page already asks in this language.
  setRequestLanguage(locale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  // Stable across renders: a page that clears the viewer when it mounts (sign-in) must not clear it again when the
  // viewer it has just set changes the context (a new setViewer each time would re-run its effect mid-navigation).
  const setLocale = useCallback((next: Locale) => {
    // The texts of the next language are fetched first (a chunk of their own): until then the page stays in the current one.
    window.localStorage.setItem(LOCALE_KEY, next);
    void loadMessages(next).then(() => setLocaleState(next), () => undefined);
  }, []);
  const setViewer = useCallback(
    (next: Viewer | null) => {
      if (next) window.sessionStorage.setItem(VIEWER_KEY, JSON.stringify(next));
      else window.sessionStorage.removeItem(VIEWER_KEY);
      setViewerState((current) => {
        // A page that does not know about the registers keeps what an earlier one said.
        const merged = current && next && current.personId === next.personId && next.registers === undefined ? { ...next, registers: current.registers } : next;
        const same = current && merged && current.personId === merged.personId && current.locale === merged.locale && current.timeZone === merged.timeZone && current.registers === merged.registers;
        if (merged && !same) window.sessionStorage.setItem(VIEWER_KEY, JSON.stringify(merged));
        return same ? current : merged;
      });
      if (next && !isLocale(new URLSearchParams(window.location.search).get('lang'))) setLocale(next.locale);
    },
    [setLocale],
  );

  const value = useMemo<I18n>(() => {
    return {
      locale,
      timeZone,
      viewer,
      setLocale,
      setViewer,
      t(key, values) {
        const id = `${locale}:${key}`;
        let format = formats.get(id);
        if (!format) {
          format = new IntlMessageFormat(messagesOf(locale)[key] ?? key, locale);
          formats.set(id, format);
        }
        return String(format.format(values));
      },
      dateTime(iso, zone = timeZone) {
        return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: zone }).format(new Date(iso));
      },
      date(iso) {
        return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(new Date(iso));
      },
    };
  }, [locale, timeZone, viewer, setLocale, setViewer]);

  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
