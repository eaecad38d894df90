/** The Danish texts of this area; the keys and their arguments are English's (messages.ts). */
import type { AreaMessages } from '../../core/locales';
import type { en } from './messages';

export const da: AreaMessages<typeof en> = {
  'agenda.title': 'Dagsorden: {title}',
  'agenda.intro': 'Flyt et punkt med dets håndtag: træk det, eller fokuser det og tryk på pil op og pil ned; knapperne gør det samme.',
  'agenda.empty': 'Dagsordenen har ingen punkter endnu.',
  'agenda.handle': 'Flyt “{title}” (plads {position} af {count})',
  'agenda.up': 'Flyt “{title}” op',
  'agenda.down': 'Flyt “{title}” ned',
  'agenda.moved': '“{title}” er flyttet til plads {position} af {count}.',
  'agenda.conflict': 'En anden ændrede dagsordenen, mens du flyttede punkter. Den aktuelle rækkefølge vises; flyt punktet igen, hvis du stadig vil.',
  'agenda.planned': 'Planlagt: {planned} af mødets {length} minutter.',
  'agenda.overrun': 'Punkterne tager {minutes} minutter mere end mødets længde.',
  'agenda.minutes': '{minutes, plural, one {# minut} other {# minutter}}',
  'agenda.presenter': 'Oplægsholder: {name}',
  'agenda.deliverable': 'Leverance: {title}',
  'agenda.decision': 'Beslutning forventes',
  'agenda.conflicts': 'Anmeldt inhabilitet',
  'agenda.conflictOf': '{name}: {reason}',
  'agenda.remove': 'Fjern “{title}”',
  'agenda.add': 'Tilføj et punkt',
  'agenda.itemTitle': 'Overskrift',
  'agenda.duration': 'Minutter',
  'agenda.presenterPerson': 'Oplægsholder blandt de inviterede',
  'agenda.presenterName': 'Eller en oplægsholder udefra (navn)',
  'agenda.none': '(ingen)',
  'agenda.deliverableChoice': 'Tilknyttet leverance',
  'agenda.decisionExpected': 'Der forventes en beslutning',
  'agenda.addSubmit': 'Tilføj til dagsordenen',
  'agenda.saved': 'Dagsordenen er gemt.',
};
