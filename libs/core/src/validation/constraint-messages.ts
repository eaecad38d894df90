import { ValidationError, getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { registerMessages, messageFor } from '../errors/messages';
import { LOCALES, Translated, interpolate } from '../i18n/locale';
import './date-time.messages';

/**
 * One whole sentence per class-validator constraint, in sv, da and en, naming the
 * field: "dueOn: skriv datumet som ÅÅÅÅ-MM-DD …". The key is `validation.<constraint>`
 * (the constraint's name as class-validator reports it); a `@Matches` pattern is
 * described per field, `validation.matches.<property>`. A unit test fails when an
 * input uses a constraint without a sentence here (constraint-messages.spec.ts).
 */
export const CONSTRAINT_MESSAGES: Record<string, Translated> = {
  'validation.isUuid': {
    sv: '{field} ska vara ett id (en UUID, till exempel 0b8f4c9e-2f1a-4c3d-9e7b-5a6d7c8e9f01).',
    da: '{field} skal være et id (et UUID, for eksempel 0b8f4c9e-2f1a-4c3d-9e7b-5a6d7c8e9f01).',
    en: '{field} must be an id (a UUID such as 0b8f4c9e-2f1a-4c3d-9e7b-5a6d7c8e9f01).',
  },
  'validation.isString': { sv: '{field} ska vara en text.', da: '{field} skal være en tekst.', en: '{field} must be a text.' },
  'validation.maxLength': {
    sv: '{field} får vara högst {max} tecken lång.',
    da: '{field} må højst være {max} tegn lang.',
    en: '{field} may be at most {max} characters long.',
  },
  'validation.isLength': {
    sv: '{field} ska vara mellan {min} och {max} tecken lång.',
    da: '{field} skal være mellem {min} og {max} tegn lang.',
    en: '{field} must be between {min} and {max} characters long.',
  },
  'validation.isEnum': {
    sv: '{field} ska vara ett av värdena {values}.',
    da: '{field} skal være en af værdierne {values}.',
    en: '{field} must be one of the values {values}.',
  },
  'validation.arrayMaxSize': {
    sv: '{field}: listan får ha högst {max} poster.',
    da: '{field}: listen må højst have {max} elementer.',
    en: '{field}: the list may hold at most {max} items.',
  },
  'validation.arrayMinSize': {
    sv: '{field}: listan måste ha minst {min} poster.',
    da: '{field}: listen skal have mindst {min} elementer.',
    en: '{field}: the list must hold at least {min} items.',
  },
  'validation.isArray': { sv: '{field} ska vara en lista.', da: '{field} skal være en liste.', en: '{field} must be a list.' },
  'validation.nestedValidation': {
    sv: '{field} ska vara ett objekt med fält.',
    da: '{field} skal være et objekt med felter.',
    en: '{field} must be an object with fields.',
  },
  'validation.isBoolean': { sv: '{field} ska vara true eller false.', da: '{field} skal være true eller false.', en: '{field} must be true or false.' },
  'validation.min': { sv: '{field} får inte vara mindre än {min}.', da: '{field} må ikke være mindre end {min}.', en: '{field} may not be less than {min}.' },
  'validation.max': { sv: '{field} får inte vara större än {max}.', da: '{field} må ikke være større end {max}.', en: '{field} may not be greater than {max}.' },
  'validation.isInt': { sv: '{field} ska vara ett heltal.', da: '{field} skal være et heltal.', en: '{field} must be a whole number.' },
  'validation.isNumber': { sv: '{field} ska vara ett tal.', da: '{field} skal være et tal.', en: '{field} must be a number.' },
  'validation.isEmail': {
    sv: '{field} ska vara en e-postadress, till exempel namn@example.org.',
    da: '{field} skal være en e-mailadresse, for eksempel navn@example.org.',
    en: '{field} must be an email address such as name@example.org.',
  },
  'validation.isUrl': {
    sv: '{field} ska vara en webbadress som börjar med http:// eller https://.',
    da: '{field} skal være en webadresse, der begynder med http:// eller https://.',
    en: '{field} must be a web address starting with http:// or https://.',
  },
  'validation.isIso8601': {
    sv: '{field}: skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-03-01.',
    da: '{field}: skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2027-03-01.',
    en: '{field}: write the date as YYYY-MM-DD, such as 2027-03-01.',
  },
  'validation.isDateOnly': {
    sv: '{field}: skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-03-01.',
    da: '{field}: skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2027-03-01.',
    en: '{field}: write the date as YYYY-MM-DD, such as 2027-03-01.',
  },
  'validation.isDateTimeInput': {
    sv: '{field} ska vara ett datum med klockslag, till exempel 2027-03-01T10:00.',
    da: '{field} skal være en dato med klokkeslæt, for eksempel 2027-03-01T10:00.',
    en: '{field} must be a date and time such as 2027-03-01T10:00.',
  },
  'validation.isTimeZone': {
    sv: '{field} ska vara en tidszon ur IANA-databasen, till exempel Europe/Stockholm.',
    da: '{field} skal være en tidszone fra IANA-databasen, for eksempel Europe/Copenhagen.',
    en: '{field} must be an IANA time zone such as Europe/Stockholm.',
  },
  'validation.whitelistValidation': { sv: '{field} är inget känt fält.', da: '{field} er ikke et kendt felt.', en: '{field} is not a known field.' },
  'validation.matches.letter': {
    sv: '{field} ska vara en eller två gemena bokstäver (a, b, c …).',
    da: '{field} skal være et eller to små bogstaver (a, b, c …).',
    en: '{field} must be one or two lower-case letters (a, b, c …).',
  },
  'validation.matches.withdrawObjectives': {
    sv: '{field}: varje punkt anges med en eller två gemena bokstäver (a, b, c …).',
    da: '{field}: hvert punkt angives med et eller to små bogstaver (a, b, c …).',
    en: '{field}: each objective is given by one or two lower-case letters (a, b, c …).',
  },
  'validation.matches.country': {
    sv: '{field} ska vara två versaler enligt ISO 3166-1, till exempel SE eller DK.',
    da: '{field} skal være to store bogstaver efter ISO 3166-1, for eksempel DK eller SE.',
    en: '{field} must be two capital letters (ISO 3166-1), such as SE or DK.',
  },
  'validation.matches.regionCode': {
    sv: '{field} ska vara en regionkod ur listan (ISO 3166-2), till exempel SE-M för Region Skåne.',
    da: '{field} skal være en regionskode fra listen (ISO 3166-2), for eksempel DK-82 for Region Midtjylland.',
    en: '{field} must be a region code from the list (ISO 3166-2), such as SE-M for Region Skåne.',
  },
  'validation.matches.code': {
    sv: '{field} ska vara en målkod: två tal med punkt emellan, till exempel 4.4.',
    da: '{field} skal være en målkode: to tal med punktum imellem, for eksempel 4.4.',
    en: '{field} must be a goal code: two numbers with a dot between them, such as 4.4.',
  },
};
registerMessages(CONSTRAINT_MESSAGES);

/** The message key of a constraint on a property. */
export function constraintMessageKey(constraint: string, property: string): string {
  return constraint === 'matches' ? `validation.matches.${property}` : `validation.${constraint}`;
}

/** The name class-validator reports a rule under (`isUuid`, `maxLength`, `nestedValidation` …). */
export function constraintName(metadata: ValidationMetadata): string {
  if (metadata.type === 'customValidation') {
    return getMetadataStorage().getTargetValidatorConstraints(metadata.constraintCls)[0]?.name ?? metadata.name ?? 'customValidation';
  }
  return metadata.type;
}

/** Every (constraint, property) pair declared on the classes class-validator knows, for the completeness test. */
export function declaredConstraints(): { target: string; property: string; constraint: string }[] {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, ValidationMetadata[]> };
  return [...storage.validationMetadatas.values()]
    .flat()
    .filter((m) => m.type !== 'conditionalValidation')
    .map((m) => ({ target: typeof m.target === 'function' ? m.target.name : String(m.target), property: m.propertyName, constraint: constraintName(m) }));
}

