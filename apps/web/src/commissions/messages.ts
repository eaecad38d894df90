/** The texts of this area in ICU MessageFormat; core/messages.ts puts every area's together. */
import type { AreaMessages } from '../core/locales';

export const en = {
  'commission.reference': 'Reference',
  'commission.status': 'Status',
  'commission.ACTIVE': 'Active',
  'commission.CONCLUDED': 'Concluded',
  'commission.PLANNED': 'Planned',
  'commission.REPORTED': 'Reported',
  'commission.starts': 'Started',
  'commission.deadline': 'Reporting deadline',
  'commission.objectives': 'Terms of reference',
  'commission.groups': 'Working groups',
} as const;

export const sv: AreaMessages<typeof en> = {
  'commission.reference': 'Diarienummer',
  'commission.status': 'Status',
  'commission.ACTIVE': 'Pågår',
  'commission.CONCLUDED': 'Avslutat',
  'commission.PLANNED': 'Planerat',
  'commission.REPORTED': 'Redovisat',
  'commission.starts': 'Startade',
  'commission.deadline': 'Slutredovisning',
  'commission.objectives': 'Uppdragets delar',
  'commission.groups': 'Arbetsgrupper',
};

export const da: AreaMessages<typeof en> = {
  'commission.reference': 'Journalnummer',
  'commission.status': 'Status',
  'commission.ACTIVE': 'Igangværende',
  'commission.CONCLUDED': 'Afsluttet',
  'commission.PLANNED': 'Planlagt',
  'commission.REPORTED': 'Afrapporteret',
  'commission.starts': 'Startede',
  'commission.deadline': 'Afrapporteringsfrist',
  'commission.objectives': 'Kommissorium',
  'commission.groups': 'Arbejdsgrupper',
};
