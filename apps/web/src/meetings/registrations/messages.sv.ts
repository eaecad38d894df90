/** The Swedish texts of this area; the keys and their arguments are English's (messages.ts). */
import type { AreaMessages } from '../../core/locales';
import type { en } from './messages';

export const sv: AreaMessages<typeof en> = {
  'registrations.title': 'Anmälningar: {title}',
  'registrations.link': 'Anmälningar',
  'registrations.back': 'Tillbaka till evenemanget',
  'registrations.publicPage': 'Den öppna anmälningssidan',
  'registrations.summary': '{confirmed} bekräftade, {waitlisted} på reservlistan, {cancelled} avbokade',
  'registrations.capacity': '{capacity, plural, one {# plats} other {# platser}}',
  'registrations.noLimit': 'Inget tak för antalet platser',
  'registrations.waitlistOpen': 'En reservlista tar emot anmälningar när det är fullt.',
  'registrations.waitlistClosed': 'Anmälningar avvisas när det är fullt.',
  'registrations.none': 'Ingen har anmält sig ännu.',
  'registrations.export': 'Ladda ned listan (CSV för Excel)',
  'registrations.caption': 'Anmälningar i den ordning de kom',
  'registrations.name': 'Namn',
  'registrations.email': 'E-post',
  'registrations.organisation': 'Organisation',
  'registrations.status': 'Status',
  'registrations.registered': 'Anmäld',
  'registrations.CONFIRMED': 'Bekräftad',
  'registrations.WAITLISTED': 'Reservlista',
  'registrations.CANCELLED': 'Avbokad',
  'registrations.notOpen': 'Mötet är inte ett öppet evenemang: det tar inte emot anmälningar.',
};
