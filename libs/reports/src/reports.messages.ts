import { ErrorCode, registerConstraintErrors, registerMessages } from '@samverkan/core';

registerMessages({
  'reports.periodEndsBeforeStart': {
    sv: '{field}: perioden slutar före sin början ({startsOn}).',
    da: '{field}: perioden slutter før sin begyndelse ({startsOn}).',
    en: '{field}: the period ends before it starts ({startsOn}).',
  },
  'reports.periodOverlaps': {
    sv: '{field}: perioden börjar innan perioden {previous} har slutat.',
    da: '{field}: perioden begynder, før perioden {previous} er slut.',
    en: '{field}: the period begins before the period {previous} has ended.',
  },
  'reports.unknownPeriod': {
    sv: 'Perioden {period} finns inte för uppdraget (rapporteringsintervall: {cadence}).',
    da: 'Perioden {period} findes ikke for opgaven (rapporteringsinterval: {cadence}).',
    en: 'The period {period} does not exist for this commission (reporting cadence: {cadence}).',
  },
  'reports.periodNotStarted': {
    sv: 'Perioden {period} har inte börjat än.',
    da: 'Perioden {period} er ikke begyndt endnu.',
    en: 'The period {period} has not started yet.',
  },
  'reports.periodBeforeStart': {
    sv: 'Perioden {period} slutar innan uppdraget började.',
    da: 'Perioden {period} slutter, før opgaven begyndte.',
    en: 'The period {period} ends before the commission started.',
  },
  'reports.noCadence': {
    sv: 'Uppdraget har inget rapporteringsintervall; ange en period.',
    da: 'Opgaven har intet rapporteringsinterval; angiv en periode.',
    en: 'The commission has no reporting cadence; give a period.',
  },
  'reports.immutable': {
    sv: 'En statusrapport kan inte ändras.',
    da: 'En statusrapport kan ikke ændres.',
    en: 'A status report cannot be changed.',
  },
  'reports.periodsOverlap': {
    sv: 'Rapportperioderna överlappar varandra.',
    da: 'Rapportperioderne overlapper hinanden.',
    en: 'The report periods overlap.',
  },
});

registerConstraintErrors({
  status_report_immutable: { code: ErrorCode.CONFLICT, messageKey: 'reports.immutable' },
  report_custom_period_no_overlap: { code: ErrorCode.BAD_USER_INPUT, messageKey: 'reports.periodsOverlap' },
});
