/** The Swedish texts of this area; the keys and their arguments are English's (messages.ts). */
import type { AreaMessages } from '../core/locales';
import type { en } from './messages';

export const sv: AreaMessages<typeof en> = {
  'organisations.title': 'Organisationer',
  'organisations.search': 'Sök på namn',
  'organisations.searchButton': 'Sök',
  'organisations.country': 'Land',
  'organisations.anyCountry': 'Alla länder',
  'organisations.results': '{count, plural, =0 {Ingen organisation hittades} one {# organisation} other {# organisationer}}',
  'organisations.name': 'Namn',
  'organisations.shortName': 'Kortnamn',
  'organisations.kind': 'Typ',
  'organisations.region': 'Region',
  'organisations.noRegion': '(ingen region)',
  'organisations.noRegions': 'Listan har bara Sveriges och Danmarks regioner.',
  'organisations.email': 'E-post för nomineringsbegäran',
  'organisations.more': 'Visa fler',
  'organisations.add': 'Lägg till en organisation',
  'organisations.addButton': 'Lägg till',
  'organisations.added': '{name} har lagts till.',
  'organisations.open': 'Öppna {name}',
  'organisations.nameRequired': 'Namn: skriv organisationens namn.',
  'organisations.details': 'Uppgifter',
  'organisations.save': 'Spara',
  'organisations.saved': 'Sparat.',
  'organisations.parent': 'Del av',
  'organisations.parentHint': 'Om den är en del av en annan organisation (en fakultet vid sitt universitet, en styrelse för sin myndighet): skriv minst två bokstäver av den organisationens namn.',
  'organisations.people': 'Personer i registret',
  'organisations.noPeople': 'Ingen i registret hör till organisationen.',
};
