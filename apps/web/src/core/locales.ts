/**
 * The languages of the web application and the shape of an area's texts. Apart from
 * messages.ts, which imports every area's texts, so that an area's messages.ts can
 * name AreaMessages without importing messages.ts back (no import cycle).
 */
export const LOCALES = ['sv', 'da', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** An area's Swedish or Danish texts: the same keys as its English ones. */
export type AreaMessages<English> = Record<keyof English, string>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
