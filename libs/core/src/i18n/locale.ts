export const LOCALES = ['sv', 'da', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
/** The language when nothing else decides; the API reads the configured DEFAULT_LOCALE instead where it can. */
export const DEFAULT_LOCALE: Locale = 'sv';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best supported language of an Accept-Language header (RFC 9110 §12.5.4):
 * the highest q-value wins, ties go to the earlier tag, `q=0` means "not this one".
 * `*` and languages we do not have (fr, de, nb …) choose nothing, so the caller
 * falls back to the person's own language or the configured default rather than
 * to whichever language happens to come first.
 */
export function localeFromHeader(header: string | readonly string[] | undefined): Locale | undefined {
  const text = Array.isArray(header) ? header.join(',') : (header as string | undefined);
  if (!text) return undefined;
  const ranges = text
    .slice(0, 1000)
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const qParam = params.map((p) => p.trim()).find((p) => /^q\s*=/i.test(p));
      const q = qParam === undefined ? 1 : /^q\s*=\s*[01](\.\d{0,3})?$/i.test(qParam) ? Number(qParam.split('=')[1]) : 0;
      return { tag: tag.trim().toLowerCase(), q, index };
    })
    .filter((range) => range.q > 0 && range.q <= 1)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    const base = tag.split('-')[0];
    if (isLocale(base)) return base;
  }
  return undefined;
}

/**
 * The one rule for the language of an answer, for GraphQL and the server pages alike:
 * a language asked for explicitly (a page's `?lang=`), else the best match of the
 * request's Accept-Language, else the signed-in (or linked) person's own language,
 * else the configured default.
 */
export function chooseLocale(sources: { asked?: unknown; header?: string | readonly string[]; person?: unknown; fallback: Locale }): Locale {
  if (isLocale(sources.asked)) return sources.asked;
  return localeFromHeader(sources.header) ?? (isLocale(sources.person) ? sources.person : sources.fallback);
}

/** A text in every language users can choose. */
export type Translated = Record<Locale, string>;

/** Fills {name} placeholders; a parameter that is itself a {@link Translated} text gives its `locale` version. */
export function interpolate(template: string, params: Record<string, unknown> = {}, locale?: Locale): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    if (!(key in params)) return `{${key}}`;
    const value = params[key];
    if (locale && isTranslated(value)) return value[locale];
    return String(value);
  });
}

export function isTranslated(value: unknown): value is Translated {
  return typeof value === 'object' && value !== null && LOCALES.every((l) => typeof (value as Record<string, unknown>)[l] === 'string');
}
