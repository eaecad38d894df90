/** The Swedish texts of this area; the keys and their arguments are English's (messages.ts). */
import type { AreaMessages } from '../../core/locales';
import type { en } from './messages';

export const sv: AreaMessages<typeof en> = {
  'agenda.title': 'Dagordning: {title}',
  'agenda.intro': 'Flytta en punkt med dess handtag: dra den, eller fokusera den och tryck på pil upp och pil ner; knapparna gör samma sak.',
  'agenda.empty': 'Dagordningen har inga punkter än.',
  'agenda.handle': 'Flytta ”{title}” (plats {position} av {count})',
  'agenda.up': 'Flytta ”{title}” uppåt',
  'agenda.down': 'Flytta ”{title}” nedåt',
  'agenda.moved': '”{title}” flyttad till plats {position} av {count}.',
  'agenda.conflict': 'Någon annan ändrade dagordningen medan du flyttade punkter. Den aktuella ordningen visas; flytta punkten igen om du fortfarande vill.',
  'agenda.planned': 'Planerat: {planned} av mötets {length} minuter.',
  'agenda.overrun': 'Punkterna tar {minutes} minuter mer än mötets längd.',
  'agenda.minutes': '{minutes, plural, one {# minut} other {# minuter}}',
  'agenda.presenter': 'Föredragande: {name}',
  'agenda.deliverable': 'Leverans: {title}',
  'agenda.decision': 'Beslut väntas',
  'agenda.conflicts': 'Anmält jäv',
  'agenda.conflictOf': '{name}: {reason}',
  'agenda.remove': 'Ta bort ”{title}”',
  'agenda.add': 'Lägg till en punkt',
  'agenda.itemTitle': 'Rubrik',
  'agenda.duration': 'Minuter',
  'agenda.presenterPerson': 'Föredragande bland de inbjudna',
  'agenda.presenterName': 'Eller en föredragande utifrån (namn)',
  'agenda.none': '(ingen)',
  'agenda.deliverableChoice': 'Kopplad leverans',
  'agenda.decisionExpected': 'Beslut väntas',
  'agenda.addSubmit': 'Lägg till på dagordningen',
  'agenda.saved': 'Dagordningen är sparad.',
};
