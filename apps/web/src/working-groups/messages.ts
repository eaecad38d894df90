/** The texts of this area in ICU MessageFormat; core/messages.ts puts every area's together. */
import type { AreaMessages } from '../core/locales';

export const en = {
  'group.status': 'Status',
  'group.ACTIVE': 'Active',
  'group.CONCLUDED': 'Concluded',
  'group.FORMING': 'Being formed',
  'group.chair': 'Chair',
  'group.meetings': 'Next meetings',
  'group.seats': 'Seats',
  'group.seat': 'Seat {number}: {holder}',
  'group.vacant': 'vacant',
} as const;

export const sv: AreaMessages<typeof en> = {
  'group.status': 'Status',
  'group.ACTIVE': 'Aktiv',
  'group.CONCLUDED': 'Avslutad',
  'group.FORMING': 'Under bildande',
  'group.chair': 'Ordförande',
  'group.meetings': 'Kommande möten',
  'group.seats': 'Platser',
  'group.seat': 'Plats {number}: {holder}',
  'group.vacant': 'vakant',
};

export const da: AreaMessages<typeof en> = {
  'group.status': 'Status',
  'group.ACTIVE': 'Aktiv',
  'group.CONCLUDED': 'Afsluttet',
  'group.FORMING': 'Under etablering',
  'group.chair': 'Formand',
  'group.meetings': 'Kommende møder',
  'group.seats': 'Pladser',
  'group.seat': 'Plads {number}: {holder}',
  'group.vacant': 'ledig',
};
