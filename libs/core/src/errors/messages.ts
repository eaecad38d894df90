import { Translated } from '../i18n/locale';

/**
 * Every error text a user can see, in sv, da and en. Areas add their own keys
 * with `registerMessages` so each folder keeps its texts beside its errors.
 */
const catalog: Record<string, Translated> = {
  'auth.unauthenticated': {
    sv: 'Du måste logga in.',
    da: 'Du skal logge ind.',
    en: 'You must sign in.',
  },
  'auth.forbidden': {
    sv: 'Du har inte behörighet till detta.',
    da: 'Du har ikke adgang til dette.',
    en: 'You are not allowed to do this.',
  },
  'auth.invalidCredentials': {
    sv: 'Fel e-postadress eller lösenord.',
    da: 'Forkert e-mailadresse eller adgangskode.',
    en: 'Wrong email address or password.',
  },
  'auth.rateLimited': {
    sv: 'För många misslyckade inloggningar. Försök igen om {minutes} minuter.',
    da: 'For mange mislykkede logins. Prøv igen om {minutes} minutter.',
    en: 'Too many failed sign-ins. Try again in {minutes} minutes.',
  },
  'auth.invalidRefreshToken': {
    sv: 'Sessionen har gått ut eller återkallats. Logga in igen.',
    da: 'Sessionen er udløbet eller tilbagekaldt. Log ind igen.',
    en: 'The session has expired or was revoked. Sign in again.',
  },
  'common.notFound': {
    sv: '{entity} med id {id} finns inte.',
    da: '{entity} med id {id} findes ikke.',
    en: '{entity} with id {id} does not exist.',
  },
  'common.invalidInput': {
    sv: 'Ogiltiga uppgifter: {details}',
    da: 'Ugyldige oplysninger: {details}',
    en: 'Invalid input: {details}',
  },
  'common.conflict': {
    sv: 'Ändringen krockar med befintliga uppgifter: {details}',
    da: 'Ændringen er i konflikt med eksisterende oplysninger: {details}',
    en: 'The change conflicts with existing data: {details}',
  },
  'common.internal': {
    sv: 'Ett internt fel inträffade. Felet har loggats med id {requestId}.',
    da: 'Der opstod en intern fejl. Fejlen er logget med id {requestId}.',
    en: 'An internal error occurred. It was logged with id {requestId}.',
  },
  'common.firstTooLarge': {
    sv: 'first får vara högst {max}.',
    da: 'first må højst være {max}.',
    en: 'first may be at most {max}.',
  },
  'common.pageNotFound': {
    sv: 'Sidan finns inte.',
    da: 'Siden findes ikke.',
    en: 'The page does not exist.',
  },
  'common.storageFull': {
    sv: 'Servern har inte plats att spara detta just nu. Inget sparades; försök igen senare.',
    da: 'Serveren har ikke plads til at gemme dette lige nu. Intet blev gemt; prøv igen senere.',
    en: 'The server has no room to store this right now. Nothing was saved; try again later.',
  },
  'common.badRequest': {
    sv: 'Adressen är felaktig.',
    da: 'Adressen er ugyldig.',
    en: 'The address is not valid.',
  },
  'common.invalidCursor': {
    sv: 'Ogiltig markör (cursor).',
    da: 'Ugyldig markør (cursor).',
    en: 'Invalid cursor.',
  },
};

export function registerMessages(messages: Record<string, Translated>): void {
  for (const [key, texts] of Object.entries(messages)) {
    if (catalog[key] && JSON.stringify(catalog[key]) !== JSON.stringify(texts)) {
      throw new Error(`Message key ${key} is registered twice with different texts`);
    }
    catalog[key] = texts;
  }
}

export function messageFor(key: string): Translated | undefined {
  return catalog[key];
}

export function allMessageKeys(): string[] {
  return Object.keys(catalog);
}
