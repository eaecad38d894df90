/**
 * Every text of the web application in ICU MessageFormat, per language. Each area
 * keeps its own texts beside its pages: English in `<area>/messages.ts` (keys prefixed
 * by the area's word; they give every key its type), Swedish and Danish in
 * `<area>/messages.sv.ts` and `.da.ts`. messages.en.ts, messages.sv.ts and
 * messages.da.ts put one language's areas together, each a chunk of its own that is
 * loaded only for a reader of that language: the first load carries one language, not
 * three. A key missing in one language, or with other arguments than in English, fails
 * messages.spec.ts.
 */
import type { EN_AREAS } from './messages.en';
import type { Locale } from './locales';

export { LOCALES, isLocale, type AreaMessages, type Locale } from './locales';

type Areas = typeof EN_AREAS;
export type MessageKey = { [Area in keyof Areas]: keyof Areas[Area] }[keyof Areas] & string;
export type Messages = Record<string, string>;

/** One language's texts from its areas (messages.spec.ts checks that no two areas define the same key). */
export function merged(areas: Record<string, Messages>): Messages {
  return Object.assign({}, ...Object.values(areas));
}

const LOADERS: Record<Locale, () => Promise<Messages>> = {
  en: () => import('./messages.en').then((texts) => merged(texts.EN_AREAS)),
  sv: () => import('./messages.sv').then((texts) => merged(texts.SV_AREAS)),
  da: () => import('./messages.da').then((texts) => merged(texts.DA_AREAS)),
};

const loaded = new Map<Locale, Messages>();

/** Fetches a language's texts once; the application renders in a language only after this. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  const known = loaded.get(locale);
  if (known) return known;
  const texts = await LOADERS[locale]();
  loaded.set(locale, texts);
  return texts;
}

/** A loaded language's texts (none before it has been loaded: a text then shows its key). */
export function messagesOf(locale: Locale): Messages {
  return loaded.get(locale) ?? {};
}