/** The parameters a sentence needs ({min}, {max}, {values}) from the rule's own arguments. */
function paramsOf(constraint: string, args: unknown[] | undefined): Record<string, unknown> {
  const a = args ?? [];
  switch (constraint) {
    case 'isLength':
      return { min: a[0], max: a[1] ?? '∞' };
    case 'maxLength':
    case 'arrayMaxSize':
    case 'max':
      return { max: a[0] };
    case 'min':
    case 'arrayMinSize':
      return { min: a[0] };
    case 'isEnum':
      return { values: Array.isArray(a[1]) ? (a[1] as unknown[]).join(', ') : '' };
    default:
      return {};
  }
}

function rulesOf(target: object | undefined, property: string): ValidationMetadata[] {
  if (!target || typeof target !== 'object') return [];
  return getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .filter((m) => m.propertyName === property);
}

/**
 * class-validator's errors as whole sentences in every language, one per broken
 * rule, with the field's path (`actionItems.0.dueOn`). Needs the errors' targets
 * (`validationError: { target: true }`) to read each rule's arguments.
 */
export function describeValidationErrors(errors: ValidationError[]): { text: Translated; fields: string[]; problems: { field: string; message: Translated }[] } {
  const sentences: Translated[] = [];
  const fields: string[] = [];
  const byField = new Map<string, Translated[]>();
  const walk = (list: ValidationError[], prefix: string) => {
    for (const error of list) {
      const path = `${prefix}${error.property}`;
      const rules = rulesOf(error.target, error.property);
      for (const constraint of Object.keys(error.constraints ?? {})) {
        if (constraint === 'nestedValidation' && error.children?.length) continue;
        const texts = messageFor(constraintMessageKey(constraint, error.property)) ?? messageFor('validation.invalid')!;
        const rule = rules.find((m) => constraintName(m) === constraint);
        const params = { field: path, ...paramsOf(constraint, rule?.constraints) };
        const sentence = Object.fromEntries(LOCALES.map((l) => [l, interpolate(texts[l], params)])) as Translated;
        sentences.push(sentence);
        fields.push(path);
        byField.set(path, [...(byField.get(path) ?? []), sentence]);
      }
      walk(error.children ?? [], `${path}.`);
    }
  };
  walk(errors, '');
  const join = (list: Translated[]) => Object.fromEntries(LOCALES.map((l) => [l, list.map((s) => s[l]).join(' ')])) as Translated;
  // Each field's own sentences too, so a form can show each problem at its field.
  const problems = [...byField].map(([field, list]) => ({ field, message: join(list) }));
  return { text: join(sentences), fields: [...new Set(fields)], problems };
}

registerMessages({
  'validation.invalid': { sv: '{field} har ett ogiltigt värde.', da: '{field} har en ugyldig værdi.', en: '{field} has an invalid value.' },
  'validation.illFormedText': {
    sv: '{field} innehåller ett NUL-tecken eller ett ensamt surrogattecken, som ingen text kan lagra.',
    da: '{field} indeholder et NUL-tegn eller et enligt surrogattegn, som ingen tekst kan gemme.',
    en: '{field} holds a NUL character or an unpaired surrogate, which no text can store.',
  },
});
