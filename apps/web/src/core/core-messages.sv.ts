/** The Swedish texts of this area; the keys and their arguments are English's (core-messages.ts). */
import type { AreaMessages } from './locales';
import type { en } from './core-messages';

export const sv: AreaMessages<typeof en> = {
  'app.name': 'Samverkan',
  'app.skip': 'Hoppa till innehållet',
  'app.nav': 'Huvudmeny',
  'app.myPage': 'Min sida',
  'app.signOut': 'Logga ut',
  'app.signOutEverywhere': 'Logga ut på alla enheter',
  'app.loading': 'Laddar…',
  'app.retry': 'Försök igen',
  'app.offline': 'Anslutningen bröts. Det du skrev finns kvar.',
  'app.failed': 'Något gick fel ({code}).',
  'app.language': 'Språk',
  'notFound.title': 'Hittades inte',
  'notFound.body': 'Det finns inget på den här adressen, eller så är det inte ditt att se.',
  'forbidden.title': 'Inte för dig',
  'forbidden.body': 'Du är inloggad som {name}, som inte får se detta. Logga in som den person det är avsett för.',
  'notFound.otherPerson': 'Du är inloggad som {name}. Om länken skickades till någon annan, logga in som den personen.',
  'notFound.signInAsOwner': 'Logga in som någon annan',
  'notFound.home': 'Till min sida',
  'form.errors': '{count, plural, one {Det finns # problem} other {Det finns # problem}} i formuläret',
  'form.required': 'Fyll i {field}.',
  'app.settings': 'Inställningar',
  'app.people': 'Personer',
  'app.organisations': 'Organisationer',
  'app.mySeats': 'Mina platser',
};
