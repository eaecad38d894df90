import { IntlMessageFormat } from 'intl-messageformat';
import { LOCALES, loadMessages, merged, messagesOf, type Locale } from './messages';
import { DA_AREAS } from './messages.da';
import { EN_AREAS as AREAS } from './messages.en';
import { SV_AREAS } from './messages.sv';

const LANGUAGE_AREAS = { sv: SV_AREAS, da: DA_AREAS } as const;
const MESSAGES: Record<Locale, Record<string, string>> = { en: merged(AREAS), sv: merged(SV_AREAS), da: merged(DA_AREAS) };

/** The arguments an ICU message uses (plural/select selectors and simple arguments). */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  for (const match of message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*(?:,|\})/g)) names.add(match[1]);
  return [...names].sort();
}

describe('web application messages', () => {
  const keys = Object.keys(MESSAGES.en).sort();

  it.each(LOCALES)('%s has every key English has, and no other', (locale) => {
    expect(Object.keys(MESSAGES[locale]).sort()).toEqual(keys);
  });

  it.each(LOCALES)('%s: every message is valid ICU with the same arguments as English', (locale) => {
    for (const key of keys) {
      const message = MESSAGES[locale][key];
      expect({ key, empty: message.trim() === '' }).toEqual({ key, empty: false });
      expect(() => new IntlMessageFormat(message, locale)).not.toThrow();
      expect({ key, args: argumentsOf(message) }).toEqual({ key, args: argumentsOf(MESSAGES.en[key]) });
    }
  });

  it('no two areas define the same key, and every area has the same keys in every language', () => {
    const owners = new Map<string, string>();
    for (const [area, texts] of Object.entries(AREAS)) {
      for (const key of Object.keys(texts)) {
        expect({ key, alsoIn: owners.get(key) }).toEqual({ key, alsoIn: undefined });
        owners.set(key, area);
      }
      for (const locale of ['sv', 'da'] as const) {
        const translated = (LANGUAGE_AREAS[locale] as Record<string, Record<string, string> | undefined>)[area];
        expect({ area, locale, keys: Object.keys(translated ?? {}).sort() }).toEqual({ area, locale, keys: Object.keys(texts).sort() });
      }
    }
    // Every language lists the same areas as English (an area registered only in messages.ts has no Swedish or Danish).
    for (const locale of ['sv', 'da'] as const) expect({ locale, areas: Object.keys(LANGUAGE_AREAS[locale]).sort() }).toEqual({ locale, areas: Object.keys(AREAS).sort() });
  });

  it('loads a language on demand, once, and only that language', async () => {
    expect(messagesOf('sv')).toEqual({});
    expect(await loadMessages('sv')).toEqual(MESSAGES.sv);
    expect(messagesOf('sv')).toBe(await loadMessages('sv'));
    expect(messagesOf('da')).toEqual({});
  });

  it('formats plurals per language', () => {
    const format = (locale: 'sv' | 'da' | 'en', minutes: number) => new IntlMessageFormat(MESSAGES[locale]['meeting.minutesDuration'], locale).format({ minutes });
    expect(format('en', 1)).toBe('1 minute');
    expect(format('da', 45)).toBe('45 minutter');
    expect(format('sv', 45)).toBe('45 minuter');
  });
});
