/** The Danish texts of this area; the keys and their arguments are English's (core-messages.ts). */
import type { AreaMessages } from './locales';
import type { en } from './core-messages';

export const da: AreaMessages<typeof en> = {
  'app.name': 'Samverkan',
  'app.skip': 'Spring til indholdet',
  'app.nav': 'Hovedmenu',
  'app.myPage': 'Min side',
  'app.signOut': 'Log ud',
  'app.signOutEverywhere': 'Log ud på alle enheder',
  'app.loading': 'Indlæser…',
  'app.retry': 'Prøv igen',
  'app.offline': 'Forbindelsen blev afbrudt. Det, du skrev, er gemt.',
  'app.failed': 'Noget gik galt ({code}).',
  'app.language': 'Sprog',
  'notFound.title': 'Ikke fundet',
  'notFound.body': 'Der er intet på denne adresse, eller det er ikke dit at se.',
  'forbidden.title': 'Ikke for dig',
  'forbidden.body': 'Du er logget ind som {name}, som ikke må se dette. Log ind som den person, det er tiltænkt.',
  'notFound.otherPerson': 'Du er logget ind som {name}. Hvis linket blev sendt til en anden, så log ind som vedkommende.',
  'notFound.signInAsOwner': 'Log ind som en anden',
  'notFound.home': 'Til min side',
  'form.errors': '{count, plural, one {Der er # problem} other {Der er # problemer}} i formularen',
  'form.required': 'Udfyld {field}.',
  'app.settings': 'Indstillinger',
  'app.people': 'Personer',
  'app.organisations': 'Organisationer',
  'app.mySeats': 'Mine pladser',
};
