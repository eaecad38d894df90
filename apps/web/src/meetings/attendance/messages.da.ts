/** The Danish texts of this area; the keys and their arguments are English's (messages.ts). */
import type { AreaMessages } from '../../core/locales';
import type { en } from './messages';

export const da: AreaMessages<typeof en> = {
  'attendance.title': 'Fremmøde: {title}',
  'attendance.link': 'Fremmøde og beslutningsdygtighed',
  'attendance.record': 'Hvem er her',
  'attendance.notBegun': 'Fremmødet registreres, når mødet er begyndt.',
  'attendance.role.CHAIR': 'formand',
  'attendance.role.MEMBER': 'medlem',
  'attendance.role.SUBSTITUTE': 'stedfortræder',
  'attendance.role.GUEST': 'gæst',
  'attendance.PRESENT': 'Til stede',
  'attendance.ABSENT': 'Fraværende',
  'attendance.APOLOGIES': 'Afbud',
  'attendance.SUBSTITUTED': 'Stedfortræder',
  'attendance.substitutedBy': 'Hvem mødte for {name}',
  'attendance.rsvpSubstitute': 'Svarede: stedfortræderen {name} kommer',
  'attendance.save': 'Gem fremmødet',
  'attendance.saved': 'Fremmødet er gemt.',
  'attendance.nothing': 'Markér mindst én person.',
  'attendance.quorum': 'Beslutningsdygtighed',
  'attendance.noQuorum': 'Et møde for hele kommissionen har ingen regel om beslutningsdygtighed.',
  'attendance.meetingQuorum': '{represented} af {seats} pladser repræsenteret, {required} kræves.',
  'attendance.met': 'Beslutningsdygtig',
  'attendance.notMet': 'Ikke beslutningsdygtig',
  'attendance.perItem': 'Beslutningsdygtighed pr. dagsordenspunkt',
  'attendance.perItemHint': 'En plads tæller ikke på et punkt, hvor den, der repræsenterer den, er inhabil.',
  'attendance.itemQuorum': '{represented} af {seats} pladser tæller, {required} kræves',
  'attendance.recused': '{count, plural, one {# plads tæller ikke på grund af inhabilitet} other {# pladser tæller ikke på grund af inhabilitet}}',
  'attendance.conflictDeclared': 'Inhabilitet anmeldt: {name} – {reason}',
  'attendance.conflictRecorded': 'Inhabilitet i referatet: {name} – {reason}',
};
