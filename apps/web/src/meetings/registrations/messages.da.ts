/** The Danish texts of this area; the keys and their arguments are English's (messages.ts). */
import type { AreaMessages } from '../../core/locales';
import type { en } from './messages';

export const da: AreaMessages<typeof en> = {
  'registrations.title': 'Tilmeldinger: {title}',
  'registrations.link': 'Tilmeldinger',
  'registrations.back': 'Tilbage til arrangementet',
  'registrations.publicPage': 'Den åbne tilmeldingsside',
  'registrations.summary': '{confirmed} bekræftede, {waitlisted} på ventelisten, {cancelled} afmeldt',
  'registrations.capacity': '{capacity, plural, one {# plads} other {# pladser}}',
  'registrations.noLimit': 'Intet loft over antallet af pladser',
  'registrations.waitlistOpen': 'En venteliste tager imod tilmeldinger, når der er fuldt.',
  'registrations.waitlistClosed': 'Tilmeldinger afvises, når der er fuldt.',
  'registrations.none': 'Ingen har tilmeldt sig endnu.',
  'registrations.export': 'Hent listen (CSV til Excel)',
  'registrations.caption': 'Tilmeldinger i den rækkefølge, de kom',
  'registrations.name': 'Navn',
  'registrations.email': 'E-mail',
  'registrations.organisation': 'Organisation',
  'registrations.status': 'Status',
  'registrations.registered': 'Tilmeldt',
  'registrations.CONFIRMED': 'Bekræftet',
  'registrations.WAITLISTED': 'Venteliste',
  'registrations.CANCELLED': 'Afmeldt',
  'registrations.notOpen': 'Mødet er ikke et åbent arrangement: det tager ikke imod tilmeldinger.',
};
