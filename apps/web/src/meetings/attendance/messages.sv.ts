/** The Swedish texts of this area; the keys and their arguments are English's (messages.ts). */
import type { AreaMessages } from '../../core/locales';
import type { en } from './messages';

export const sv: AreaMessages<typeof en> = {
  'attendance.title': 'Närvaro: {title}',
  'attendance.link': 'Närvaro och beslutförhet',
  'attendance.record': 'Vilka är här',
  'attendance.notBegun': 'Närvaron registreras när mötet har börjat.',
  'attendance.role.CHAIR': 'ordförande',
  'attendance.role.MEMBER': 'ledamot',
  'attendance.role.SUBSTITUTE': 'ersättare',
  'attendance.role.GUEST': 'gäst',
  'attendance.PRESENT': 'Närvarande',
  'attendance.ABSENT': 'Frånvarande',
  'attendance.APOLOGIES': 'Anmält förhinder',
  'attendance.SUBSTITUTED': 'Ersatt',
  'attendance.substitutedBy': 'Vem tjänstgjorde för {name}',
  'attendance.rsvpSubstitute': 'Svarade: ersättaren {name} kommer',
  'attendance.save': 'Spara närvaron',
  'attendance.saved': 'Närvaron är sparad.',
  'attendance.nothing': 'Markera minst en person.',
  'attendance.quorum': 'Beslutförhet',
  'attendance.noQuorum': 'Ett möte med hela kommissionen har ingen regel om beslutförhet.',
  'attendance.meetingQuorum': '{represented} av {seats} platser företrädda, {required} behövs.',
  'attendance.met': 'Beslutfört',
  'attendance.notMet': 'Inte beslutfört',
  'attendance.perItem': 'Beslutförhet per punkt på dagordningen',
  'attendance.perItemHint': 'En plats räknas inte på en punkt där den som företräder den är jävig.',
  'attendance.itemQuorum': '{represented} av {seats} platser räknas, {required} behövs',
  'attendance.recused': '{count, plural, one {# plats räknas inte på grund av jäv} other {# platser räknas inte på grund av jäv}}',
  'attendance.conflictDeclared': 'Jäv anmält: {name} – {reason}',
  'attendance.conflictRecorded': 'Jäv i protokollet: {name} – {reason}',
};
