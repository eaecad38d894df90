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
  'common.concurrentUpdate': {
    sv: 'Någon annan ändrade samma uppgifter samtidigt. Försök igen.',
    da: 'En anden ændrede de samme oplysninger samtidig. Prøv igen.',
    en: 'Someone else changed the same data at the same moment. Try again.',
  },
  'common.invalidParameter': {
    sv: 'Ett av värdena kan inte användas (till exempel en okänd tidszon).',
    da: 'En af værdierne kan ikke bruges (for eksempel en ukendt tidszone).',
    en: 'One of the values cannot be used (an unknown time zone, for example).',
  },
  'common.malformedValue': {
    sv: 'Ett av värdena är felaktigt skrivet eller för stort.',
    da: 'En af værdierne er skrevet forkert eller er for stor.',
    en: 'One of the values is malformed or too large.',
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

/** The refusals of an operation too big for the limits (GRAPHQL_MAX_*); {found} of a cost is rounded. */
registerMessages({
  'limits.depth': {
    sv: 'Frågan är för djup: högst {limit} nivåer tillåts och den här har {found}.',
    da: 'Forespørgslen er for dyb: højst {limit} niveauer er tilladt, og denne har {found}.',
    en: 'The query is too deep: at most {limit} levels are allowed and this one has {found}.',
  },
  'limits.aliases': {
    sv: 'Frågan har för många alias: högst {limit} tillåts och den här har {found}.',
    da: 'Forespørgslen har for mange aliasser: højst {limit} er tilladt, og denne har {found}.',
    en: 'The query has too many aliases: at most {limit} are allowed and this one has {found}.',
  },
  'limits.cost': {
    sv: 'Frågan är för kostsam: kostnaden får vara högst {limit} och den här kostar {found}. Be om färre poster per lista (first) eller färre nivåer.',
    da: 'Forespørgslen er for dyr: omkostningen må højst være {limit}, og denne koster {found}. Bed om færre elementer pr. liste (first) eller færre niveauer.',
    en: 'The query costs too much: the cost may be at most {limit} and this one costs {found}. Ask for fewer items per list (first) or fewer levels.',
  },
  'limits.directives': {
    sv: 'Frågan har för många direktiv: högst {limit} tillåts och den här har {found}.',
    da: 'Forespørgslen har for mange direktiver: højst {limit} er tilladt, og denne har {found}.',
    en: 'The query has too many directives: at most {limit} are allowed and this one has {found}.',
  },
  'limits.tokens': {
    sv: 'Frågan är för lång: högst {limit} symboler (namn, tecken och värden) tillåts och den här har {found}.',
    da: 'Forespørgslen er for lang: højst {limit} symboler (navne, tegn og værdier) er tilladt, og denne har {found}.',
    en: 'The query is too long: at most {limit} tokens (names, punctuation and values) are allowed and this one has {found}.',
  },
});

/** Refusals of a request before any operation runs: its body, its method, its content type (see README, "Typed errors"). */
registerMessages({
  'http.bodyTooLarge': {
    sv: 'Begäran är för stor: kroppen får vara högst {limit}.',
    da: 'Forespørgslen er for stor: indholdet må højst være {limit}.',
    en: 'The request is too large: its body may be at most {limit}.',
  },
  'http.malformedBody': {
    sv: 'Begärans kropp går inte att läsa: den är inte giltig JSON.',
    da: 'Forespørgslens indhold kan ikke læses: det er ikke gyldig JSON.',
    en: 'The request body cannot be read: it is not valid JSON.',
  },
  'http.unsupportedCharset': {
    sv: 'Begärans teckenkodning stöds inte: skicka den som UTF-8.',
    da: 'Forespørgslens tegnkodning understøttes ikke: send den som UTF-8.',
    en: 'The request’s character encoding is not supported: send it as UTF-8.',
  },
  'graphql.csrf': {
    sv: 'Begäran stoppades som möjlig förfalskning (CSRF): skicka den med Content-Type: application/json, eller med huvudet apollo-require-preflight.',
    da: 'Forespørgslen blev stoppet som mulig forfalskning (CSRF): send den med Content-Type: application/json eller med headeren apollo-require-preflight.',
    en: 'The request was stopped as a possible forgery (CSRF): send it with Content-Type: application/json, or with the header apollo-require-preflight.',
  },
  'graphql.contentType': {
    sv: 'Begäran saknar en GraphQL-fråga: skicka den med POST som JSON ({"query": …}) och Content-Type: application/json.',
    da: 'Forespørgslen mangler en GraphQL-forespørgsel: send den med POST som JSON ({"query": …}) og Content-Type: application/json.',
    en: 'The request holds no GraphQL operation: send it with POST as JSON ({"query": …}) and Content-Type: application/json.',
  },
  'graphql.getMutation': {
    sv: 'En mutation måste skickas med POST; GET får bara läsa (query).',
    da: 'En mutation skal sendes med POST; GET må kun læse (query).',
    en: 'A mutation must be sent with POST; GET may only read (query).',
  },
  'graphql.missingQuery': {
    sv: 'Begäran saknar frågetext: fältet query får inte vara tomt.',
    da: 'Forespørgslen mangler tekst: feltet query må ikke være tomt.',
    en: 'The request has no operation text: the field query may not be empty.',
  },
  'graphql.batching': {
    sv: 'Skicka en fråga per begäran; flera frågor i en lista stöds inte.',
    da: 'Send én forespørgsel pr. anmodning; flere forespørgsler i en liste understøttes ikke.',
    en: 'Send one operation per request; a list of operations is not supported.',
  },
  'graphql.persistedQueries': {
    sv: 'Sparade frågor (persisted queries) stöds inte: skicka frågans text i fältet query.',
    da: 'Gemte forespørgsler (persisted queries) understøttes ikke: send forespørgslens tekst i feltet query.',
    en: 'Persisted queries are not supported: send the operation’s text in the field query.',
  },
  'graphql.badRequest': {
    sv: 'Begäran till /graphql har fel form: skicka {"query": …, "variables": {…}} som JSON med POST.',
    da: 'Forespørgslen til /graphql har forkert form: send {"query": …, "variables": {…}} som JSON med POST.',
    en: 'The request to /graphql is malformed: send {"query": …, "variables": {…}} as JSON with POST.',
  },
  'graphql.variableInvalid': {
    sv: 'Variabeln ${variable} har ett värde av fel typ eller saknar ett obligatoriskt fält.',
    da: 'Variablen ${variable} har en værdi af forkert type eller mangler et obligatorisk felt.',
    en: 'The variable ${variable} has a value of the wrong type or lacks a required field.',
  },
});
