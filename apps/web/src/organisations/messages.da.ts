/** The Danish texts of this area; the keys and their arguments are English's (messages.ts). */
import type { AreaMessages } from '../core/locales';
import type { en } from './messages';

export const da: AreaMessages<typeof en> = {
  'organisations.title': 'Organisationer',
  'organisations.search': 'Søg efter navn',
  'organisations.searchButton': 'Søg',
  'organisations.country': 'Land',
  'organisations.anyCountry': 'Alle lande',
  'organisations.results': '{count, plural, =0 {Ingen organisation fundet} one {# organisation} other {# organisationer}}',
  'organisations.name': 'Navn',
  'organisations.shortName': 'Kort navn',
  'organisations.kind': 'Type',
  'organisations.region': 'Region',
  'organisations.noRegion': '(ingen region)',
  'organisations.noRegions': 'Listen har kun Sveriges og Danmarks regioner.',
  'organisations.email': 'E-mail til nomineringsanmodninger',
  'organisations.more': 'Vis flere',
  'organisations.add': 'Tilføj en organisation',
  'organisations.addButton': 'Tilføj',
  'organisations.added': '{name} er tilføjet.',
  'organisations.open': 'Åbn {name}',
  'organisations.nameRequired': 'Navn: skriv organisationens navn.',
  'organisations.details': 'Oplysninger',
  'organisations.save': 'Gem',
  'organisations.saved': 'Gemt.',
  'organisations.parent': 'Del af',
  'organisations.parentHint': 'Hvis den er en del af en anden organisation (et fakultet under sit universitet, en bestyrelse under sit center): skriv mindst to bogstaver af den organisations navn.',
  'organisations.people': 'Personer i registret',
  'organisations.noPeople': 'Ingen i registret hører til organisationen.',
};
